import { parseMergePatch, type JsonObject } from '../merge-patch';
import type { Ctx, WriteTx } from '../ports';
import { updateRecord, type WritePlan } from '../versioned-record';
import { operationKind } from './operation-kind';
import type { Operation } from './schema';

/** The one parse of a PATCH body: the version it was made against and its JSON Merge Patch. */
export function operationPatch(input: unknown): { version: number; patch: JsonObject } {
  return parseMergePatch(input);
}

export async function updateOperation({
  ctx,
  id,
  input,
  tx,
  plan,
}: {
  ctx: Ctx;
  id: string;
  input: unknown;
  tx?: WriteTx;
  plan?: Pick<WritePlan, 'at' | 'by'>;
}) {
  const { version, patch } = operationPatch(input);
  return updateRecord<Operation>(ctx, operationKind, id, version, patch, tx, plan);
}
