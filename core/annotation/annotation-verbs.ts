import { parseInput, parsePatch } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord, type RecordKind } from '../versioned-record';
import { CreateAnnotationInput, UpdateAnnotationInput, type Annotation } from './schema';

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
export function annotationPatch(input: unknown): { version: number; patch: Partial<Annotation> } {
  const { version, ...patch } = parsePatch(UpdateAnnotationInput, input);
  return { version, patch: patch as Partial<Annotation> };
}
