/**
 * Start-up runs one node at a time on a shared PostgreSQL: migrations, the stream row, the
 * reference seed and the demo load are check-then-insert steps, and two nodes starting together
 * on an empty database raced on them (`groups_short_name_key`, drizzle's own migrations table).
 * A session-level advisory lock on one reserved connection serialises them; the other node waits,
 * then finds everything in place. PGlite is one process on its data directory: nothing to lock.
 */
import type { Database } from './client';

/** The start-up lock's key (any constant no other part of the product uses; alerts use another). */
const STARTUP_LOCK_KEY = 0x62770001;

/** Takes the start-up lock; resolves with its release (idempotent). */
export async function acquireStartupLock(database: Database): Promise<() => Promise<void>> {
  if (!database.sql) return async () => {};
  const conn = await database.sql.reserve();
  try {
    await conn`select pg_advisory_lock(${STARTUP_LOCK_KEY})`;
  } catch (err) {
    conn.release();
    throw err;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await conn`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`;
    } finally {
      // Should the unlock fail, the lock still ends with the session when the pool closes it.
      conn.release();
    }
  };
}

/** Runs `fn` holding the start-up lock. */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  const release = await acquireStartupLock(database);
  try {
    return await fn();
  } finally {
    await release();
  }
}
