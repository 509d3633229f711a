/**
 * Opens the database: PGlite on a data directory (embedded default) or PostgreSQL through
 * postgres.js. Both give a Drizzle PgDatabase over one schema; callers see one `Database` shape.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import * as schema from './schema';
import { lockDataDir } from './data-dir-lock';
import { DEFAULT_REPORT_ZONE } from '../core/time/report-zone';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export const CHANGES_CHANNEL = 'bw_changes';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** The reporting time zone the rollups are kept in (REPORT_TIMEZONE; db/rollups/zone.ts checks it). */
  reportZone: string;
  /** Emits 'commit' after a writing transaction commits in this process (the in-process wake-up). */
  events: EventEmitter;
  /** postgres.js client, for LISTEN; null on PGlite. */
  sql: Sql | null;
  migrate(): Promise<void>;
  /** Answers within `timeoutMs` or throws. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; without it PGlite opens `dataDir` (or memory when dataDir is null). */
  url?: string | null;
  dataDir?: string | null;
  /** Pool size for PostgreSQL. */
  max?: number;
  /**
   * PGlite only: a tarball of an initialised, migrated data directory to start a NEW database from
   * (skips initdb, which dominates PGlite's start-up). Tests use it; an existing directory ignores it.
   */
  template?: Blob | null;
  /** REPORT_TIMEZONE; Asia/Karachi when not given. */
  reportZone?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const reportZone = opts.reportZone ?? DEFAULT_REPORT_ZONE;
  if (opts.url) {
    const { default: postgres } = await import('postgres');
    const client = postgres(opts.url, {
      max: opts.max ?? 10,
      onnotice: () => {},
      connect_timeout: 5,
      // Sessions in UTC whatever the server's default: every local day is computed with an
      // explicit AT TIME ZONE, never from the session zone.
      connection: { TimeZone: 'UTC' },
      // bigint counters (seq) fit in a JS number for centuries of writes.
      types: { bigint: postgres.BigInt },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      reportZone,
      events,
      sql: client,
      migrate: () => migratePostgres(db as never, { migrationsFolder: MIGRATIONS_DIR }),
      ping: (timeoutMs = 2000) =>
        withTimeout(
          client`select 1`.then(() => undefined),
          timeoutMs,
        ),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const release = opts.dataDir ? lockDataDir(path.resolve(opts.dataDir)) : () => {};
  let pg;
  try {
    const dir = opts.dataDir ? path.resolve(opts.dataDir, 'pglite') : undefined;
    const fresh = !dir || !existsSync(path.join(dir, 'PG_VERSION'));
    pg = await PGlite.create(dir, opts.template && fresh ? { loadDataDir: opts.template } : {});
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzlePglite(pg, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    reportZone,
    events,
    sql: null,
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    ping: (timeoutMs = 2000) =>
      withTimeout(
        pg.query('select 1').then(() => undefined),
        timeoutMs,
      ),
    close: async () => {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
    }),
  ]);
}

export { sql };
