import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord } from '../versioned-record';
import { operationKind } from './operation-kind';
import { CreateOperationInput, type Operation } from './schema';

export async function createOperation({ ctx, input, tx }: { ctx: Ctx; input: unknown; tx?: WriteTx }) {
  const fields = parseInput(CreateOperationInput, input);
  return createRecord<Operation>(ctx, operationKind, { ...fields, groupName: null }, tx);
}
