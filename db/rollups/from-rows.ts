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
import type { PgTable } from 'drizzle-orm/pg-core';
import { insertFromStageSql, stageRows } from '../staging';
import type { Tx } from '../tx';
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

/** Where the rows come from: the table's rows of the given ids, or a stage holding exactly the new rows. */
type RowsFrom = { ids: readonly string[] } | { stage: string };

function contributionSql(
  cube: CubeSql,
  rows: 'incidents' | 'operations',
  daily: string,
  narrowTable: string,
  narrow: { columns: string[]; select: string },
  narrowKeys: string[],
  from: RowsFrom,
): SQL {
  const keys = cube.key.map(([c]) => c);
  const columns = [...keys, ...cube.measures.columns.split(', ')];
  const head = `WITH d (${columns.join(', ')}) AS (
      SELECT ${cube.key.map(([, e]) => e).join(', ')}, ${cube.measures.exprs}
      FROM `;
  const rest = ` GROUP BY ${keys.map((_, i) => i + 1).join(', ')}
    ), up AS (
      INSERT INTO ${daily} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM d ORDER BY ${inLockOrder(keys)}
      ${upsertTail(daily, keys, columns)}
    )
    INSERT INTO ${narrowTable} (${narrow.columns.join(', ')})
      SELECT * FROM (${narrow.select}) AS n (${narrow.columns.join(', ')}) ORDER BY ${inLockOrder(narrowKeys)}
      ${upsertTail(narrowTable, narrowKeys, narrow.columns)}`;
  return 'stage' in from
    ? sql.raw(`${head}${from.stage}${rest}`)
    : sql`${sql.raw(`${head}${rows} WHERE id IN (SELECT (json_array_elements_text(`)}${JSON.stringify(from.ids)}::json${sql.raw(`))::uuid)${rest}`)}`;
}

/** Adds the rollup contributions of new incidents: `ids` inserted in this transaction, or a stage of them (not retracted). */
export const incidentContributionSql = (zone: string, from: RowsFrom) =>
  contributionSql(
    incidentCube(zoneLiteral(zone)),
    'incidents',
    'incident_rollup_daily',
    'incident_rollup_narrow',
    narrowIncidentProjection('d'),
    ['dim', 'grain', 'start', 'key'],
    from,
  );

/** The same for operation records. */
export const operationContributionSql = (zone: string, from: RowsFrom) =>
  contributionSql(
    operationCube(zoneLiteral(zone)),
    'operations',
    'operation_rollup_daily',
    'operation_rollup_narrow',
    narrowOperationProjection('d'),
    ['grain', 'start'],
    from,
  );

/**
 * A repository whose batch insert stages the rows (db/staging.ts: COPY on PostgreSQL), inserts
 * them from the stage and adds their rollup contributions read from the stage, summed per cell:
 * three statements per batch whatever its size.
 */
export function withSqlRollup<T extends { id: string }, R extends object>(
  repo: R,
  tx: Tx,
  table: PgTable,
  toRow: (record: T) => unknown,
  contribution: (from: RowsFrom) => SQL,
): R & { insertManyRolledUp(records: T[]): Promise<void> } {
  return {
    ...repo,
    async insertManyRolledUp(records: T[]) {
      if (records.length === 0) return;
      const stage = await stageRows(tx, table, records.map(toRow) as Record<string, unknown>[]);
      await tx.execute(insertFromStageSql(table, stage));
      // Work memory for the per-cell grouping of a large batch (the planner cannot know a
      // stage's size, and a spill to disk costs more than the upsert).
      await tx.execute(sql.raw(`SET LOCAL work_mem = '32MB'`));
      await tx.execute(contribution({ stage }));
    },
  };
}
