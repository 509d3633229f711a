/**
 * Databases for tests: PGlite in memory always, and PostgreSQL when TEST_DATABASE_URL is set.
 * Each call gives a fresh, migrated database (a new PGlite instance, or a new PostgreSQL database
 * created from the server behind TEST_DATABASE_URL and dropped on close).
 */
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { ensureStream } from '../../db/change-log';
import { createStore } from '../../db/store';
import { pgliteTemplate } from './pglite-template';
import type { Actor, Ctx } from '../../core/ports';

export type Driver = 'pglite' | 'postgres';

export const drivers: Driver[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  url: string | null;
}

/** Creates an empty PostgreSQL database on the TEST_DATABASE_URL server; returns its URL and a dropper. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `bw_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function openTestDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const database = await openDatabase({ dataDir: null, template: await pgliteTemplate() });
    await database.migrate();
    await ensureStream(database.db);
    return { ...database, url: null };
  }
  const { url, drop } = await createPostgresDatabase();
  const database = await openDatabase({ url, max: 20 });
  await database.migrate();
  await ensureStream(database.db);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

export const testActor: Actor = { id: null, label: 'test@example.org', role: 'operator' };

export function testCtx(database: Database, actor: Actor = testActor): Ctx {
  return {
    store: createStore(database),
    actor,
    now: () => new Date(),
    newId: () => randomUUID(),
    reportZone: database.reportZone,
  };
}

/** The tables an incident write and the duplicate queue fill: empty them for a fresh start. */
export const INCIDENT_TABLES = [
  'incident_merges',
  'duplicate_candidates',
  'incidents',
  'changes',
  'incident_rollup_daily',
  'incident_rollup_narrow',
];

/**
 * A describe block's database: opened before its tests, closed after them, and `tables` emptied
 * (TRUNCATE … CASCADE) before each test; with `changes` among them the change log's top and the
 * duplicate detector's position start from 0 again. `use` receives the database once it is open.
 */
export function useTestDatabase(driver: Driver, tables: string[], use: (database: TestDatabase) => void): void {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    use(database);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    const { db } = database!;
    await db.execute(sql.raw(`TRUNCATE ${tables.join(', ')} CASCADE`));
    if (!tables.includes('changes')) return;
    await db.execute(sql`UPDATE stream_meta SET top = 0`);
    await db.execute(sql`UPDATE duplicate_scan SET seq = 0`);
  });
}
