import { parseMergePatch, type JsonObject } from '../merge-patch';
import type { Ctx, WriteTx } from '../ports';
import { updateRecord, type WritePlan } from '../versioned-record';
import { incidentKind } from './incident-kind';
import type { Incident } from './schema';

/** The one parse of a PATCH body: the version it was made against and its JSON Merge Patch. */
export function incidentPatch(input: unknown): { version: number; patch: JsonObject } {
  return parseMergePatch(input);
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
