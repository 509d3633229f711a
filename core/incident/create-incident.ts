import type { Versioned } from '../common-schemas';
import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord, createRecords, type WritePlan } from '../versioned-record';
import { incidentKind } from './incident-kind';
import { incidentInputAt, type Incident } from './schema';

export type IncidentFields = Omit<Incident, keyof Versioned>;

/**
 * The one parse of a create's input (the group name is derived inside the transaction), against
 * the writer's clock: nothing can have happened after `now`.
 */
export function incidentFields(input: unknown, now: Date): IncidentFields {
  return { ...parseInput(incidentInputAt(now), input), groupName: null } as IncidentFields;
}

export async function createIncident({
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
  return createRecord<Incident>(ctx, incidentKind, incidentFields(input, ctx.now()), tx, plan);
}

/** Many incidents in the caller's transaction (imports, seeding); each input validated first. */
export async function createIncidents({
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
  return createRecords<Incident>(
    ctx,
    incidentKind,
    inputs.map((input) =>
      imported ? ({ ...(input as IncidentFields), groupName: null } as IncidentFields) : incidentFields(input, now),
    ),
    tx,
    plans,
    { externalIdsChecked: imported },
  );
}
