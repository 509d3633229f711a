/**
 * A dashboard view (filter + preset) as URL parameters, zod-free so the browser can build links
 * and API calls with it. The server parses them back with parseStatsQuery.
 */
import { MILITANT_CATEGORIES } from '../enums';
import type { IncidentFilter } from '../filters';
import type { PeriodPreset } from './period';

export interface ViewQuery {
  filter: IncidentFilter;
  preset: PeriodPreset | null;
}

export const LIST_FILTER_KEYS = ['country', 'province', 'group', 'type', 'category', 'target', 'status'] as const;

/** The stats' default categories (militant violence): a view leaves them out of its URL. */
export function isDefaultCategories(categories: readonly string[] | undefined): boolean {
  if (!categories || categories.length === 0) return true;
  const set = new Set(categories);
  return set.size === MILITANT_CATEGORIES.length && MILITANT_CATEGORIES.every((c) => set.has(c));
}

/** A preset stays a preset (a shared "last 24 h" link keeps rolling); a custom range keeps its edges. */
export function viewToParams(q: ViewQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.preset) p.set('range', q.preset);
  else {
    if (q.filter.from) p.set('from', q.filter.from);
    if (q.filter.to) p.set('to', q.filter.to);
  }
  for (const k of LIST_FILTER_KEYS) {
    const v = q.filter[k];
    if (k === 'category' && isDefaultCategories(v)) continue;
    if (v && v.length > 0) p.set(k, v.join(','));
  }
  return p;
}

/** The filter as the list/export endpoints take it: explicit from/to (they know no presets). */
export function filterToParams(f: IncidentFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  for (const k of LIST_FILTER_KEYS) {
    const v = f[k];
    if (v && v.length > 0) p.set(k, v.join(','));
  }
  return p;
}
