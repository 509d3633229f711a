/**
 * The account commands as a user runs them (npm run user:add / token:create → tsx scripts/…):
 * the token is the last line of output, and with the embedded database they refuse clearly while
 * the app holds the data directory.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server';
import { call } from './api-support';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

async function script(name: string, args: string[], dataDir: string) {
  // Vitest puts Vite's BASE_URL=/ (and MODE, DEV…) into process.env; a user's shell has none of them.
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...clean } = process.env;
  const env = { ...clean, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', name), ...args],
      { cwd: ROOT, env, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('user:add and token:create from the command line (embedded database)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bw-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses while the app runs, then creates a user and prints the token last', async () => {
    const server = await startTestServer('pglite', { dataDir: dir });
    try {
      const locked = await script('user-add.ts', ['--email', 'ops@example.org', '--role', 'operator'], dir);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/the app is running on this embedded database/);
      expect(locked.stderr).toMatch(/Stop it first/);
    } finally {
      await server.close();
    }
    const added = await script(
      'user-add.ts',
      ['--email', 'ops@example.org', '--role', 'operator', '--password', 'long-enough-pw'],
      dir,
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Created ops@example.org with role operator/);
    const created = await script('token-create.ts', ['--email', 'ops@example.org', '--name', 'ci'], dir);
    expect(created.code).toBe(0);
    const token = created.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^bw_[A-Za-z0-9_-]{43}$/);

    const again = await startTestServer('pglite', { dataDir: dir });
    try {
      const me = await call(again, 'GET', '/api/me', { token });
      expect(me.body.user).toMatchObject({ email: 'ops@example.org', role: 'operator' });
    } finally {
      await again.close();
    }
    // Three processes and two server starts: slow on a busy 2-core machine.
  }, 240_000);
});
