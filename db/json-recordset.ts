/**
 * Multi-row INSERTs that send all rows as one JSON parameter, expanded by the server with
 * json_populate_recordset, instead of one bind parameter per cell.
 *
 * Why: Drizzle builds a multi-row VALUES list cell by cell (an `is()` prototype walk and a chunk
 * per value); for 500 incidents of ~50 columns that cost ~2 ms per row in this process, more than
 * the database spent storing them, and capped ACLED imports near 550 rows/s. One JSON.stringify
 * and one parameter cost a few µs per row, keep far from the 65,535-parameter limit, and work the
 * same on PostgreSQL and PGlite. Values are the driver values Drizzle would send (ISO strings for
 * timestamps, numbers, booleans, nested objects for jsonb columns).
 */
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const namesByTable = new WeakMap<PgTable, [key: string, name: string][]>();

/** Property name → column name pairs, read once per table from its Drizzle definition. */
function columnNames(table: PgTable): [key: string, name: string][] {
  let names = namesByTable.get(table);
  if (!names) {
    names = Object.entries(getTableColumns(table)).map(([key, column]): [string, string] => [key, column.name]);
    namesByTable.set(table, names);
  }
  return names;
}

/** Rows keyed by column name; a column absent from a row is NULL there (not its DEFAULT). */
export function insertRecordsetSql(
  tableName: string,
  rows: readonly Record<string, unknown>[],
  tail: SQL = sql``,
): SQL {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const list = sql.raw(columns.map(quote).join(', '));
  const json = JSON.stringify(rows);
  return sql`INSERT INTO ${sql.raw(quote(tableName))} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sql.raw(quote(tableName))}, ${json}::json) ${tail}`;
}

/** Rows keyed by column name, from rows keyed by the table's property names; undefined is left out. */
function byColumnName(table: PgTable, rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const names = columnNames(table);
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, name] of names) {
      const value = row[key];
      if (value !== undefined) out[name] = value;
    }
    return out;
  });
}

/** Rows keyed by the table's property names (as Drizzle's insert takes them); undefined is left out. */
export function insertRowsSql(table: PgTable, rows: readonly Record<string, unknown>[], tail?: SQL): SQL {
  return insertRecordsetSql(getTableName(table), byColumnName(table, rows), tail);
}

/**
 * One UPDATE rewriting whole rows (keyed by the table's property names) from one JSON parameter,
 * each only where the stored `version` is one below the row's: a row someone else changed since
 * it was read is left alone. Answers (RETURNING) the ids it rewrote.
 */
export function rewriteRowsSql(table: PgTable, rows: readonly Record<string, unknown>[]): SQL {
  const byColumn = byColumnName(table, rows);
  const columns = [...new Set(byColumn.flatMap((r) => Object.keys(r)))].filter((c) => c !== 'id');
  const name = quote(getTableName(table));
  const target = sql.raw(columns.map(quote).join(', '));
  const source = sql.raw(columns.map((c) => `s.${quote(c)}`).join(', '));
  return sql`UPDATE ${sql.raw(name)} AS t SET (${target}) = (${source})
    FROM json_populate_recordset(NULL::${sql.raw(name)}, ${JSON.stringify(byColumn)}::json) AS s
    WHERE t.id = s.id AND t.version = s.version - 1 RETURNING t.id`;
}
