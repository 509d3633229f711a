/**
 * A re-import (file or sync) of a source id whose record was merged into another: the survivor is
 * updated instead of the retracted record coming back. Its figures take the new report in by the
 * merge rule (at least = largest low, up to = largest high) and its sources gain the row's; its
 * other fields stay as the merge chose them.
 */
import type { ImportItem, WriteOutcome } from '../import/import-sink';
import { incidentKind } from '../incident/incident-kind';
import type { Incident, IncidentFields } from '../incident/schema';
import type { JsonObject } from '../merge-patch';
import type { Ctx, WriteTx } from '../ports';
import { updateRecord, type WritePlan } from '../versioned-record';
import { mergeFigures, union } from './merge-fields';

/** A survivor may itself have been merged later: follow the chain this far. */
const MAX_HOPS = 8;

/** The outcome for a row that matched retracted record `id`, or null when it was not merged (the sink's own answer). */
export async function reimportIntoSurvivor(
  ctx: Ctx,
  tx: WriteTx,
  id: string,
  item: ImportItem,
  plan?: Pick<WritePlan, 'at' | 'by'>,
): Promise<WriteOutcome | null> {
  if (item.kind !== 'incident' || !tx.duplicates) return null;
  let survivor: Incident | null = null;
  for (let at = id, hops = 0; hops < MAX_HOPS; hops++) {
    const next = await tx.duplicates.survivorOf(at);
    if (!next) break;
    survivor = await tx.incidents.get(next, { lock: true });
    if (!survivor?.retractedAt) break;
    at = next;
  }
  if (!survivor || survivor.retractedAt) return null;
  const input = item.input as IncidentFields;
  const patch: JsonObject = {};
  const casualties = mergeFigures([survivor.casualties, input.casualties]);
  if (JSON.stringify(casualties) !== JSON.stringify(survivor.casualties)) patch.casualties = casualties;
  const sources = union([survivor.sources, input.sources]).slice(0, 50);
  if (sources.length !== survivor.sources.length) patch.sources = sources;
  if (Object.keys(patch).length === 0) return 'unchanged';
  await updateRecord<Incident>(ctx, incidentKind, survivor.id, survivor.version, patch, tx, plan);
  return 'changed';
}
