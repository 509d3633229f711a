/**
 * A batch's new rows in a staging table first (docs/adr/0025-write-throughput.md): a temporary
 * table shaped like the target (one per connection, emptied at each commit), filled with `COPY …
 * FROM STDIN` on PostgreSQL (postgres.js streams the rows as COPY text) and, on PGlite, which has
 * no COPY from a client stream, with one INSERT … SELECT from one JSON parameter
 * (db/json-recordset.ts). The set-based statements that follow (the insert into the table, the
 * rollup cells summed per cell) read the stage the same way on both.
 */
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { insertRecordsetSql } from './json-recordset';
import type { Tx } from './tx';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Column {
  key: string;
  name: string;
  json: boolean;
}

const columnsByTable = new WeakMap<PgTable, Column[]>();

function columnsOf(table: PgTable): Column[] {
  let columns = columnsByTable.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table)).map(([key, c]) => ({
      key,
      name: c.name,
      json: c.columnType === 'PgJsonb' || c.columnType === 'PgJson',
    }));
    columnsByTable.set(table, columns);
  }
  return columns;
}

/** The postgres.js transaction behind a Drizzle transaction, when there is one (not on PGlite). */
interface CopyClient {
  (strings: TemplateStringsArray, ...values: unknown[]): { writable(): Promise<NodeJS.WritableStream> };
  unsafe: unknown;
}

/** Whether a Drizzle transaction runs on PostgreSQL through postgres.js (false on PGlite). */
export function onPostgres(tx: Tx): boolean {
  return copyClient(tx) !== null;
}

function copyClient(tx: Tx): CopyClient | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return typeof client === 'function' && 'unsafe' in client ? (client as CopyClient) : null;
}

/** One value as COPY text: \N for NULL, jsonb as JSON, booleans t/f, escapes for \ and control characters. */
function copyText(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  const text = json ? JSON.stringify(value) : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
  return /[\\\n\r\t]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
    : text;
}

async function copyInto(client: CopyClient, stage: string, columns: Column[], rows: Record<string, unknown>[]) {
  const list = columns.map((c) => quote(c.name)).join(', ');
  const writable = await (client as unknown as { unsafe(q: string): { writable(): Promise<NodeJS.WritableStream> } })
    .unsafe(`COPY ${stage} (${list}) FROM STDIN`)
    .writable();
  const lines = rows.map((row) => columns.map((c) => copyText(row[c.key], c.json)).join('\t')).join('\n') + '\n';
  await new Promise<void>((resolve, reject) => {
    // The server's refusal carries a SQLSTATE; a stream that failed without one lost its
    // connection, and says so the way the driver does (db/driver-errors.ts reads it as such).
    writable.on('error', (err: Error & { code?: unknown }) =>
      reject(
        typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)
          ? err
          : Object.assign(new Error(`COPY did not complete: ${err.message}`, { cause: err }), {
              code: 'CONNECTION_CLOSED',
            }),
      ),
    );
    writable.on('finish', resolve);
    writable.end(lines);
  });
}

/**
 * Puts `rows` (keyed by the table's property names, as Drizzle's insert takes them; a missing
 * value is NULL) in this connection's stage for `table` and answers the stage's name. The stage
 * holds only this call's rows until the transaction ends.
 */
export async function stageRows(tx: Tx, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<string> {
  const stage = quote(`bw_stage_${getTableName(table)}`);
  // LIKE copies the columns and NOT NULL; ON COMMIT DELETE ROWS empties it at each commit, and
  // the DELETE (of nothing, usually) for a second batch in the same transaction.
  await tx.execute(
    sql.raw(`CREATE TEMP TABLE IF NOT EXISTS ${stage} (LIKE ${quote(getTableName(table))}) ON COMMIT DELETE ROWS`),
  );
  await tx.execute(sql.raw(`DELETE FROM ${stage}`));
  const columns = columnsOf(table);
  const client = copyClient(tx);
  if (client) await copyInto(client, stage, columns, rows as Record<string, unknown>[]);
  else {
    const byColumn = rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of columns) if (row[c.key] !== undefined) out[c.name] = row[c.key];
      return out;
    });
    await tx.execute(insertRecordsetSql(stage.slice(1, -1), byColumn));
  }
  return stage;
}

/** `INSERT INTO table (…) SELECT … FROM stage`: the staged rows into the table, one statement. */
export function insertFromStageSql(table: PgTable, stage: string) {
  const list = columnsOf(table)
    .map((c) => quote(c.name))
    .join(', ');
  return sql.raw(`INSERT INTO ${quote(getTableName(table))} (${list}) SELECT ${list} FROM ${stage}`);
}
