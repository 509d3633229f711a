import type { Versioned } from '../common-schemas';
import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord, createRecords, type WritePlan } from '../versioned-record';
import { operationKind } from './operation-kind';
import { operationInputAt, type Operation } from './schema';

export type OperationFields = Omit<Operation, keyof Versioned>;

/**
 * The one parse of a create's input (the group name is derived inside the transaction), against
 * the writer's clock: nothing can have happened after `now`.
 */
export function operationFields(input: unknown, now: Date): OperationFields {
  return { ...parseInput(operationInputAt(now), input), groupName: null } as OperationFields;
}

export async function createOperation({
  ctx,
  input,
  tx,
  plan,
}: {
  ctx: Ctx;
  input: unknown;
  tx?: WriteTx;
  plan?: WritePlan;
}) {
  return createRecord<Operation>(ctx, operationKind, operationFields(input, ctx.now()), tx, plan);
}

/** Many operations in the caller's transaction (imports, seeding); each input validated first. */
export async function createOperations({
  ctx,
  inputs,
  tx,
  plans,
  imported,
}: {
  ctx: Ctx;
  inputs: unknown[];
  tx: WriteTx;
  plans?: WritePlan[];
  /**
   * An import batch: the inputs are the schema's output already (core/import ImportItem) and
   * their external ids were looked up in this transaction, so neither is done again.
   */
  imported?: boolean;
}) {
  const now = ctx.now();
  return createRecords<Operation>(
    ctx,
    operationKind,
    inputs.map((input) =>
      imported ? ({ ...(input as OperationFields), groupName: null } as OperationFields) : operationFields(input, now),
    ),
    tx,
    plans,
    { externalIdsChecked: imported },
  );
}
