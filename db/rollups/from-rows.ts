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
import type { Change } from '../../core/change/change';
import type { AppendChange } from '../../core/ports';
import { appendChanges, appendChangesSql, appendedChanges } from '../change-log';
import { insertRowsSql } from '../json-recordset';
import { insertFromStageSql, onPostgres, stageRows } from '../staging';
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

/**
 * The same contribution as CTEs of a larger statement, over `source` (a CTE of new rows, e.g. an
 * INSERT … RETURNING *): `d` (the cells), `nar` (the narrow upsert), then `up` (the daily upsert),
 * each RETURNING a row per cell. The narrow rows are locked before the daily ones, as
 * contributionSql and db/rollups/write.ts do (a statement's unreferenced CTEs run after its main
 * query), and a statement that appends to the change log after `up` takes the counter last.
 */
function contributionCtes(
  cube: CubeSql,
  daily: string,
  narrowTable: string,
  narrow: { columns: string[]; select: string },
  narrowKeys: string[],
  source: string,
): string {
  const keys = cube.key.map(([c]) => c);
  const columns = [...keys, ...cube.measures.columns.split(', ')];
  return `d (${columns.join(', ')}) AS (
      SELECT ${cube.key.map(([, e]) => e).join(', ')}, ${cube.measures.exprs}
      FROM ${source} GROUP BY ${keys.map((_, i) => i + 1).join(', ')}
    ), nar AS (
      INSERT INTO ${narrowTable} (${narrow.columns.join(', ')})
      SELECT * FROM (${narrow.select}) AS n (${narrow.columns.join(', ')}) ORDER BY ${inLockOrder(narrowKeys)}
      ${upsertTail(narrowTable, narrowKeys, narrow.columns)} RETURNING 1
    ), up AS (
      INSERT INTO ${daily} (${columns.join(', ')})
      SELECT ${columns.join(', ')} FROM d WHERE (SELECT count(*) FROM nar) >= 0 ORDER BY ${inLockOrder(keys)}
      ${upsertTail(daily, keys, columns)} RETURNING 1
    )`;
}

/** The contribution CTEs of new incidents read from `source` (contributionCtes). */
export const incidentContributionCtes = (zone: string, source: string) =>
  contributionCtes(
    incidentCube(zoneLiteral(zone)),
    'incident_rollup_daily',
    'incident_rollup_narrow',
    narrowIncidentProjection('d'),
    ['dim', 'grain', 'start', 'key'],
    source,
  );

/** The same for operation records. */
export const operationContributionCtes = (zone: string, source: string) =>
  contributionCtes(
    operationCube(zoneLiteral(zone)),
    'operation_rollup_daily',
    'operation_rollup_narrow',
    narrowOperationProjection('d'),
    ['grain', 'start'],
    source,
  );

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
 * Batches up to this many rows go in as one JSON parameter, in the statement that adds their
 * rollup contributions; larger ones (an import's) are staged first (db/staging.ts: COPY on
 * PostgreSQL), which costs four more round trips but parses less in the server.
 */
export const STAGE_ABOVE = 200;

export interface SqlRollupParts<T> {
  table: PgTable;
  toRow: (record: T) => unknown;
  contribution: (from: RowsFrom) => SQL;
  /** The contribution as CTEs over a CTE of new rows (contributionCtes). */
  contributionCtes: (source: string) => string;
  /** Where the changes a statement appended are handed over (the in-process wake-up). */
  committed: Change[];
}

/**
 * A repository whose batch inserts add their rollup contributions summed per cell in SQL:
 * `insertManyRolledUp` in one statement (rows as one JSON parameter) or, above STAGE_ABOVE rows,
 * three after staging them; `insertCreated` appends the rows' changes in the same statement too:
 * a create's row, rollup cells, change-log entries and NOTIFY in one round trip.
 */
export function withSqlRollup<T extends { id: string }, R extends object>(
  repo: R,
  tx: Tx,
  parts: SqlRollupParts<T>,
): R & {
  insertManyRolledUp(records: T[]): Promise<void>;
  insertCreated(records: T[], changes: AppendChange[]): Promise<Change[]>;
} {
  const { table, toRow, contribution, contributionCtes, committed } = parts;
  const staged = async (records: T[]) => {
    const stage = await stageRows(tx, table, records.map(toRow) as Record<string, unknown>[]);
    await tx.execute(insertFromStageSql(table, stage));
    // Work memory for the per-cell grouping of a large batch (the planner cannot know a
    // stage's size, and a spill to disk costs more than the upsert).
    await tx.execute(sql.raw(`SET LOCAL work_mem = '32MB'`));
    await tx.execute(contribution({ stage }));
  };
  const inserted = (records: T[]) =>
    insertRowsSql(table, records.map(toRow) as Record<string, unknown>[], sql.raw('RETURNING *'));
  return {
    ...repo,
    async insertManyRolledUp(records: T[]) {
      if (records.length === 0) return;
      if (records.length > STAGE_ABOVE) return staged(records);
      await tx.execute(
        sql`WITH ins AS (${inserted(records)}), ${sql.raw(contributionCtes('ins'))} SELECT count(*) FROM up`,
      );
    },
    async insertCreated(records: T[], changes: AppendChange[]) {
      if (records.length === 0) return [];
      let stored: Change[];
      if (records.length > STAGE_ABOVE) {
        await staged(records);
        stored = await appendChanges(tx, changes);
      } else {
        const statement = tx.execute(
          sql`WITH ins AS (${inserted(records)}), ${sql.raw(contributionCtes('ins'))}, ${appendChangesSql(changes, { after: 'up' })}`,
        );
        let result: Awaited<typeof statement>;
        if (onPostgres(tx)) {
          // Sessions plan every execution for its values (db/client.ts), and this statement took
          // 1.3 ms to plan for 1.4 ms to run. Its plan cannot depend on the values (the rows are one
          // JSON parameter, its look-ups are by key), so it runs on its prepared generic plan; the
          // mode is set before it and back after it in the same round trip (queries sent together
          // are pipelined), so nothing else in the transaction is planned differently.
          [, result] = await Promise.all([
            tx.execute(sql.raw(`SET LOCAL plan_cache_mode = force_generic_plan`)),
            statement,
            tx.execute(sql.raw(`SET LOCAL plan_cache_mode = force_custom_plan`)),
          ]);
        } else result = await statement;
        stored = appendedChanges(changes, result);
      }
      committed.push(...stored);
      return stored;
    },
  };
}
