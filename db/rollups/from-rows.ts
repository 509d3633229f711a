/**
 * Rollup contributions of new rows summed per cell in SQL (docs/adr/0025-write-throughput.md): one
 * statement adds the rows' cube cells to the daily rollup and their narrow projections to the
 * narrow one, reading the rows just inserted in this transaction. The expressions are the
 * rebuild's (db/rollups/rebuild.ts), which tests hold equal to core/rollup's contribution
 * functions, so a bulk write and a rebuild agree by construction. In place of deltas computed in
 * this process: at import sizes that cost more than the inserts.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  incidentColumns,
  incidentCubeKey,
  narrowIncidentProjection,
  narrowOperationProjection,
  operationColumns,
  operationCubeKey,
} from './rebuild';
import { zoneLiteral } from './zone';

function upsert(table: string, keys: string[], columns: string[]): string {
  const measures = columns.filter((c) => !keys.includes(c));
  return `INSERT INTO ${table} (${columns.join(', ')}) {select}
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${measures.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', ')}`;
}

function contributionSql(table: 'incidents' | 'operations', zone: string, ids: readonly string[]): SQL {
  const incident = table === 'incidents';
  const key = incident ? incidentCubeKey(zoneLiteral(zone)) : operationCubeKey(zoneLiteral(zone));
  const measures = incident ? incidentColumns : operationColumns;
  const daily = incident ? 'incident_rollup_daily' : 'operation_rollup_daily';
  const narrowTable = incident ? 'incident_rollup_narrow' : 'operation_rollup_narrow';
  const narrow = incident ? narrowIncidentProjection('d') : narrowOperationProjection('d');
  const narrowKeys = incident ? ['dim', 'grain', 'start', 'key'] : ['grain', 'start'];
  const dailyColumns = [...key.map(([c]) => c), ...measures.map(([c]) => c)];
  const cells = `SELECT ${[...key.map(([c, e]) => `${e} AS ${c}`), ...measures.map(([c, e]) => `${e} AS ${c}`)].join(', ')}
    FROM ${table} WHERE id IN (SELECT (json_array_elements_text(`;
  const grouped = `))::uuid) GROUP BY ${key.map((_, i) => i + 1).join(', ')}`;
  return sql`WITH d AS (${sql.raw(cells)}${JSON.stringify(ids)}::json${sql.raw(grouped)}),
    up AS (${sql.raw(
      upsert(
        daily,
        key.map(([c]) => c),
        dailyColumns,
      ).replace('{select}', `SELECT ${dailyColumns.join(', ')} FROM d`),
    )})
    ${sql.raw(upsert(narrowTable, narrowKeys, narrow.columns).replace('{select}', narrow.select))}`;
}

/** Adds the rollup contributions of the rows `ids` (inserted in this transaction, not retracted). */
export const incidentContributionSql = (zone: string, ids: readonly string[]) =>
  contributionSql('incidents', zone, ids);
export const operationContributionSql = (zone: string, ids: readonly string[]) =>
  contributionSql('operations', zone, ids);
