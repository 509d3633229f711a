/**
 * Rollup contributions of new rows summed per cell in SQL (docs/adr/0025-write-throughput.md): one
 * statement adds the rows' cube cells to the daily rollup and their narrow projections to the
 * narrow one, reading the rows just inserted in this transaction. The expressions are the
 * rebuild's (db/rollups/rebuild.ts), which tests hold equal to core/rollup's contribution
 * functions, so a batch write and a rebuild agree by construction (tests/db/bulk-rollups.test.ts).
 * It replaces deltas computed in this process for batch creates: at import sizes those cost more
 * than the inserts.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  incidentCube,
  narrowIncidentProjection,
  narrowOperationProjection,
  operationCube,
  type CubeSql,
} from './rebuild';
import { zoneLiteral } from './zone';

/**
 * Cells in the order every writer takes their row locks (the key as C-collated text, the order
 * db/rollups/write.ts sorts in-process deltas by): concurrent writers cannot deadlock on them.
 */
const inLockOrder = (keys: string[]) => keys.map((k) => `${k}::text COLLATE "C"`).join(', ');

function upsertTail(table: string, keys: string[], columns: string[]): string {
  const measures = columns.filter((c) => !keys.includes(c));
  return `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${measures.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', ')}`;
}

function contributionSql(
  cube: CubeSql,
  rows: 'incidents' | 'operations',
  daily: string,
  narrowTable: string,
  narrow: { columns: string[]; select: string },
  narrowKeys: string[],
  ids: readonly string[],
): SQL {
  const keys = cube.key.map(([c]) => c);
  const columns = [...keys, ...cube.measures.columns.split(', ')];
  const cells = `WITH d (${columns.join(', ')}) AS (
      SELECT ${cube.key.map(([, e]) => e).join(', ')}, ${cube.measures.exprs}
      FROM ${rows} WHERE id IN (SELECT (json_array_elements_text(`;
  const rest = `))::uuid) GROUP BY ${keys.map((_, i) => i + 1).join(', ')}
    ), up AS (
      INSERT INTO ${daily} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM d ORDER BY ${inLockOrder(keys)}
      ${upsertTail(daily, keys, columns)}
    )
    INSERT INTO ${narrowTable} (${narrow.columns.join(', ')})
      SELECT * FROM (${narrow.select}) AS n (${narrow.columns.join(', ')}) ORDER BY ${inLockOrder(narrowKeys)}
      ${upsertTail(narrowTable, narrowKeys, narrow.columns)}`;
  return sql`${sql.raw(cells)}${JSON.stringify(ids)}::json${sql.raw(rest)}`;
}

/** Adds the rollup contributions of the incidents `ids` (inserted in this transaction, not retracted). */
export const incidentContributionSql = (zone: string, ids: readonly string[]) =>
  contributionSql(
    incidentCube(zoneLiteral(zone)),
    'incidents',
    'incident_rollup_daily',
    'incident_rollup_narrow',
    narrowIncidentProjection('d'),
    ['dim', 'grain', 'start', 'key'],
    ids,
  );

/** The same for operation records. */
export const operationContributionSql = (zone: string, ids: readonly string[]) =>
  contributionSql(
    operationCube(zoneLiteral(zone)),
    'operations',
    'operation_rollup_daily',
    'operation_rollup_narrow',
    narrowOperationProjection('d'),
    ['grain', 'start'],
    ids,
  );

/** A repository whose batch insert also adds the rows' rollup contributions in SQL (the path above). */
export function withSqlRollup<T extends { id: string }, R extends { insertMany(records: T[]): Promise<void> }>(
  repo: R,
  execute: (q: SQL) => Promise<unknown>,
  contribution: (ids: readonly string[]) => SQL,
): R & { insertManyRolledUp(records: T[]): Promise<void> } {
  return {
    ...repo,
    async insertManyRolledUp(records: T[]) {
      await repo.insertMany(records);
      await execute(contribution(records.map((r) => r.id)));
    },
  };
}
