import { parseMergePatch } from '../merge-patch';
import type { Ctx, WriteTx } from '../ports';
import { updateRecord } from '../versioned-record';
import { operationKind } from './operation-kind';
import type { Operation } from './schema';

export async function updateOperation({ ctx, id, input, tx }: { ctx: Ctx; id: string; input: unknown; tx?: WriteTx }) {
  const { version, patch } = parseMergePatch(input);
  return updateRecord<Operation>(ctx, operationKind, id, version, patch, tx);
}
