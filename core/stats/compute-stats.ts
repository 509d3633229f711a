/**
 * The stats answers, from a StatsSource (db/queries/stats.ts over the rollups and, for partial
 * days, the incidents table; an in-memory source in tests). The source returns cells; everything
 * that turns cells into numbers lives in this folder, typed and tested without a database.
 */
import { MILITANT_CATEGORIES } from '../enums';
import { ValidationError } from '../errors';
import type { IncidentFilter } from '../filters';
import { buildBreakdown } from './breakdown';
import { countBuckets } from './buckets';
import type { IncidentCell, OperationCell } from './cells';
import { chooseBucket, DAY_MS, MAX_HOUR_BUCKET_MS, MAX_POINTS, previousPeriod } from './period';
import type { StatsQuery } from './stats-query';
import { summariseCells } from './summary';
import { dayStartMs } from '../time/report-zone';
import { buildTimeseries } from './timeseries';
import {
  BREAKDOWN_DIMENSIONS,
  type BreakdownDimension,
  type Bucket,
  type Period,
  type StatsBreakdown,
  type StatsSummary,
  type StatsTimeseries,
} from './stats-types';

/** Which dimensions a query keeps; the rest are summed away (in SQL where possible). */
export interface CellShape {
  bucket?: Bucket;
  by?: BreakdownDimension;
  /** Keep the incident type (the trend is stacked by type). */
  type?: boolean;
}

export interface StatsSource {
  incidentCells(filter: IncidentFilter, period: Period, shape: CellShape): Promise<IncidentCell[]>;
  operationCells(filter: IncidentFilter, period: Period, bucket: Bucket | null): Promise<OperationCell[]>;
  /** The first local day with any record (`YYYY-MM-DD`), for "all time" series; null when empty. */
  firstDay(): Promise<string | null>;
  groupNames(): Promise<ReadonlyMap<string, string>>;
}

type Answer<T> = Omit<T, 'position'>;

const withPeriod = (f: IncidentFilter, p: Period): IncidentFilter => ({ ...f, from: p.from ?? undefined, to: p.to });

export async function computeSummary(src: StatsSource, q: StatsQuery): Promise<Answer<StatsSummary>> {
  const prev = previousPeriod(q.period);
  const [ci, co, pi, po] = await Promise.all([
    src.incidentCells(q.filter, q.period, {}),
    src.operationCells(q.filter, q.period, null),
    prev ? src.incidentCells(withPeriod(q.filter, prev), prev, {}) : Promise.resolve(null),
    prev ? src.operationCells(withPeriod(q.filter, prev), prev, null) : Promise.resolve(null),
  ]);
  return {
    zone: q.zone,
    categories: [...(q.filter.category ?? MILITANT_CATEGORIES)],
    current: summariseCells(q.period, ci, co),
    previous: prev && pi && po ? summariseCells(prev, pi, po) : null,
  };
}

/** The period a series spans: "all time" starts at the first recorded day (or 30 days back when empty). */
export async function seriesPeriod(src: StatsSource, q: StatsQuery): Promise<Period & { from: string }> {
  if (q.period.from !== null) return { from: q.period.from, to: q.period.to };
  const first = await src.firstDay();
  const to = Date.parse(q.period.to);
  const from = first ? Math.min(dayStartMs(first, q.zone), to - DAY_MS) : to - 30 * DAY_MS;
  return { from: new Date(from).toISOString(), to: q.period.to };
}

export function resolveBucket(period: Period & { from: string }, requested: Bucket | undefined, zone: string): Bucket {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const bucket = requested ?? chooseBucket(to - from);
  if (bucket === 'hour' && to - from > MAX_HOUR_BUCKET_MS) {
    throw new ValidationError({ bucket: 'hour buckets need a period of 7 days or less; use day, week or month' });
  }
  const n = countBuckets(from, to, bucket, zone);
  if (n > MAX_POINTS)
    throw new ValidationError({
      bucket: `the period holds ${n} ${bucket}s (at most ${MAX_POINTS}); choose a larger bucket`,
    });
  return bucket;
}

export async function computeTimeseries(src: StatsSource, q: StatsQuery): Promise<Answer<StatsTimeseries>> {
  const period = await seriesPeriod(src, q);
  const bucket = resolveBucket(period, q.bucket, q.zone);
  // The cells are read for the query's own period: an "all time" series has no lower bound.
  const [ci, co] = await Promise.all([
    src.incidentCells(q.filter, q.period, { bucket, type: true }),
    src.operationCells(q.filter, q.period, bucket),
  ]);
  return {
    zone: q.zone,
    from: period.from,
    to: period.to,
    bucket,
    points: buildTimeseries(period, bucket, q.zone, ci, co),
  };
}

export async function computeBreakdown(
  src: StatsSource,
  q: StatsQuery,
  by: BreakdownDimension,
): Promise<Answer<StatsBreakdown>> {
  const [cells, names] = await Promise.all([
    src.incidentCells(q.filter, q.period, { by }),
    by === 'group' ? src.groupNames() : Promise.resolve(undefined),
  ]);
  return {
    zone: q.zone,
    from: q.period.from,
    to: q.period.to,
    ...buildBreakdown(by, cells, { top: q.top, groupNames: names }),
  };
}

export async function computeBreakdowns(
  src: StatsSource,
  q: StatsQuery,
): Promise<Record<BreakdownDimension, Answer<StatsBreakdown>>> {
  const all = await Promise.all(BREAKDOWN_DIMENSIONS.map((by) => computeBreakdown(src, q, by)));
  return Object.fromEntries(BREAKDOWN_DIMENSIONS.map((by, i) => [by, all[i]!])) as Record<
    BreakdownDimension,
    Answer<StatsBreakdown>
  >;
}
