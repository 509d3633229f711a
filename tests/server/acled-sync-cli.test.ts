/**
 * `npm run acled:sync` as an operator's cron runs it (tsx scripts/acled-sync.ts), on a fresh
 * embedded data directory and on a fresh PostgreSQL database, against the stand-in ACLED API (real
 * HTTP, port 0): no account is a clear error, the account comes from the environment only, a run
 * stores the events and prints itself as the last line of stdout, a second run follows the cursor,
 * and a failing API is exit code 2 with the error.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, startAcledStandIn, type AcledStandIn } from '../support/acled-stand-in';
import { createPostgresDatabase, drivers } from '../support/test-database';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const T0 = 1_709_640_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function syncCommand(args: string[], env: Record<string, string>): Promise<Run> {
  // Vitest puts Vite's BASE_URL=/ (and MODE, DEV…) into process.env; a user's shell has none of them.
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...clean } = process.env;
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'acled-sync.ts'), ...args],
      { cwd: ROOT, env: { ...clean, ...env }, timeout: 180_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const lastLine = <T>(text: string) => JSON.parse(text.trim().split('\n').at(-1)!) as T;

interface RunLine {
  state: string;
  trigger: string;
  actor: string;
  error: string | null;
  result: { report: { rows: number; imported: number; updated: number } | null } | null;
}

describe.each(drivers)('npm run acled:sync on %s', (driver) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bw-acled-sync-cli-'));
  let api: AcledStandIn;
  const env: Record<string, string> = {
    DATA_DIR: path.join(dir, 'data'),
    DATABASE_URL: '',
    SECRETS_KEY: randomBytes(32).toString('base64'),
    ACLED_SYNC_PAGE_SIZE: '2',
    LOG_LEVEL: 'warn',
  };
  let drop = async () => {};

  beforeAll(async () => {
    api = await startAcledStandIn();
    env.ACLED_API_URL = api.url;
    for (let n = 1; n <= 3; n++)
      api.put(apiEvent({ event_id_cnty: `PAKCLI${n}`, timestamp: String(T0 + n), fatalities: String(n) }));
    if (driver === 'postgres') {
      const created = await createPostgresDatabase();
      env.DATABASE_URL = created.url;
      drop = created.drop;
    }
  });
  afterAll(async () => {
    await api?.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to run without an account, and takes the account only from the environment', async () => {
    const none = await syncCommand([], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No ACLED account is configured/);
    expect(none.stdout).toBe('');

    const missing = await syncCommand(['--save-account'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/ACLED_USERNAME and ACLED_PASSWORD/);

    const saved = await syncCommand(['--save-account'], {
      ...env,
      ACLED_USERNAME: api.account.username,
      ACLED_PASSWORD: api.account.password,
    });
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout + saved.stderr).not.toContain(api.account.password);
    const status = lastLine<{ account: { configured: boolean } }>((await syncCommand(['--status'], env)).stdout);
    expect(status.account.configured).toBe(true);
  });

  it('stores the events, prints the run as the last line of stdout, then follows the cursor', async () => {
    const first = await syncCommand([], env);
    expect(first.code, first.stderr).toBe(0);
    const one = lastLine<RunLine>(first.stdout);
    expect(one).toMatchObject({ state: 'succeeded', trigger: 'manual', error: null });
    expect(one.actor).toMatch(/^cli:acled-sync/);
    expect(one.result?.report).toMatchObject({ rows: 3, imported: 3, updated: 0 });
    expect(first.stdout + first.stderr).not.toContain(api.account.password);

    api.put(apiEvent({ event_id_cnty: 'PAKCLI2', timestamp: String(T0 + 10), fatalities: '7' }));
    const second = await syncCommand([], env);
    expect(second.code, second.stderr).toBe(0);
    // Only what changed at or after the cursor comes back (ACLED's timestamp filter is inclusive): the
    // newest event of the first run and the corrected one, neither new.
    expect(lastLine<RunLine>(second.stdout).result?.report).toMatchObject({ rows: 2, imported: 0 });
  });

  it('exits 2 with the error when the API fails', async () => {
    api.failNext('/api/acled/read', 400, {}, { success: false, error: { message: 'Unknown parameter' } });
    const failed = await syncCommand([], env);
    expect(failed.code).toBe(2);
    expect(lastLine<RunLine>(failed.stdout).state).toBe('failed');
    expect(failed.stderr).toMatch(/the run failed/);
  });
});
