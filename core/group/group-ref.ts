/**
 * Groups in URLs by short name: `?group=TTP` reads as the group's id (case-insensitive), and
 * links write the short name back. Ids, "unknown" and "other" pass through; a name that matches no group
 * passes on too, so the filter schema refuses it naming the parameter.
 */
import { GROUP_FILTER_WORDS } from '../rollup/incident-rollup';

export interface GroupRef {
  id: string;
  shortName: string;
}

const WORDS = new Set<string>(GROUP_FILTER_WORDS);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const values = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])
    .flatMap((s: string) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);

/** Whether `raw.group` names a group by short name (so the caller needs the group list). */
export const namesGroups = (raw: Record<string, unknown>): boolean =>
  values(raw.group).some((v) => !WORDS.has(v) && !UUID.test(v));

export function groupNamesToIds<T extends Record<string, unknown>>(raw: T, groups: readonly GroupRef[]): T {
  if (!namesGroups(raw)) return raw;
  const byName = new Map(groups.map((g) => [g.shortName.toLowerCase(), g.id]));
  const ids = values(raw.group).map((v) => (WORDS.has(v) || UUID.test(v) ? v : (byName.get(v.toLowerCase()) ?? v)));
  return { ...raw, group: ids };
}

/** Rewrites `group=<id>` to `group=<short name>` in place, for links people read and share. */
export function groupIdsToNames(params: URLSearchParams, groups: readonly GroupRef[]): URLSearchParams {
  const ids = params.getAll('group');
  if (ids.length === 0) return params;
  const byId = new Map(groups.map((g) => [g.id, g.shortName]));
  params.delete('group');
  for (const v of ids.flatMap((s) => s.split(','))) params.append('group', byId.get(v) ?? v);
  return params;
}
