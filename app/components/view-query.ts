/**
 * A page's view from its URL: the shared filters and a period preset, parsed by core's stats
 * query (server side; the browser never loads zod). A bad parameter does not break the page: it
 * is reported and the default view is shown.
 */
import { ValidationError } from '@/core/errors';
import { groupIdsToNames, groupNamesToIds, type GroupRef } from '@/core/group/group-ref';
import { DEFAULT_PRESET, PRESET_LABELS, type PeriodPreset } from '@/core/stats/period';
import { viewToParams, type ViewQuery } from '@/core/stats/query-params';
import { parseStatsQuery, type RawParams, type StatsQuery } from '@/core/stats/stats-query';
import { resolveBucket } from '@/core/stats/compute-stats';
import { formatDay } from './time-format';
import { reportZone, zoneLabel } from './report-zone';

export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

export interface PageView {
  query: StatsQuery;
  view: ViewQuery;
  /** The view as a query string (presets kept), for links and API calls. */
  params: string;
  problems: Record<string, string> | null;
}

export function parseView(
  raw: Record<string, string | string[] | undefined>,
  now: Date,
  opts: { defaultPreset?: PeriodPreset | null; pageKeys?: string[]; groups?: readonly GroupRef[] } = {},
): PageView {
  let params: RawParams = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined && !opts.pageKeys?.includes(k)) params[k] = v;
  params = groupNamesToIds(params, opts.groups ?? []);
  const defaultPreset = opts.defaultPreset === null ? undefined : (opts.defaultPreset ?? DEFAULT_PRESET);
  let query: StatsQuery;
  let problems: Record<string, string> | null = null;
  try {
    query = parseStatsQuery(params, now, { defaultPreset, zone: reportZone() });
    checkBucket(query);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    problems = e.fields;
    query = parseStatsQuery({}, now, { defaultPreset, zone: reportZone() });
  }
  const view: ViewQuery = { filter: query.filter, preset: query.preset };
  const out = groupIdsToNames(viewToParams(view), opts.groups ?? []);
  // A chosen bucket stays with the view (links, live refetches); a new period starts from its default.
  if (query.bucket) out.set('bucket', query.bucket);
  return { query, view, params: out.toString(), problems };
}

/**
 * The bucket against the period, as the stats reads will check it: a bad pair must become the
 * page's message and default view here, not an error while the page renders. An open start
 * ("all time") spans more than 7 days once anything is recorded, so hour buckets are refused there too.
 */
function checkBucket(query: StatsQuery): void {
  if (!query.bucket) return;
  if (query.period.from !== null)
    resolveBucket({ from: query.period.from, to: query.period.to }, query.bucket, query.zone);
  else if (query.bucket === 'hour')
    throw new ValidationError({ bucket: 'hour buckets need a period of 7 days or less; use day, week or month' });
}

const PRESET_WORDS: Record<PeriodPreset, string> = {
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '1y': 'Last 12 months',
  all: 'All recorded time',
};

/** "Last 30 days" / "1 Mar 2025 – 10 Mar 2025" for headings. */
export function describePeriod(q: StatsQuery): string {
  if (q.preset) return PRESET_WORDS[q.preset];
  // Days of the reporting zone, said once; the end is exclusive, so its last day is the one before it.
  if (!q.period.from) return `Until ${formatDay(q.period.to)} (${zoneLabel(q.period.to)})`;
  return `${formatDay(q.period.from)} – ${formatDay(new Date(Date.parse(q.period.to) - 1).toISOString())} (${zoneLabel(q.period.to)})`;
}

/** The short name of the period for "vs previous …". */
export const periodShortLabel = (q: StatsQuery): string => (q.preset ? PRESET_LABELS[q.preset] : 'period');
