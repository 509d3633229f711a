/**
 * Rollup writes: each transaction's deltas added to the daily cubes and their narrow projections
 * with one multi-row upsert per table, the statements sent together.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { WriteTx } from '../../core/ports';
import { mergeDeltas, type RollupDelta } from '../../core/rollup/incident-rollup';
import { narrowIncidentDeltas, narrowOperationDeltas } from '../../core/rollup/narrow-rollups';
import { insertRecordsetSql } from '../json-recordset';
import type { Tx } from '../tx';
import {
  INCIDENT_KEY_COLUMNS,
  MEASURE_COLUMNS,
  NARROW_INCIDENT_KEY_COLUMNS,
  NARROW_OPERATION_KEY_COLUMNS,
  OPERATION_KEY_COLUMNS,
} from './columns';

/** One multi-row upsert that adds each delta's measures to its cell (null when nothing changes). */
function rollupUpsertSql<K extends object, M extends Record<string, number>>(
  table: string,
  keyColumns: Record<keyof K & string, string>,
  input: RollupDelta<K, M>[],
): SQL | null {
  const deltas = mergeDeltas(input);
  if (deltas.length === 0) return null;
  const keys = Object.keys(keyColumns) as (keyof K & string)[];
  const measures = Object.keys(deltas[0]!.measures);
  // Cells as one JSON parameter (db/json-recordset.ts): a cell per row is common in an import.
  const measureColumns = measures.map((m) => MEASURE_COLUMNS[m]!); // once per statement, not per cell
  const rows = deltas.map((d) => {
    const row: Record<string, unknown> = {};
    for (const k of keys) row[keyColumns[k]] = d.key[k];
    measures.forEach((m, i) => (row[measureColumns[i]!] = d.measures[m]));
    return row;
  });
  const conflict = keys.map((k) => `"${keyColumns[k]}"`).join(', ');
  const updates = measureColumns.map((c) => `"${c}" = ${table}."${c}" + excluded."${c}"`).join(', ');
  return insertRecordsetSql(table, rows, sql`ON CONFLICT (${sql.raw(conflict)}) DO UPDATE SET ${sql.raw(updates)}`);
}

/**
 * Several statements as one (the first ones as data-modifying CTEs): one round trip. The daily and
 * narrow rollup rows of today are touched by every write, so from here to commit writers queue on
 * their row locks; each round trip saved inside that stretch is throughput and live latency.
 */
async function executeTogether(tx: Tx, statements: (SQL | null)[]): Promise<void> {
  const list = statements.filter((q): q is SQL => q !== null);
  if (list.length === 0) return;
  const last = list.pop()!;
  if (list.length === 0) return void (await tx.execute(last));
  await tx.execute(
    sql`WITH ${sql.join(
      list.map((q, i) => sql`${sql.raw(`s${i}`)} AS (${q})`),
      sql`, `,
    )} ${last}`,
  );
}

/** The WriteTx rollup methods over `tx`: the cube and its narrow projections move together. */
export function rollupWriter(tx: Tx): Pick<WriteTx, 'applyIncidentRollup' | 'applyOperationRollup'> {
  return {
    applyIncidentRollup: (deltas) =>
      executeTogether(tx, [
        rollupUpsertSql('incident_rollup_daily', INCIDENT_KEY_COLUMNS, deltas),
        rollupUpsertSql('incident_rollup_narrow', NARROW_INCIDENT_KEY_COLUMNS, narrowIncidentDeltas(deltas)),
      ]),
    applyOperationRollup: (deltas) =>
      executeTogether(tx, [
        rollupUpsertSql('operation_rollup_daily', OPERATION_KEY_COLUMNS, deltas),
        rollupUpsertSql('operation_rollup_narrow', NARROW_OPERATION_KEY_COLUMNS, narrowOperationDeltas(deltas)),
      ]),
  };
}
