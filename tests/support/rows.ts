import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** Runs raw SQL and returns plain rows on both drivers (PGlite answers {rows}, postgres.js an array). */
export async function rows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function count(db: Db, table: string): Promise<number> {
  const [r] = await rows<{ n: number | string }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(r!.n);
}
