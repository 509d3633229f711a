import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { resultRows } from '../../db/result-rows';

/** Runs raw SQL and returns plain rows on both drivers (PGlite answers {rows}, postgres.js an array). */
export async function rows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return resultRows<T>(result);
}

export async function count(db: Db, table: string): Promise<number> {
  const [r] = await rows<{ n: number | string }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(r!.n);
}
