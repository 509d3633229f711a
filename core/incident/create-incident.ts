import { parseInput } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { createRecord } from '../versioned-record';
import { incidentKind } from './incident-kind';
import { CreateIncidentInput, type Incident } from './schema';

export async function createIncident({ ctx, input, tx }: { ctx: Ctx; input: unknown; tx?: WriteTx }) {
  const fields = parseInput(CreateIncidentInput, input);
  return createRecord<Incident>(ctx, incidentKind, { ...fields, groupName: null }, tx);
}
