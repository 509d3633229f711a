/**
 * The stats source over SQL. Whole local days (REPORT_TIMEZONE) are summed from the daily rollups (GROUP BY only the
 * dimensions a chart needs); the partial days at a period's edges, and hour buckets, are
 * aggregated from the incidents/operations tables by an indexed `occurred_at` range (edge-stats.ts,
 * with the rollup rebuild's expressions). No query scans every incident. Queries keyed by at most
 * one dimension read the narrow rollups (narrow-stats.ts) instead of the cube.
 */
import { and, gte, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  INCIDENT_MEASURES,
  OPERATION_MEASURES,
  type IncidentMeasures,
  type OperationMeasures,
} from '../../core/rollup/incident-rollup';
import type { IncidentFilter } from '../../core/filters';
import type { IncidentType, Province, TargetType } from '../../core/enums';
import type { IncidentCell, OperationCell } from '../../core/stats/cells';
import {
  computeBreakdown,
  computeBreakdowns,
  computeSummary,
  computeTimeseries,
  type CellShape,
  type StatsSource,
} from '../../core/stats/compute-stats';
import type { StatsQuery } from '../../core/stats/stats-query';
import { splitPeriod } from '../../core/stats/period';
import { dayStartIso } from '../../core/time/report-zone';
import type {
  BreakdownDimension,
  Bucket,
  Period,
  StatsBreakdown,
  StatsOverview,
  StatsSummary,
  StatsTimeseries,
} from '../../core/stats/stats-types';
import type { Db } from '../client';
import { groups, incidentRollupDaily as ird, incidents, operationRollupDaily as ord, operations } from '../schema';
import { readPosition } from '../change-log';
import { narrowIncidentCells, narrowOperationCells } from './narrow-stats';
import { edgeIncidentCells, edgeOperationCells } from './edge-stats';
import { StatsCache, type Cached } from './stats-cache';
import { AnswerCache } from './answer-cache';
import { incidentSources } from './incidents';
import { recordWhere, statsFilter } from './record-where';
import type { Position } from '../../core/change/change';

const all = (conds: (SQL | undefined)[]) => and(...conds.filter((c): c is SQL => c !== undefined));

/** Whole days [fromDay, toDay) of a rollup table; the primary key leads with day. */
function dayRange(t: typeof ird | typeof ord, days: { fromDay: string | null; toDay: string }) {
  return all([days.fromDay ? gte(t.day, days.fromDay) : undefined, lt(t.day, days.toDay)]);
}

/** Stats count live records only, whatever a list filter says about retraction. */
const liveOnly = (f: IncidentFilter) => statsFilter(filterKey(f));

/** A rollup day truncated to its bucket, as `YYYY-MM-DD` (timestamp without time zone: no session TZ). */
function bucketOf(day: AnyColumn, bucket: Exclude<Bucket, 'hour'>): SQL<string> {
  if (bucket === 'day') return sql<string>`to_char(${day}, 'YYYY-MM-DD')`;
  return sql<string>`to_char(date_trunc(${sql.raw(`'${bucket}'`)}, ${day}::timestamp), 'YYYY-MM-DD')`;
}

const dimColumn: Record<BreakdownDimension, AnyColumn> = {
  province: ird.province,
  group: ird.groupKey,
  type: ird.type,
  target: ird.targetType,
};

const sums = <M extends string>(t: Record<M, unknown>, names: readonly M[]) =>
  Object.fromEntries(names.map((m) => [m, sql<number>`coalesce(sum(${t[m]}), 0)::float8`])) as Record<M, SQL<number>>;

const timeRange = (
  col: typeof incidents.occurredAt | typeof operations.occurredAt,
  e: { from: string | null; to: string },
) => all([e.from ? gte(col, e.from) : undefined, lt(col, e.to)]);

