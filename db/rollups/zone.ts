/**
 * The zone the rollups were built in, kept in the database (rollup_state): rollup days are local
 * days, so rollups built in one zone are wrong in any other. The app and the CLI refuse to write
 * or read them in another zone; `npm run db:rollups:rebuild` recomputes them for REPORT_TIMEZONE.
 */
import { sql } from 'drizzle-orm';
import { isTimeZone } from '../../core/time/report-zone';
import type { Db } from '../client';
import { resultRows } from '../result-rows';

export class RollupZoneMismatchError extends Error {
  override name = 'RollupZoneMismatchError';
}

/** A zone name as an SQL literal; names are checked against the runtime's zones (no quotes pass). */
export function zoneLiteral(zone: string): string {
  // Every create builds its rollup statement with it; the check (Intl) costs more than the rest.
  if (checkedZones.has(zone)) return `'${zone}'`;
  if (!isTimeZone(zone)) throw new Error(`not a time zone: ${zone}`);
  checkedZones.add(zone);
  return `'${zone}'`;
}

const checkedZones = new Set<string>();

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return resultRows<T>(await db.execute(query));
}

export async function readRollupZone(db: Db): Promise<string | null> {
  const [row] = await rows<{ zone: string }>(db, sql`SELECT zone FROM rollup_state WHERE id = 1`);
  return row?.zone ?? null;
}

/**
 * Throws, naming the rebuild command, when the rollups were built in another zone. A database
 * without records has nothing to rebuild: it takes the zone as it is.
 */
export async function checkRollupZone(db: Db, zone: string): Promise<void> {
  const built = await readRollupZone(db);
  if (built === zone) return;
  const [used] = await rows<{ used: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM incidents) OR EXISTS (SELECT 1 FROM operations) AS used`,
  );
  if (built === null || !used?.used) {
    await db.execute(
      sql`INSERT INTO rollup_state (id, zone) VALUES (1, ${zone}) ON CONFLICT (id) DO UPDATE SET zone = excluded.zone`,
    );
    return;
  }
  throw new RollupZoneMismatchError(
    `the rollups were built for REPORT_TIMEZONE=${built}, but REPORT_TIMEZONE is ${zone}. ` +
      `Stop the app and run \`REPORT_TIMEZONE=${zone} npm run db:rollups:rebuild\` to rebuild them for ${zone} ` +
      `(or start with REPORT_TIMEZONE=${built}).`,
  );
}
