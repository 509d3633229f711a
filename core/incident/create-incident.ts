import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord, createRecords } from '../versioned-record';
import { incidentKind } from './incident-kind';
import { createIncidentInputAt, type Incident } from './schema';

export async function createIncident({ ctx, input, tx }: { ctx: Ctx; input: unknown; tx?: WriteTx }) {
  const fields = parseInput(createIncidentInputAt(ctx.now()), input);
  return createRecord<Incident>(ctx, incidentKind, { ...fields, groupName: null }, tx);
}

/** Many incidents in the caller's transaction (imports, seeding); each input validated first. */
export async function createIncidents({ ctx, inputs, tx }: { ctx: Ctx; inputs: unknown[]; tx: WriteTx }) {
  const schema = createIncidentInputAt(ctx.now());
  const fields = inputs.map((input) => ({ ...parseInput(schema, input), groupName: null }));
  return createRecords<Incident>(ctx, incidentKind, fields, tx);
}
