import { RetractInput } from '../common-schemas';
import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { parseMergePatch, type JsonObject } from '../merge-patch';
import { createRecord, retractRecord, updateRecord, type RecordKind } from '../versioned-record';
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

export async function updateAnnotation({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const { version, patch } = parseMergePatch(input);
  return updateRecord<Annotation>(ctx, annotationKind, id, version, patch);
}

export async function retractAnnotation({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const { reason, version } = parseInput(RetractInput, input);
  return retractRecord(ctx, annotationKind, id, reason, version);
}

/** The one parse of a PATCH body (the write verbs in core/write use it). */
export function annotationPatch(input: unknown): { version: number; patch: JsonObject } {
  return parseMergePatch(input);
}
