/**
 * `npm run import -- --format acled FILE` as a user runs it (tsx scripts/import.ts), on a fresh
 * embedded data directory and on a fresh PostgreSQL database: the report is the last line of
 * stdout, progress goes to stderr, and a missing file or a locked data directory fail clearly.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, drivers } from '../support/test-database';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

const HEADER = 'event_id_cnty,event_date,event_type,sub_event_type,actor1,country,admin1,admin2,notes,fatalities';
const csv = [
  HEADER,
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `CLI${i},2024-0${(i % 9) + 1}-12,Explosions/Remote violence,Suicide bomb,TTP: Tehrik-i-Taliban Pakistan,Pakistan,Khyber Pakhtunkhwa,Bannu,"A blast, reported by police.",${i % 4}`,
  ),
  'CLI-bad,2024-13-01,Battles,Armed clash,Unidentified Armed Group (Pakistan),Pakistan,Sindh,Karachi,,1',
  'CLI-riot,2024-02-02,Riots,Mob violence,Rioters (Pakistan),Pakistan,Punjab,Lahore,,0',
].join('\n');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function importCommand(args: string[], env: Record<string, string>): Promise<Run> {
  // Vitest puts Vite's BASE_URL=/ (and MODE, DEV…) into process.env; a user's shell has none of them.
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...clean } = process.env;
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'import.ts'), ...args],
      { cwd: ROOT, env: { ...clean, ...env }, timeout: 90_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const lastLine = (text: string) =>
  JSON.parse(text.trim().split('\n').at(-1)!) as {
    rows: number;
    imported: number;
    updated: number;
    skipped: Record<string, number>;
    errorCount: number;
    errors: { line: number }[];
  };

describe.each(drivers)('npm run import on %s', (driver) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bw-import-cli-'));
  const file = path.join(dir, 'acled.csv');
  const env: Record<string, string> = { DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
  let drop = async () => {};

  beforeAll(async () => {
    writeFileSync(file, csv);
    if (driver === 'postgres') {
      const created = await createPostgresDatabase();
      env.DATABASE_URL = created.url;
      drop = created.drop;
    }
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints progress to stderr and the report as the last line of stdout; a second run updates', async () => {
    const first = await importCommand(['--format', 'acled', file], env);
    expect(first.stderr).not.toMatch(/failed/);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/100% .* rows\/s +rows 32 \(imported 30, updated 0, skipped 1, errors 1\)/);
    expect(lastLine(first.stdout)).toMatchObject({
      rows: 32,
      imported: 30,
      updated: 0,
      skipped: { protest_or_riot: 1 },
      errorCount: 1,
      errors: [{ line: 32 }],
    });

    const second = await importCommand(['--format', 'acled', file], env);
    expect(second.code).toBe(0);
    expect(lastLine(second.stdout)).toMatchObject({ rows: 32, imported: 0, updated: 30 });
  });

  it('fails clearly on a missing file or an unknown format, before touching the database', async () => {
    const missing = await importCommand(['--format', 'acled', path.join(dir, 'nope.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/import: No such file: .*nope\.csv/);
    const unknown = await importCommand(['--format', 'stata', file], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown format "stata": use acled, ucdp, gtd/);
  });

  it.skipIf(driver !== 'pglite')('refuses while another process holds the embedded database', async () => {
    const locked = path.join(dir, 'locked');
    rmSync(locked, { recursive: true, force: true });
    // The lock file of a live process (this test worker) is what a running app leaves.
    await import('node:fs').then((fs) => {
      fs.mkdirSync(locked, { recursive: true });
      fs.writeFileSync(path.join(locked, 'border-watch.lock'), String(process.pid));
    });
    const res = await importCommand(['--format', 'acled', file], { DATA_DIR: locked, DATABASE_URL: '' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      new RegExp(`the app is running on this embedded database .*already open in process ${process.pid}`),
    );
    expect(res.stdout).toBe('');
  });
});
