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
import { readRetryingDeadConnections } from './driver-errors';
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
    const max = opts.max ?? 10;
    const client = postgres(opts.url, {
      max,
      onnotice: () => {},
      connect_timeout: 5,
      // Sessions in UTC whatever the server's default: every local day is computed with an
      // explicit AT TIME ZONE, never from the session zone.
      connection: {
        TimeZone: 'UTC',
        // Statements are prepared to save a round trip (preparedWhereFixed below), not to reuse
        // plans: each execution is planned for its own values, as an unnamed statement is.
        plan_cache_mode: 'force_custom_plan',
      },
      // bigint counters (seq) fit in a JS number for centuries of writes.
      types: { bigint: postgres.BigInt },
    });
    const db = drizzlePostgres(readsRetried(client, 2 * max + 1), { schema }) as unknown as Db;
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

/**
 * A read is a statement that only reads: it may run again on another connection. Data-modifying
 * statements and functions with effects (a NOTIFY, a lock, a sequence, a row lock) are not.
 */
export function isPlainRead(statement: string): boolean {
  return (
    /^\s*(select|with)\b/i.test(statement) &&
    !/\b(insert|update|delete|merge|pg_notify|pg_advisory\w*|pg_try_advisory\w*|nextval|setval|set_config)\b/i.test(
      statement,
    )
  );
}

/**
 * The pool as Drizzle sees it: a plain read outside a transaction that fails because its pooled
 * connection turned out to be dead runs again. After PostgreSQL restarts (or a failover), each
 * pooled connection the shutdown terminated stays in the pool until its close is read, and fails
 * the first queries sent to it (postgres.js reports the write to the closed socket, then the
 * FATAL the backend left behind: up to two failures per connection), so a read is tried at most
 * twice the pool size + 1 times, all at once, and not again once connecting fails
 * (db/driver-errors.ts). Transactions (`begin`) and
 * writes pass through untouched: the write path decides what a lost commit means
 * (core/write/exactly-once.ts).
 */
function readsRetried(client: Sql, attempts: number): Sql {
  type Unsafe = Sql['unsafe'];
  const unsafe: Unsafe = ((query: string, params?: unknown[], options?: object) => {
    options = preparedWhereFixed(query, params, options);
    if (!isPlainRead(query)) return client.unsafe(query, params as never, options as never);
    let mode: 'rows' | 'values' = 'rows';
    const run = () => {
      const pending = client.unsafe(query, params as never, options as never);
      return mode === 'values' ? pending.values() : pending;
    };
    let settled: Promise<unknown> | null = null;
    const once = () => (settled ??= readRetryingDeadConnections(run, attempts));
    // Drizzle awaits the query, after `.values()` for array rows; postgres.js queries are lazy
    // (sent when awaited), so nothing is sent before `then`.
    const pending = {
      values() {
        mode = 'values';
        return pending;
      },
      then: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => once().then(ok, fail),
      catch: (fail?: (e: unknown) => unknown) => once().catch(fail),
      finally: (done?: () => void) => once().finally(done),
    };
    return pending as unknown as ReturnType<Unsafe>;
  }) as Unsafe;
  // A transaction's queries go through the transaction's own client: prepared the same way.
  const begin = ((...args: unknown[]) => {
    const fn = args.pop() as (tx: Sql) => unknown;
    return (client.begin as (...a: unknown[]) => unknown)(...args, (tx: Sql) => fn(preparing(tx)));
  }) as Sql['begin'];
  return new Proxy(client, {
    get: (target, prop, receiver) =>
      prop === 'unsafe' ? unsafe : prop === 'begin' ? begin : Reflect.get(target, prop, receiver),
  });
}

/** A transaction's client whose statements are prepared where their text is fixed. */
function preparing(tx: Sql): Sql {
  const unsafe = ((query: string, params?: unknown[], options?: object) =>
    tx.unsafe(query, params as never, preparedWhereFixed(query, params, options) as never)) as Sql['unsafe'];
  return new Proxy(tx, {
    get: (target, prop, receiver) => (prop === 'unsafe' ? unsafe : Reflect.get(target, prop, receiver)),
  });
}

/** Distinct statement texts this process prepares at most (each connection keeps its own). */
const PREPARED_TEXTS = 1000;
const preparedTexts = new Set<string>();

/**
 * Drizzle sends every statement unnamed, and postgres.js then describes a statement with
 * parameters before it executes it: two round trips per statement. A named (prepared) statement
 * is described once per connection and then takes one; sessions plan every execution for its
 * values (plan_cache_mode, above), so no statement runs on a generic plan. Statements whose text is fixed by the code
 * (values as parameters, rows as one JSON parameter: db/json-recordset.ts) are prepared; a text
 * that varies with its values (an `IN ($1, $2, …)` list, a multi-row VALUES) is not, and neither is
 * anything beyond the first PREPARED_TEXTS texts, so a connection's statements stay bounded.
 */
function preparedWhereFixed(query: string, params: unknown[] | undefined, options: object | undefined) {
  if (!params || params.length === 0) return options;
  if (!preparedTexts.has(query)) {
    if (preparedTexts.size >= PREPARED_TEXTS || /\$\d+\s*,\s*\$\d+/.test(query)) return options;
    preparedTexts.add(query);
  }
  return { ...options, prepare: true };
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
