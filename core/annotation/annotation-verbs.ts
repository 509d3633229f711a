import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { parseMergePatch, type JsonObject } from '../merge-patch';
import { createRecord, type RecordKind } from '../versioned-record';
import { CreateAnnotationInput, type Annotation } from './schema';

export const annotationKind: RecordKind<Annotation> = {
  entity: 'annotation',
  label: 'Annotation',
  schema: CreateAnnotationInput,
  repo: (tx) => tx.annotations,
};

export async function createAnnotation({ ctx, input, tx }: { ctx: Ctx; input: unknown; tx?: WriteTx }) {
  return createRecord<Annotation>(ctx, annotationKind, parseInput(CreateAnnotationInput, input), tx);
}

/** The one parse of a PATCH body (the write verbs in core/write use it). */
export function annotationPatch(input: unknown): { version: number; patch: JsonObject } {
  return parseMergePatch(input);
}
