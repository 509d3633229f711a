import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord, createRecords } from '../versioned-record';
import { operationKind } from './operation-kind';
import { createOperationInputAt, type Operation } from './schema';

export async function createOperation({ ctx, input, tx }: { ctx: Ctx; input: unknown; tx?: WriteTx }) {
  const fields = parseInput(createOperationInputAt(ctx.now()), input);
  return createRecord<Operation>(ctx, operationKind, { ...fields, groupName: null }, tx);
}

/** Many operations in the caller's transaction (imports, seeding); each input validated first. */
export async function createOperations({ ctx, inputs, tx }: { ctx: Ctx; inputs: unknown[]; tx: WriteTx }) {
  const schema = createOperationInputAt(ctx.now());
  const fields = inputs.map((input) => ({ ...parseInput(schema, input), groupName: null }));
  return createRecords<Operation>(ctx, operationKind, fields, tx);
}
