import type { Versioned } from '../common-schemas';
import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord, createRecords, type WritePlan } from '../versioned-record';
import { operationKind } from './operation-kind';
import { createOperationInputAt, type Operation } from './schema';

export type OperationFields = Omit<Operation, keyof Versioned>;

/**
 * The one parse of a create's input (the group name is derived inside the transaction), against
 * the writer's clock: nothing can have happened after `now`.
 */
export function operationFields(input: unknown, now: Date, reportZone: string): OperationFields {
  return { ...parseInput(createOperationInputAt(now, reportZone), input), groupName: null } as OperationFields;
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
  return createRecord<Operation>(ctx, operationKind, operationFields(input, ctx.now(), ctx.reportZone), tx, plan);
}

/** Many operations in the caller's transaction (imports, seeding); each input validated first. */
export async function createOperations({
  ctx,
  inputs,
  tx,
  plans,
}: {
  ctx: Ctx;
  inputs: unknown[];
  tx: WriteTx;
  plans?: WritePlan[];
}) {
  const now = ctx.now();
  return createRecords<Operation>(
    ctx,
    operationKind,
    inputs.map((input) => operationFields(input, now, ctx.reportZone)),
    tx,
    plans,
  );
}
