import { parsePatch } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { updateRecord } from '../versioned-record';
import { operationKind } from './operation-kind';
import { UpdateOperationInput, type Operation } from './schema';

export async function updateOperation({ ctx, id, input, tx }: { ctx: Ctx; id: string; input: unknown; tx?: WriteTx }) {
  const { version, ...patch } = parsePatch(UpdateOperationInput, input);
  return updateRecord<Operation>(ctx, operationKind, id, version, patch as Partial<Operation>, tx);
}
