/** The get / insert / update / insertMany every versioned entity's repository starts from. */
import { eq } from 'drizzle-orm';
import type { RecordRepo } from '../../core/ports';
import { insertRowsSql } from '../json-recordset';
import * as s from '../schema';
import type { Tx } from '../tx';

type AnyTable =
  typeof s.incidents | typeof s.operations | typeof s.groups | typeof s.referenceFigures | typeof s.annotations;

/** Multi-row INSERTs stay under PostgreSQL's 65,535 bind parameters per statement. */
const ROWS_PER_INSERT = 500;

export function tableRepo<T extends { id: string }, R>(
  tx: Tx,
  table: AnyTable,
  fromRow: (r: R) => T,
  toRow: (t: T) => unknown = (t) => t,
): RecordRepo<T> & { insertMany(records: T[]): Promise<void> } {
  return {
    async insertMany(records) {
      // One JSON parameter per statement (db/json-recordset.ts): Drizzle's per-cell VALUES building
      // cost more than the insert itself.
      for (let i = 0; i < records.length; i += ROWS_PER_INSERT) {
        await tx.execute(
          insertRowsSql(table, records.slice(i, i + ROWS_PER_INSERT).map(toRow) as Record<string, unknown>[]),
        );
      }
    },
    async get(id, opts) {
      const q = tx.select().from(table).where(eq(table.id, id));
      const rows = (await (opts?.lock ? q.for('update') : q)) as R[];
      return rows[0] ? fromRow(rows[0]) : null;
    },
    async insert(record) {
      await tx.insert(table).values(toRow(record) as never);
    },
    async update(record) {
      const { id: _id, ...rest } = toRow(record) as { id: string };
      await tx
        .update(table)
        .set(rest as never)
        .where(eq(table.id, record.id));
    },
  };
}
