/**
 * Opens the database the app would use (DATABASE_URL or the embedded DATA_DIR), migrated, with the
 * missing reference data seeded (so `npm run db:migrate` leaves a database the importer can match
 * against).
 */
import { openDatabase, type Database } from '../db/client';
import { ensureReferenceData } from '../db/ensure-reference-data';
import { ensureStream } from '../db/change-log';
import { checkRollupZone } from '../db/rollups/zone';
import { withStartupLock } from '../db/startup-lock';
import { DomainError } from '../core/errors';
import { DataDirLockedError } from '../db/data-dir-lock';
import { parseEnv, type Env } from '../server/env';

export async function openFromEnv(opts: { checkZone?: boolean } = {}): Promise<{ env: Env; database: Database }> {
  const env = parseEnv({ ...process.env, NODE_ENV: 'production' });
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? null : env.DATA_DIR,
    reportZone: env.REPORT_TIMEZONE,
  });
  try {
    // One at a time with any node starting on the same database (db/startup-lock.ts).
    await withStartupLock(database, async () => {
      await database.migrate();
      await ensureStream(database.db);
      if (opts.checkZone !== false) await checkRollupZone(database.db, env.REPORT_TIMEZONE);
      if (env.REFERENCE_DATA === 'on') await ensureReferenceData(database);
    });
  } catch (err) {
    await database.close();
    throw err;
  }
  return { env, database };
}

/** Runs a command-line task with a clear one-line error and the right exit code. */
export async function runTask(name: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (err) {
    console.error(`${name} failed: ${(err as Error).message}`);
    process.exit(1);
  }
}

/**
 * Runs a command whose `main` returns its exit code. A refusal (a DomainError with its fields, or an
 * error `isUsage` recognises) is one line naming the command; the embedded database held by the
 * running app says what to do instead (`whileAppRuns`); anything else is "<name> failed: …". Exit 1.
 */
export async function runCommand(
  name: string,
  main: () => Promise<number>,
  opts: { whileAppRuns: string; isUsage?: (err: unknown) => boolean },
): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (err) {
    process.exitCode = 1;
    if (err instanceof DataDirLockedError) {
      console.error(`${name}: the app is running on this embedded database (${err.message})\n${opts.whileAppRuns}`);
    } else if (err instanceof DomainError) {
      const fields = Object.entries(err.fields).map(([k, v]) => `${k} ${v}`);
      console.error(`${name}: ${err.message}${fields.length ? ` (${fields.join(', ')})` : ''}`);
    } else if (opts.isUsage?.(err)) {
      console.error(`${name}: ${(err as Error).message}`);
    } else {
      console.error(`${name} failed: ${(err as Error).message}`);
    }
  }
}
