/**
 * Storage of the ACLED sync (db/schema/acled-sync.ts): the settings row, the runs, the sealed
 * account in app_secrets, and the advisory lock that lets one node run it at a time.
 */
import { desc, eq } from 'drizzle-orm';
import type { Database, Db } from './client';
import { acledSync, acledSyncRuns } from './schema/acled-sync';
import { appSecrets } from './schema/auth';

export type AcledSyncRow = typeof acledSync.$inferSelect;
export type AcledSyncRunRow = typeof acledSyncRuns.$inferSelect;
export type AcledSyncPatch = Partial<
  Pick<
    AcledSyncRow,
    | 'enabled'
    | 'intervalHours'
    | 'operations'
    | 'firstFrom'
    | 'eventsSince'
    | 'deletedSince'
    | 'lastSuccessAt'
    | 'failures'
    | 'nextRunAt'
    | 'updatedBy'
  >
>;

export const ACLED_ACCOUNT_SECRET = 'acled_account';
/** One lock id for the sync on the whole server (pg_try_advisory_lock's key). */
const LOCK_KEY = 'border-watch.acled-sync';

export async function readSyncSettings(db: Db): Promise<AcledSyncRow> {
  await db.insert(acledSync).values({ id: 1 }).onConflictDoNothing();
  const [row] = await db.select().from(acledSync).where(eq(acledSync.id, 1));
  return row!;
}

export async function updateSyncSettings(db: Db, patch: AcledSyncPatch, at: string): Promise<AcledSyncRow> {
  await readSyncSettings(db);
  const [row] = await db
    .update(acledSync)
    .set({ ...patch, updatedAt: at })
    .where(eq(acledSync.id, 1))
    .returning();
  return row!;
}

export async function readSecret(db: Db, name: string): Promise<{ value: string; createdAt: string } | null> {
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, name));
  return row ? { value: row.value, createdAt: row.createdAt.toISOString() } : null;
}

export async function writeSecret(db: Db, name: string, value: string, at: Date): Promise<void> {
  await db
    .insert(appSecrets)
    .values({ name, value, createdAt: at })
    .onConflictDoUpdate({ target: appSecrets.name, set: { value, createdAt: at } });
}

export async function deleteSecret(db: Db, name: string): Promise<boolean> {
  const gone = await db.delete(appSecrets).where(eq(appSecrets.name, name)).returning({ name: appSecrets.name });
  return gone.length > 0;
}

export async function insertSyncRun(db: Db, run: typeof acledSyncRuns.$inferInsert): Promise<void> {
  await db.insert(acledSyncRuns).values(run);
}

export async function finishSyncRun(
  db: Db,
  id: string,
  end: Pick<AcledSyncRunRow, 'state' | 'finishedAt' | 'result' | 'error'>,
): Promise<void> {
  await db.update(acledSyncRuns).set(end).where(eq(acledSyncRuns.id, id));
}

export async function listSyncRuns(db: Db, limit: number): Promise<AcledSyncRunRow[]> {
  return db.select().from(acledSyncRuns).orderBy(desc(acledSyncRuns.startedAt)).limit(limit);
}

/** Runs left `running` by a process that stopped mid-run (called while holding the lock). */
export async function failInterruptedRuns(db: Db, at: string): Promise<number> {
  const rows = await db
    .update(acledSyncRuns)
    .set({ state: 'failed', finishedAt: at, error: 'interrupted: the server stopped during the run' })
    .where(eq(acledSyncRuns.state, 'running'))
    .returning({ id: acledSyncRuns.id });
  return rows.length;
}

/**
 * Runs `fn` while holding the sync's lock, or answers `{ ran: false }` when another node holds it.
 * PostgreSQL: a session advisory lock on one reserved connection, held for the whole run (a node
 * that dies loses its connection, and with it the lock). PGlite is one process, one node: the
 * service's own in-process guard is the lock.
 */
export async function withSyncLock<T>(
  database: Database,
  fn: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (database.sql === null) return { ran: true, value: await fn() };
  const reserved = await database.sql.reserve();
  try {
    const [got] = await reserved<{ ok: boolean }[]>`select pg_try_advisory_lock(hashtext(${LOCK_KEY})) as ok`;
    if (!got?.ok) return { ran: false };
    try {
      return { ran: true, value: await fn() };
    } finally {
      await reserved`select pg_advisory_unlock(hashtext(${LOCK_KEY}))`.catch(() => {});
    }
  } finally {
    reserved.release();
  }
}
