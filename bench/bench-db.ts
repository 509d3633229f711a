/**
 * The bench's databases: a fresh PostgreSQL database on BENCH_DATABASE_URL's server (dropped at the
 * end, also after a failure) and a PGlite data directory; and an operator with an API token, because
 * writes go through the API like any script's.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database } from '../db/client';
import { ensureStream } from '../db/change-log';
import { createApiToken } from '../server/auth/api-tokens';
import { query } from './sql-rows';

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchPostgres {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Refuses anything but a loopback server: the bench creates and drops databases. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`BENCH_DATABASE_URL must point at a loopback server, not ${host}`);
}

export async function createBenchPostgres(base: string): Promise<BenchPostgres> {
  assertLoopback(base);
  const name = `bw_bench_${Date.now().toString(36)}_${randomUUID().slice(0, 6)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      const a = postgres(base, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

export function createPgliteDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bw-bench-pglite-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openBenchDatabase(target: { url: string } | { dataDir: string }): Promise<Database> {
  const database =
    'url' in target ? await openDatabase({ url: target.url, max: 4 }) : await openDatabase({ dataDir: target.dataDir });
  await database.migrate();
  await ensureStream(database.db);
  return database;
}

/**
 * An operator account and its API token, written straight into the tables: the bench does not
 * sign in with a password, it only needs a Bearer token that the API accepts for writes.
 */
export async function createOperatorToken(database: Database): Promise<string> {
  const id = `bench-${randomUUID()}`;
  await query(
    database.db,
    `INSERT INTO "user" (id, name, email, email_verified, role) VALUES ('${id}', 'Bench operator', 'bench-${id.slice(6, 14)}@bench.invalid', true, 'operator')`,
  );
  const { secret } = await createApiToken(database.db, id, 'bench');
  return secret;
}