async function rollupIncidentCells(
  db: Db,
  f: IncidentFilter,
  days: { fromDay: string | null; toDay: string },
  shape: CellShape,
  zone: string,
): Promise<IncidentCell[]> {
  const keys: Record<string, SQL> = {};
  if (shape.bucket && shape.bucket !== 'hour') keys.bucket = bucketOf(ird.day, shape.bucket);
  if (shape.type) keys.type = sql`${ird.type}`;
  if (shape.by) keys[shape.by] = sql`${dimColumn[shape.by]}`;
  const rows = await db
    .select({ ...keys, ...sums(ird as unknown as Record<string, unknown>, INCIDENT_MEASURES) })
    .from(ird)
    .where(all([dayRange(ird, days), recordWhere(ird, f)]))
    .groupBy(...Object.values(keys));
  return rows.map((r) => {
    const row = r as Record<string, string | number>;
    const measures = Object.fromEntries(INCIDENT_MEASURES.map((m) => [m, Number(row[m])])) as IncidentMeasures;
    const cell: IncidentCell = { measures };
    if (keys.bucket) cell.bucket = dayStartIso(String(row.bucket), zone);
    if (keys.type) cell.type = row.type as IncidentType;
    if (shape.by === 'province') cell.province = row.province as Province;
    if (shape.by === 'group') cell.groupKey = String(row.group);
    if (shape.by === 'type') cell.type = row.type as IncidentType;
    if (shape.by === 'target') cell.targetType = row.target as TargetType;
    return cell;
  });
}

async function rollupOperationCells(
  db: Db,
  f: IncidentFilter,
  days: { fromDay: string | null; toDay: string },
  bucket: Bucket | null,
  zone: string,
): Promise<OperationCell[]> {
  const keys: Record<string, SQL> = bucket && bucket !== 'hour' ? { bucket: bucketOf(ord.day, bucket) } : {};
  const rows = await db
    .select({ ...keys, ...sums(ord as unknown as Record<string, unknown>, OPERATION_MEASURES) })
    .from(ord)
    .where(all([dayRange(ord, days), recordWhere(ord, f)]))
    .groupBy(...Object.values(keys));
  return rows.map((r) => {
    const row = r as Record<string, string | number>;
    const measures = Object.fromEntries(OPERATION_MEASURES.map((m) => [m, Number(row[m])])) as OperationMeasures;
    return keys.bucket ? { bucket: dayStartIso(String(row.bucket), zone), measures } : { measures };
  });
}

/** Hour buckets cannot come from daily rollups: the whole (short) period is read by time. */
const spans = (period: Period, bucket: Bucket | null | undefined, zone: string) =>
  bucket === 'hour' ? { days: null, edges: [{ from: period.from, to: period.to }] } : splitPeriod(period, zone);

/** The filter without its period: whole-day cells are keyed by the days they cover. */
const filterKey = ({ from: _from, to: _to, ...rest }: IncidentFilter) => rest;

/** `zone`: the reporting zone the rollups are kept in; days, weeks, months and hours are its. */
export function createStatsSource(db: Db, zone: string, cached: Cached = (_key, load) => load()): StatsSource {
  return {
    async incidentCells(f, period, shape) {
      const { days, edges } = spans(period, shape.bucket, zone);
      const load = async (d: NonNullable<typeof days>) =>
        (await narrowIncidentCells(db, f, d, shape, zone)) ?? (await rollupIncidentCells(db, f, d, shape, zone));
      // A copy: the cached cells are shared, and the edges are appended below.
      const out = days
        ? [...(await cached(JSON.stringify(['incident', filterKey(f), days, shape]), () => load(days)))]
        : [];
      for (const e of edges) {
        out.push(
          ...(await edgeIncidentCells(
            db,
            all([timeRange(incidents.occurredAt, e), recordWhere(incidents, liveOnly(f))]),
            shape,
            zone,
          )),
        );
      }
      return out;
    },
    async operationCells(f, period, bucket) {
      const { days, edges } = spans(period, bucket, zone);
      const load = async (d: NonNullable<typeof days>) =>
        (await narrowOperationCells(db, f, d, bucket, zone)) ?? (await rollupOperationCells(db, f, d, bucket, zone));
      const out = days
        ? [...(await cached(JSON.stringify(['operation', filterKey(f), days, bucket]), () => load(days)))]
        : [];
      for (const e of edges) {
        out.push(
          ...(await edgeOperationCells(
            db,
            all([timeRange(operations.occurredAt, e), recordWhere(operations, liveOnly(f))]),
            bucket,
            zone,
          )),
        );
      }
      return out;
    },
    firstDay: () =>
      cached('firstDay', async () => {
        // min(day) walks the primary key from its start; cells emptied by retractions are skipped.
        const [a] = await db
          .select({ d: sql<string | null>`to_char(min(${ird.day}), 'YYYY-MM-DD')` })
          .from(ird)
          .where(sql`${ird.incidents} <> 0`);
        const [b] = await db
          .select({ d: sql<string | null>`to_char(min(${ord.day}), 'YYYY-MM-DD')` })
          .from(ord)
          .where(sql`${ord.records} <> 0`);
        const days = [a?.d, b?.d].filter((d): d is string => typeof d === 'string').sort();
        return days[0] ?? null;
      }),
    groupNames: () =>
      cached('groupNames', async (): Promise<ReadonlyMap<string, string>> => {
        const rows = await db.select({ id: groups.id, name: groups.shortName }).from(groups);
        return new Map(rows.map((r) => [r.id, r.name]));
      }),
  };
}

