/**
 * A server process is SIGKILLed in the middle of an import and started again on the same database
 * (a PostgreSQL database, or the same PGlite data directory): the job reads "interrupted", with
 * the rows it committed equal to the rows of that source in the database. On PostgreSQL a second
 * node started meanwhile leaves the job alone (it is not its own, and its heartbeat is fresh).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createGroup } from '../../core/group/group-verbs';
import { openDatabase } from '../../db/client';
import { addUser, tokenFor } from '../server/api-support';
import { freePort } from '../support/pg-cluster';
import { rows } from '../support/rows';
import { spawnServer, type ServerProcess } from '../support/spawn-server';
import { createPostgresDatabase, drivers } from '../support/test-database';
import { startTestServer } from '../support/test-server';

const HEADER =
  'event_id_cnty,event_date,event_type,sub_event_type,actor1,country,admin1,admin2,location,latitude,longitude,notes,fatalities';
const row = (i: number) =>
  `KILL${i},2024-06-01,Violence against civilians,Attack,Unidentified Armed Group (Pakistan),Pakistan,Balochistan,Quetta,Quetta,30.18,66.99,"An attack was reported.",2`;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(drivers)('an import whose server is killed, on %s', (driver) => {
  const procs: ServerProcess[] = [];
  let cleanup = async () => {};
  afterAll(async () => {
    for (const p of procs) await p.kill('SIGKILL');
    await cleanup();
  });

  it('reads "interrupted" after the restart, with the committed rows the database holds', async () => {
    // The database, with an operator and a group to match actors against.
    const where: { databaseUrl?: string; dataDir?: string } = {};
    if (driver === 'postgres') {
      const created = await createPostgresDatabase();
      where.databaseUrl = created.url;
      cleanup = created.drop;
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'bw-import-kill-'));
      where.dataDir = dir;
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    const setup = await startTestServer(driver, where);
    const token = await tokenFor(setup, (await addUser(setup, 'operator@kill.test', 'operator')).id);
    await createGroup({
      ctx: setup.runtime.ctx({ id: null, label: 'system:test', role: 'system' }),
      input: { shortName: 'TTP', fullName: 'Tehrik-e-Taliban Pakistan' },
    });
    await setup.close();

    const env = {
      ...(where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : { DATA_DIR: where.dataDir! }),
      REFERENCE_DATA: 'off',
      DEMO_LIVE: '0',
      NODE_ID: 'node-1',
      PORT: String(await freePort()),
    };
    const auth = { authorization: `Bearer ${token}` };
    let node = await spawnServer(env);
    procs.push(node);

    // The upload streams from here: the rows sent so far, and the body never ends.
    let push!: (s: string) => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (s) => controller.enqueue(new TextEncoder().encode(s));
      },
    });
    const job = 'killed-import-1';
    const upload = fetch(`${node.url}/api/import/acled`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv', 'import-job': job, 'import-file-name': 'pakistan.csv' },
      body,
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e);
    push(`${HEADER}\n${Array.from({ length: 1700 }, (_, i) => row(i)).join('\n')}\n`);
    const progress = (base: string) =>
      fetch(`${base}/api/import/progress?job=${job}`, { headers: auth }).then(async (r) =>
        r.status === 200 ? ((await r.json()) as { job: Record<string, unknown> }).job : null,
      );
    // Killed once batches have committed and the job's progress says so, with rows still unread.
    await until('committed batches', async () => {
      const j = await progress(node.url);
      return j && (j.progress as { imported: number }).imported >= 1000 && j;
    });
    await node.kill('SIGKILL');
    expect(await upload).toBeInstanceOf(Error); // the client lost its answer

    if (driver === 'postgres') {
      // Another node starting on the same database does not interrupt node-1's job.
      const other = await spawnServer({ ...env, NODE_ID: 'node-2', PORT: String(await freePort()) });
      procs.push(other);
      expect((await progress(other.url))!.state).toBe('running');
      await other.kill('SIGTERM');
    }

    node = await spawnServer(env);
    procs.push(node);
    const after = (await progress(node.url))!;
    expect(after).toMatchObject({ id: job, state: 'interrupted', fileName: 'pakistan.csv', format: 'acled' });
    const list = await fetch(`${node.url}/api/import/jobs`, { headers: auth }).then((r) => r.json());
    expect(list.jobs.map((j: { id: string }) => j.id)).toEqual([job]);
    expect(await node.kill('SIGTERM')).toBe(0);

    const database = await openDatabase({ url: where.databaseUrl, dataDir: where.dataDir ?? null });
    try {
      const [stored] = await rows<{ n: number | string; top: number | string }>(
        database.db,
        sql`SELECT (SELECT count(*) FROM incidents WHERE external_id LIKE 'acled:%') AS n,
          (SELECT max(seq) FROM changes) AS top`,
      );
      expect(Number(stored!.n)).toBeGreaterThanOrEqual(1000);
      expect(Number(stored!.n)).toBeLessThan(1700);
      expect(after.committed).toBe(Number(stored!.n));
      expect(after.lastSeq).toBe(Number(stored!.top));
    } finally {
      await database.close();
    }
  });
});
