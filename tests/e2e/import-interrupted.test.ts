/**
 * The page of an import whose server was killed mid-file: after the restart (same PGlite data
 * directory) the job page reads "interrupted", with the rows committed and that importing the file
 * again is safe, and the import page's history lists it. Its own server process, to kill it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from '../../core/group/group-verbs';
import { addUser, PASSWORD, tokenFor } from '../server/api-support';
import { freePort } from '../support/pg-cluster';
import { spawnServer, type ServerProcess } from '../support/spawn-server';
import { startTestServer } from '../support/test-server';
import { launch, screenshot } from './browser';

const HEADER =
  'event_id_cnty,event_date,event_type,sub_event_type,actor1,country,admin1,admin2,location,latitude,longitude,notes,fatalities';
const row = (i: number) =>
  `CUT${i},2024-06-01,Violence against civilians,Attack,Unidentified Armed Group (Pakistan),Pakistan,Balochistan,Quetta,Quetta,30.18,66.99,"An attack was reported.",2`;

describe('an interrupted import in the browser', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bw-e2e-import-kill-'));
  let node: ServerProcess | null = null;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await node?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the job as interrupted with what was committed, and lists it in the history', async () => {
    const setup = await startTestServer('pglite', { dataDir: dir });
    const token = await tokenFor(setup, (await addUser(setup, 'cut@example.org', 'operator')).id);
    await createGroup({
      ctx: setup.runtime.ctx({ id: null, label: 'system:test', role: 'system' }),
      input: { shortName: 'TTP', fullName: 'Tehrik-e-Taliban Pakistan' },
    });
    await setup.close();
    const env = { DATA_DIR: dir, REFERENCE_DATA: 'off', DEMO_LIVE: '0', PORT: String(await freePort()) };
    node = await spawnServer(env, { pages: true });
    const auth = { authorization: `Bearer ${token}` };

    let push!: (s: string) => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (s) => controller.enqueue(new TextEncoder().encode(s));
      },
    });
    const job = 'cut-import-01';
    const upload = fetch(`${node.url}/api/import/acled`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv', 'import-job': job, 'import-file-name': 'cut.csv' },
      body,
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e);
    push(`${HEADER}\n${Array.from({ length: 1200 }, (_, i) => row(i)).join('\n')}\n`);
    const deadline = Date.now() + 120_000;
    for (;;) {
      // A poll may meet a kept-alive connection the busy server just closed: poll again.
      const res = await fetch(`${node.url}/api/import/progress?job=${job}`, { headers: auth }).catch(() => null);
      const j = res?.status === 200 ? ((await res.json()) as { job: { progress: { imported: number } } }).job : null;
      if (j && j.progress.imported >= 500) break;
      if (Date.now() > deadline) throw new Error('no batch was committed in 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    await node.kill('SIGKILL');
    await upload;
    node = await spawnServer(env, { pages: true });
    const committed = (
      (await (await fetch(`${node.url}/api/import/progress?job=${job}`, { headers: auth })).json()) as {
        job: { state: string; committed: number };
      }
    ).job;
    expect(committed.state).toBe('interrupted');

    const context = await browser.newContext({ baseURL: node.url, viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel(/email/i).fill('cut@example.org');
    await page.getByLabel(/password/i).fill(PASSWORD);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 60_000 }),
      page.getByRole('button', { name: /sign in/i }).click(),
    ]);
    await page.goto('/record/import');
    const history = page.getByTestId('recent-imports');
    expect(await history.innerText()).toMatch(
      /cut\.csv[\s\S]*interrupted[\s\S]*rows committed before the server stopped/,
    );
    await history.getByRole('link', { name: 'cut.csv' }).click();
    await page.waitForURL(new RegExp(`/record/import/jobs/${job}$`));
    expect(await page.getByTestId('job-state').innerText()).toBe('interrupted');
    const alert = await page.getByRole('alert').filter({ hasText: 'rows were committed' }).innerText();
    expect(alert).toContain(`${committed.committed.toLocaleString('en')} rows were committed`);
    expect(alert).toMatch(/Importing the same file again is safe/);
    await screenshot(page, 'import-interrupted');
    await context.close();
    // Two server starts with pages and a browser: bounded generously for a loaded machine.
  }, 600_000);
});
