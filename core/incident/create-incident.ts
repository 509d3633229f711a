import type { Versioned } from '../common-schemas';
import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord, createRecords, type WritePlan } from '../versioned-record';
import { incidentKind } from './incident-kind';
import { createIncidentInputAt, type Incident } from './schema';

export type IncidentFields = Omit<Incident, keyof Versioned>;

/**
 * The one parse of a create's input (the group name is derived inside the transaction), against
 * the writer's clock: nothing can have happened after `now`.
 */
export function incidentFields(input: unknown, now: Date, reportZone: string): IncidentFields {
  return { ...parseInput(createIncidentInputAt(now, reportZone), input), groupName: null } as IncidentFields;
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
  return createRecord<Incident>(ctx, incidentKind, incidentFields(input, ctx.now(), ctx.reportZone), tx, plan);
}

/** Many incidents in the caller's transaction (imports, seeding); each input validated first. */
export async function createIncidents({
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
  return createRecords<Incident>(
    ctx,
    incidentKind,
    inputs.map((input) => incidentFields(input, now, ctx.reportZone)),
    tx,
    plans,
  );
}
