/** Raw SQL for the bench on either driver: postgres.js answers an array, PGlite `{ rows }`. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { resultRows } from '../db/result-rows';

export type SqlRow = Record<string, unknown>;

export const rowsOf = (result: unknown): SqlRow[] => resultRows<SqlRow>(result);

export async function query(db: Db, text: string): Promise<SqlRow[]> {
  return rowsOf(await db.execute(sql.raw(text)));
}

export async function scalar(db: Db, text: string): Promise<number> {
  const [row] = await query(db, text);
  const v = row ? Object.values(row)[0] : undefined;
  return Number(v ?? 0);
}
