/** The embedded database keeps its data across a graceful stop and refuses a second process. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/pg-cluster';
import { spawnServer } from '../support/spawn-server';

describe('the embedded database', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bw-embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('survives a graceful stop with its data, and a second process on the same data dir is refused clearly', async () => {
    const env = { DATA_DIR: dir, PORT: String(await freePort()), DEMO_DATA: 'on', PUBLIC_DASHBOARD: '1' };
    const first = await spawnServer(env);
    const before = await (await fetch(`${first.url}/api/health`)).json();
    expect(before).toMatchObject({ status: 'ok', database: 'pglite' });
    expect(before.position.seq).toBeGreaterThan(1000); // the demo set was written through the log

    const second = await spawnServer({ ...env, PORT: String(await freePort()) }, { waitForHealth: false });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already open in process \d+/);

    const started = Date.now();
    expect(await first.kill('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);

    const again = await spawnServer({ ...env, DEMO_DATA: 'auto' });
    const after = await (await fetch(`${again.url}/api/health`)).json();
    expect(after.position).toEqual(before.position); // same history, same epoch, nothing reloaded
    expect(await again.kill('SIGTERM')).toBe(0);
  });
});
