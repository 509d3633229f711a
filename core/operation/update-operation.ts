import { parsePatch } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { updateRecord, type WritePlan } from '../versioned-record';
import { operationKind } from './operation-kind';
import { UpdateOperationInput, type Operation } from './schema';

/** The one parse of a PATCH body: the version it was made against and the fields it changes. */
export function operationPatch(input: unknown): { version: number; patch: Partial<Operation> } {
  const { version, ...patch } = parsePatch(UpdateOperationInput, input);
  return { version, patch: patch as Partial<Operation> };
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
