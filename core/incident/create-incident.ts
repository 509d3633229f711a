import type { Versioned } from '../common-schemas';
import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord, createRecords, type WritePlan } from '../versioned-record';
import { incidentKind } from './incident-kind';
import { CreateIncidentInput, type Incident } from './schema';

export type IncidentFields = Omit<Incident, keyof Versioned>;

/** The one parse of a create's input (the group name is derived inside the transaction). */
export function incidentFields(input: unknown): IncidentFields {
  return { ...parseInput(CreateIncidentInput, input), groupName: null } as IncidentFields;
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
  return createRecord<Incident>(ctx, incidentKind, incidentFields(input), tx, plan);
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
  return createRecords<Incident>(ctx, incidentKind, inputs.map(incidentFields), tx, plans);
}
