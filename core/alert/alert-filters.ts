/**
 * A view's filters are the stats query parameters. They are checked by the dashboard's own parser
 * (so a view cannot hold a filter the overview would refuse), and a rule matches records with the
 * live feed's rules (core/stats/match-filter.ts). The period of a view (range, from, to) is how the
 * overview shows it; a rule's time is its trigger's, so a rule ignores it.
 */
import { ValidationError } from '../errors';
import type { IncidentFilter } from '../filters';
import { parseStatsQuery } from '../stats/stats-query';
import type { ViewFilters } from './schema';

const PERIOD_KEYS = new Set(['range', 'from', 'to']);
// The checks below keep no period (a rule has none; a view's is resolved by the page, in the
// reporting zone), so the zone they parse with changes no outcome but an order within hours.
const CHECK = { zone: 'UTC' };

/** Throws a ValidationError naming `filters.<param>` for each bad parameter. */
export function checkViewFilters(filters: ViewFilters, now: Date): void {
  try {
    parseStatsQuery(filters, now, CHECK);
  } catch (err) {
    if (err instanceof ValidationError) {
      throw new ValidationError(Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [`filters.${k}`, v])));
    }
    throw err;
  }
}

/** The record filter a rule applies: the view's filters without its period. */
export function ruleFilter(filters: ViewFilters): IncidentFilter {
  const rest = Object.fromEntries(Object.entries(filters).filter(([k]) => !PERIOD_KEYS.has(k)));
  const { filter } = parseStatsQuery(rest, new Date(0), CHECK);
  // parseStatsQuery resolves an open period to "up to now"; a rule has no period.
  return { ...filter, from: undefined, to: undefined };
}
