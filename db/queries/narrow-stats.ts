/**
 * Whole-day stats from the narrow rollups (core/rollup/narrow-rollups.ts) when a query needs at
 * most one dimension: no filter, or a filter on the dimension it is keyed by. A range reads whole
 * months (or weeks, for a weekly series) plus the days at its ends, so an all-time answer sums a
 * few hundred rows. Anything else (country or status filters, a filter on one dimension with a
 * breakdown by another) returns null and the caller sums the daily cube.
 */
import { and, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { IncidentFilter } from '../../core/filters';
import {
  INCIDENT_TYPES,
  MILITANT_CATEGORIES,
  type IncidentType,
  type Province,
  type TargetType,
} from '../../core/enums';
import {
  INCIDENT_MEASURES,
  OPERATION_MEASURES,
  zeroIncidentMeasures,
  zeroOperationMeasures,
  type IncidentMeasures,
  type OperationMeasures,
} from '../../core/rollup/incident-rollup';
import {
  BY_TYPE_MEASURES,
  NARROW_GRAINS,
  splitByGrain,
  type Grain,
  type GrainSplit,
  type NarrowDim,
} from '../../core/rollup/narrow-rollups';
import type { IncidentCell, OperationCell } from '../../core/stats/cells';
import type { CellShape } from '../../core/stats/compute-stats';
import { bucketKey } from '../../core/stats/buckets';
import type { Bucket } from '../../core/stats/stats-types';
import type { Db } from '../client';
import { incidentRollupNarrow as irn, operationRollupNarrow as orn } from '../schema';
import { MEASURE_COLUMNS } from '../rollups/columns';
import { resultRows } from '../result-rows';
import { narrowKeys } from './record-where';

type Days = { fromDay: string | null; toDay: string };
const has = <T>(v: T[] | undefined): v is T[] => v !== undefined && v.length > 0;
const all = (conds: (SQL | undefined)[]) => and(...conds.filter((c): c is SQL => c !== undefined));

/** Each measure as float8 under its camelCase name (a JS number on both drivers), summed or not. */
const measureList = (names: readonly string[], summed: boolean) =>
  names
    .map((m) =>
      summed
        ? `coalesce(sum("${MEASURE_COLUMNS[m]}"), 0)::float8 AS "${m}"`
        : `"${MEASURE_COLUMNS[m]}"::float8 AS "${m}"`,
    )
    .join(', ');
/** A zero object to copy: copies of one literal share a fast hidden class (Object.fromEntries' do not). */
const ZERO: IncidentMeasures = { ...zeroIncidentMeasures() };
const ZERO_OPS: OperationMeasures = { ...zeroOperationMeasures() };

/** The grain whose rows are the query's coarse part: the bucket itself, or months for totals. */
function grainFor(bucket: Bucket | null | undefined, dim: NarrowDim | null): Grain {
  const wanted: Grain = bucket === 'day' || bucket === 'week' || bucket === 'month' ? bucket : 'month';
  return dim === null || NARROW_GRAINS[dim].includes(wanted) ? wanted : 'day';
}

function grainWhere(t: typeof irn | typeof orn, split: GrainSplit): SQL | undefined {
  const parts: SQL[] = [];
  const range = (grain: Grain, from: string | null, to: string) =>
    all([eq(t.grain, grain), from ? gte(t.start, from) : undefined, lt(t.start, to)]);
  if (split.coarse) parts.push(range(split.coarse.grain, split.coarse.from, split.coarse.to)!);
  for (const d of split.days) parts.push(range('day', d.from, d.to)!);
  return parts.length === 0 ? sql`false` : or(...parts);
}

interface Plan {
  dim: NarrowDim;
  /** Filter values on `dim` (rollup keys), or null for every key. */
  keys: string[] | null;
}

/** The one dimension a query needs (its breakdown, else its filter), or null when it needs two. */
function plan(f: IncidentFilter, shape: CellShape): Plan | null {
  if (has(f.country) || has(f.status)) return null;
  // The narrow rows hold militant violence only: any other set of categories needs the cube.
  const categories = new Set(f.category ?? []);
  if (categories.size !== MILITANT_CATEGORIES.length || !MILITANT_CATEGORIES.every((c) => categories.has(c)))
    return null;
  const [filtered, other] = narrowKeys(f);
  if (other || (filtered && shape.by && filtered[0] !== shape.by)) return null;
  return { dim: shape.by ?? filtered?.[0] ?? 'all', keys: filtered?.[1] ?? null };
}

type Row = Record<string, string | number>;

function measuresOf(row: Row): IncidentMeasures {
  const m = { ...ZERO };
  for (const k of INCIDENT_MEASURES) m[k] = Number(row[k]);
  return m;
}

function keyed(cell: IncidentCell, dim: NarrowDim, key: string): IncidentCell {
  if (dim === 'type') cell.type = key as IncidentType;
  else if (dim === 'province') cell.province = key as Province;
  else if (dim === 'group') cell.groupKey = key;
  else if (dim === 'target') cell.targetType = key as TargetType;
  return cell;
}

/** A row as a cell; stacked by type, with the row's incidents per type. */
function toCell(row: Row, dim: NarrowDim, shape: CellShape): IncidentCell {
  const cell: IncidentCell = { measures: measuresOf(row) };
  if (row.bucket !== undefined) cell.bucket = String(row.bucket);
  if (!shape.type) return keyed(cell, dim, String(row.key));
  const byType: Partial<Record<IncidentType, number>> = {};
  for (const t of INCIDENT_TYPES) byType[t] = Number(row[`byType_${t}`]);
  cell.byType = byType;
  return cell;
}

/**
 * Rows of the range. A series reads its rows as they are (each coarse row is one bucket already,
 * and the few day rows at the ends are bucketed here): aggregating in SQL would set up a sum per
 * measure for each of hundreds of buckets. Totals and breakdowns sum in SQL to a few groups.
 * Raw `execute`: Drizzle's per-value result mapping cost more than the query for series rows.
 */
async function narrowRows(
  db: Db,
  table: string,
  where: SQL | undefined,
  bucket: Exclude<Bucket, 'hour'> | null,
  withKey: boolean,
  measures: readonly string[],
  zone: string,
): Promise<Row[]> {
  const key = withKey ? `"key" AS "key", ` : '';
  const query = bucket
    ? sql`SELECT to_char("start", 'YYYY-MM-DD') AS "start", ${sql.raw(key + measureList(measures, false))} FROM ${sql.raw(table)} WHERE ${where}`
    : sql`SELECT ${sql.raw(key + measureList(measures, true))} FROM ${sql.raw(table)} WHERE ${where}${sql.raw(withKey ? ' GROUP BY "key"' : '')}`;
  const result = (await db.execute(query)) as unknown;
  const rows = resultRows<Row>(result);
  if (bucket) for (const r of rows) r.bucket = bucketKey(String(r.start), bucket, zone);
  return rows;
}

/** Incident cells for whole days, or null when the narrow rollups cannot answer the query. */
export async function narrowIncidentCells(
  db: Db,
  f: IncidentFilter,
  days: Days,
  shape: CellShape,
  zone: string,
): Promise<IncidentCell[] | null> {
  const p = plan(f, shape);
  if (!p) return null;
  const bucket = shape.bucket && shape.bucket !== 'hour' ? shape.bucket : null;
  const split = splitByGrain(days, grainFor(bucket, p.dim));
  const where = all([eq(irn.dim, p.dim), grainWhere(irn, split), p.keys ? inArray(irn.key, p.keys) : undefined]);
  const withKey = p.dim !== 'all' && !shape.type;
  const rows = await narrowRows(
    db,
    'incident_rollup_narrow',
    where,
    bucket,
    withKey,
    shape.type ? [...INCIDENT_MEASURES, ...BY_TYPE_MEASURES] : INCIDENT_MEASURES,
    zone,
  );
  return rows.map((r) => toCell(r, p.dim, shape));
}

/** Operation cells for whole days without filters (they sum every dimension), else null. */
export async function narrowOperationCells(
  db: Db,
  f: IncidentFilter,
  days: Days,
  bucket: Bucket | null,
  zone: string,
): Promise<OperationCell[] | null> {
  if (has(f.country) || has(f.province) || has(f.group) || has(f.status)) return null;
  const b = bucket && bucket !== 'hour' ? bucket : null;
  const rows = await narrowRows(
    db,
    'operation_rollup_narrow',
    grainWhere(orn, splitByGrain(days, grainFor(b, null))),
    b,
    false,
    OPERATION_MEASURES,
    zone,
  );
  return rows.map((r) => {
    const measures = { ...ZERO_OPS };
    for (const m of OPERATION_MEASURES) measures[m] = Number(r[m]);
    return r.bucket === undefined ? { measures } : { bucket: String(r.bucket), measures };
  });
}
