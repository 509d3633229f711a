/**
 * Applying a live incident change to a list the page shows (feed, map points). Idempotent: a
 * change whose version the list already holds is a no-op, so re-applying changes onto a fresher
 * snapshot (use-live-changes' changesAfter) never duplicates or regresses a row.
 */
import type { Change } from '@/core/change/change';
import type { Incident } from '@/core/incident/schema';
import { toBrief, type IncidentBrief } from '@/core/stats/incident-brief';

export function incidentOf(c: Change): Incident | null {
  if (c.entity !== 'incident') return null;
  const d = c.data as Partial<Incident> | null;
  return d && typeof d.id === 'string' && typeof d.occurredAt === 'string' && d.casualties ? (d as Incident) : null;
}

/** Upserts `b` (newest first) when `keep(b)`, removes it otherwise; at most `limit` rows. */
export function applyBrief(list: IncidentBrief[], b: IncidentBrief, keep: boolean, limit: number): IncidentBrief[] {
  const at = list.findIndex((x) => x.id === b.id);
  if (at >= 0 && list[at]!.version >= b.version) return list;
  const rest = at >= 0 ? [...list.slice(0, at), ...list.slice(at + 1)] : list;
  if (!keep) return at >= 0 ? rest : list;
  const pos = rest.findIndex((x) => x.occurredAt < b.occurredAt || (x.occurredAt === b.occurredAt && x.id < b.id));
  const next = pos < 0 ? [...rest, b] : [...rest.slice(0, pos), b, ...rest.slice(pos)];
  return next.slice(0, limit);
}

export { toBrief };