/**
 * The cache key of an answer: the query with its period as asked (a preset, or an open end, stands
 * for itself rather than for the instants it resolved to now), and whether the answer ages with the clock.
 */
function answerKey(kind: string, q: StatsQuery, now: number): { key: string; followsClock: boolean } {
  const { filter, period, preset, clockEnd, ...rest } = q;
  const asked = preset ? { preset } : clockEnd ? { from: period.from, to: 'now' } : period;
  return {
    key: JSON.stringify([kind, filterKey(filter), asked, rest]),
    followsClock: Boolean(clockEnd) || preset !== null || Date.parse(period.to) > now,
  };
}

/**
 * The stats reads the pages and the API share. Each answer carries the position read before its
 * data: a live client then ignores changes up to it, and a change that lands between the two reads
 * is at worst counted by the snapshot and refetched once more, never missed. `json` gives the same
 * answers serialised, as the API sends them, cached per position (answer-cache.ts).
 */
export function createStatsReads(db: Db, zone: string) {
  const cache = new StatsCache();
  const answers = new AnswerCache();
  const source = (position: Position) => createStatsSource(db, zone, cache.at(position));
  const at = {
    async summary(position: Position, q: StatsQuery): Promise<StatsSummary> {
      return { position, ...(await computeSummary(source(position), q)) };
    },
    async timeseries(position: Position, q: StatsQuery): Promise<StatsTimeseries> {
      return { position, ...(await computeTimeseries(source(position), q)) };
    },
    async breakdown(position: Position, q: StatsQuery, by: BreakdownDimension): Promise<StatsBreakdown> {
      return { position, ...(await computeBreakdown(source(position), q, by)) };
    },
    /** The overview's charts in one answer, all consistent with one position. */
    async overview(position: Position, q: StatsQuery): Promise<StatsOverview> {
      const src = source(position);
      const [summary, timeseries, breakdowns] = await Promise.all([
        computeSummary(src, q),
        computeTimeseries(src, q),
        computeBreakdowns(src, q),
      ]);
      const withPos = <T>(x: T) => ({ position, ...x });
      return {
        position,
        zone,
        summary: withPos(summary),
        timeseries: withPos(timeseries),
        breakdowns: Object.fromEntries(
          Object.entries(breakdowns).map(([k, v]) => [k, withPos(v)]),
        ) as StatsOverview['breakdowns'],
      };
    },
  };
  const serialised = async (
    kind: string,
    q: StatsQuery,
    answer: (p: Position) => Promise<object>,
    known?: Position,
  ) => {
    const position = known ?? (await readPosition(db));
    const { key, followsClock } = answerKey(kind, q, Date.now());
    return answers.get(position, key, followsClock, async () => JSON.stringify(await answer(position)));
  };
  const fresh = async <T>(answer: (p: Position) => Promise<T>): Promise<T> => answer(await readPosition(db));
  return {
    summary: (q: StatsQuery) => fresh((p) => at.summary(p, q)),
    timeseries: (q: StatsQuery) => fresh((p) => at.timeseries(p, q)),
    breakdown: (q: StatsQuery, by: BreakdownDimension) => fresh((p) => at.breakdown(p, q, by)),
    overview: (q: StatsQuery) => fresh((p) => at.overview(p, q)),
    json: {
      summary: (q: StatsQuery) => serialised('summary', q, (p) => at.summary(p, q)),
      timeseries: (q: StatsQuery) => serialised('timeseries', q, (p) => at.timeseries(p, q)),
      breakdown: (q: StatsQuery, by: BreakdownDimension) =>
        serialised(`breakdown:${by}`, q, (p) => at.breakdown(p, q, by)),
      /** `position`: one the caller has just read (the page, reading its other parts after it meanwhile). */
      overview: (q: StatsQuery, position?: Position) => serialised('overview', q, (p) => at.overview(p, q), position),
      /**
       * The sources of the records the query counts (the overview's sources line: a scan of the
       * period's incidents, 27 ms a render at 1M), cached per position like the other answers.
       */
      sources: (q: StatsQuery, position?: Position) =>
        serialised('sources', q, () => incidentSources(db, q.filter), position),
    },
  };
}
