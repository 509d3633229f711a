import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { parseMergePatch, type JsonObject } from '../merge-patch';
import { createRecord, updateRecord, type RecordKind } from '../versioned-record';
import { CreateReferenceFigureInput, type ReferenceFigure } from './schema';

export const referenceFigureKind: RecordKind<ReferenceFigure> = {
  entity: 'referenceFigure',
  label: 'Reference figure',
  schema: CreateReferenceFigureInput,
  repo: (tx) => tx.referenceFigures,
};

export async function createReferenceFigure({ ctx, input, tx }: { ctx: Ctx; input: unknown; tx?: WriteTx }) {
  return createRecord<ReferenceFigure>(ctx, referenceFigureKind, parseInput(CreateReferenceFigureInput, input), tx);
}

export async function updateReferenceFigure({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const { version, patch } = parseMergePatch(input);
  return updateRecord<ReferenceFigure>(ctx, referenceFigureKind, id, version, patch);
}

/** The one parse of a PATCH body (the write verbs in core/write use it). */
export function referenceFigurePatch(input: unknown): { version: number; patch: JsonObject } {
  return parseMergePatch(input);
}
