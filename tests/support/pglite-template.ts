/**
 * A migrated PGlite data directory, built once per test run (vitest globalSetup) and loaded by every
 * embedded test database: PGlite's initdb costs seconds per instance, loading a tarball far less.
 * Keyed by the migrations, so a new migration builds a new template.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS_DIR, openDatabase } from '../../db/client';

function templatePath(): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const p = path.join(MIGRATIONS_DIR, f);
    if (f.endsWith('.sql') || f.endsWith('.json')) hash.update(f).update(readFileSync(p));
  }
  return path.join(tmpdir(), `border-watch-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** Builds the template if this set of migrations has none yet. */
export async function buildPgliteTemplate(): Promise<string> {
  const file = templatePath();
  if (existsSync(file)) return file;
  const database = await openDatabase({ dataDir: null });
  await database.migrate();
  const pg = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await pg.dumpDataDir('none');
  await database.close();
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file); // atomic: parallel workers never read half a file
  return file;
}

let cached: Promise<Blob> | null = null;

/** The template as a Blob (built on demand when no global setup ran). */
export function pgliteTemplate(): Promise<Blob> {
  cached ??= buildPgliteTemplate().then((file) => new Blob([readFileSync(file)]));
  return cached;
}
