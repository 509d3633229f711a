/**
 * The partial days at a period's edges (and hour buckets), aggregated in SQL over the indexed
 * `occurred_at` range with the same expressions the rollup rebuild uses (db/rollups/rebuild.ts,
 * tested against the verbs' rollups): at a few hundred incidents a day, fetching whole rows and
 * mapping them in JS cost more than the rest of an answer.
 */
import { GROUP_CELL_KEY_SQL } from '../../core/rollup/incident-rollup';
import { sql, type SQL } from 'drizzle-orm';
import type { IncidentType, Province, TargetType } from '../../core/enums';
import {
  INCIDENT_MEASURES,
  OPERATION_MEASURES,
  zeroIncidentMeasures,
  zeroOperationMeasures,
  type IncidentMeasures,
  type OperationMeasures,
} from '../../core/rollup/incident-rollup';
import type { IncidentCell, OperationCell } from '../../core/stats/cells';
import type { CellShape } from '../../core/stats/compute-stats';
import type { Bucket } from '../../core/stats/stats-types';
import type { Db } from '../client';
import { INCIDENT_MEASURE_SQL, OPERATION_MEASURE_SQL } from '../rollups/rebuild';
import { zoneLiteral } from '../rollups/zone';
import { bucketKey } from '../../core/stats/buckets';
import { resultRows } from '../result-rows';

type Row = Record<string, string | number | null>;
const INCIDENT_LIST = INCIDENT_MEASURES.map((m) => `(${INCIDENT_MEASURE_SQL[m]})::float8 AS "${m}"`).join(', ');
const OPERATION_LIST = OPERATION_MEASURES.map((m) => `(${OPERATION_MEASURE_SQL[m]})::float8 AS "${m}"`).join(', ');
const ZERO: IncidentMeasures = { ...zeroIncidentMeasures() };
const ZERO_OPS: OperationMeasures = { ...zeroOperationMeasures() };

/**
 * The bucket of buckets.ts computed by the database in the reporting zone: for days, weeks and
 * months the local start day (turned into the key by bucketKey); for hours the start instant,
 * the local hour less the offset in force (exact also where a clock change repeats an hour).
 */
const bucketSql = (bucket: Bucket, zone: string) => {
  const local = `("occurred_at" AT TIME ZONE ${zoneLiteral(zone)})`;
  if (bucket !== 'hour') return `to_char(date_trunc('${bucket}', ${local}), 'YYYY-MM-DD') AS "bucket"`;
  const offset = `(${local} - ("occurred_at" AT TIME ZONE 'UTC'))`;
  return `to_char(date_trunc('hour', ${local}) - ${offset}, 'YYYY-MM-DD"T"HH24:MI:SS".000Z"') AS "bucket"`;
};
const keyOf = (raw: string, bucket: Bucket | null | undefined, zone: string) =>
  bucket && bucket !== 'hour' ? bucketKey(raw, bucket, zone) : raw;

const DIM_SQL = {
  province: `"province"`,
  group: GROUP_CELL_KEY_SQL,
  type: `"type"`,
  target: `"target_type"`,
} as const;

async function run(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  return resultRows<Row>(result);
}

/** `where` selects the live incidents of the edge (time range and filter). */
export async function edgeIncidentCells(
  db: Db,
  where: SQL | undefined,
  shape: CellShape,
  zone: string,
): Promise<IncidentCell[]> {
  const keys: string[] = [];
  if (shape.bucket) keys.push(bucketSql(shape.bucket, zone));
  if (shape.type) keys.push(`"type" AS "type"`);
  if (shape.by && !(shape.by === 'type' && shape.type)) keys.push(`${DIM_SQL[shape.by]} AS "${shape.by}"`);
  const group = keys.length ? ` GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : '';
  const rows = await run(
    db,
    sql`SELECT ${sql.raw([...keys, INCIDENT_LIST].join(', '))} FROM "incidents" WHERE ${where}${sql.raw(group)}`,
  );
  return rows
    .filter((r) => Number(r.incidents) > 0)
    .map((r) => {
      const measures = { ...ZERO };
      for (const m of INCIDENT_MEASURES) measures[m] = Number(r[m] ?? 0);
      const cell: IncidentCell = { measures };
      if (r.bucket != null) cell.bucket = keyOf(String(r.bucket), shape.bucket, zone);
      if (r.type != null) cell.type = String(r.type) as IncidentType;
      if (r.province != null) cell.province = String(r.province) as Province;
      if (r.group != null) cell.groupKey = String(r.group);
      if (r.target != null) cell.targetType = String(r.target) as TargetType;
      return cell;
    });
}

export async function edgeOperationCells(
  db: Db,
  where: SQL | undefined,
  bucket: Bucket | null,
  zone: string,
): Promise<OperationCell[]> {
  const group = bucket ? ' GROUP BY 1' : '';
  const rows = await run(
    db,
    sql`SELECT ${sql.raw([...(bucket ? [bucketSql(bucket, zone)] : []), OPERATION_LIST].join(', '))} FROM "operations" WHERE ${where}${sql.raw(group)}`,
  );
  return rows
    .filter((r) => Number(r.records) > 0)
    .map((r) => {
      const measures = { ...ZERO_OPS };
      for (const m of OPERATION_MEASURES) measures[m] = Number(r[m] ?? 0);
      return r.bucket != null ? { bucket: keyOf(String(r.bucket), bucket, zone), measures } : { measures };
    });
}
