import { parseMergePatch } from '../merge-patch';
import type { Ctx, WriteTx } from '../ports';
import { updateRecord } from '../versioned-record';
import { incidentKind } from './incident-kind';
import type { Incident } from './schema';

export async function updateIncident({ ctx, id, input, tx }: { ctx: Ctx; id: string; input: unknown; tx?: WriteTx }) {
  const { version, patch } = parseMergePatch(input);
  return updateRecord<Incident>(ctx, incidentKind, id, version, patch, tx);
}
