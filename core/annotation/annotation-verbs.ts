import { RetractInput } from '../common-schemas';
import { parseInput, parsePatch } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord, retractRecord, updateRecord, type RecordKind } from '../versioned-record';
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

export async function updateAnnotation({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const { version, ...patch } = parsePatch(UpdateAnnotationInput, input);
  return updateRecord<Annotation>(ctx, annotationKind, id, version, patch as Partial<Annotation>);
}

export async function retractAnnotation({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const { reason, version } = parseInput(RetractInput, input);
  return retractRecord(ctx, annotationKind, id, reason, version);
}

/** The one parse of a PATCH body (the write verbs in core/write use it). */
export function annotationPatch(input: unknown): { version: number; patch: Partial<Annotation> } {
  const { version, ...patch } = parsePatch(UpdateAnnotationInput, input);
  return { version, patch: patch as Partial<Annotation> };
}
