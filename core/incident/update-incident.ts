import { parsePatch } from '../errors';
import type { Ctx, WriteTx } from '../ports';
import { updateRecord, type WritePlan } from '../versioned-record';
import { incidentKind } from './incident-kind';
import { UpdateIncidentInput, type Incident } from './schema';

/** The one parse of a PATCH body: the version it was made against and the fields it changes. */
export function incidentPatch(input: unknown): { version: number; patch: Partial<Incident> } {
  const { version, ...patch } = parsePatch(UpdateIncidentInput, input);
  return { version, patch: patch as Partial<Incident> };
}

export async function updateIncident({
  ctx,
  id,
  input,
  tx,
  plan,
}: {
  ctx: Ctx;
  id: string;
  input: unknown;
  tx?: WriteTx;
  plan?: Pick<WritePlan, 'at' | 'by'>;
}) {
  const { version, patch } = incidentPatch(input);
  return updateRecord<Incident>(ctx, incidentKind, id, version, patch, tx, plan);
}
