/**
 * Exactly once while every backend of the app's database is terminated once a second
 * (pg_terminate_backend from a separate admin connection): 600 creates from 6 writers without an
 * Idempotency-Key, 300 keyed creates sent twice each with client retries, then a PATCH and a
 * retraction burst, with a real ACLED file imported (and re-run until it finishes) all along. Afterwards the stored rows must be exactly what was answered 201/200, nothing
 * answered 503 is stored, ids and external ids are unique, rollups equal a rebuild from the raw
 * rows, the change log has no gap, and a live client on each of two nodes got every change once.
 * The import must account for every row once and store each event once.
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../db/rollups/rebuild';
import { createCluster, freePort, type PgCluster } from '../support/pg-cluster';
import { REAL_FIXTURES } from '../support/fixtures';
import { rows } from '../support/rows';
import { spawnServer, type ServerProcess } from '../support/spawn-server';
import { connectLive, startTestServer, type LiveClient, type TestServer } from '../support/test-server';
import { addUser, call, incidentInput, tokenFor, type Answer } from '../server/api-support';
import { accounted } from '../core/import/memory-sink';
import type { ImportReport } from '../../core/import/import-report';
import { StoreUnavailableError } from '../../core/errors';

const ACLED = path.join(REAL_FIXTURES, 'acled_asia2015_pakistan_oldformat.csv');
if (!existsSync(ACLED)) console.warn(`ACLED fixture ${ACLED} is absent: the fault run imports no file.`);

const WRITERS = 6;

/** Terminates every backend of database `bw` but its own, once a second, until stopped. */
function startKiller(cluster: PgCluster) {
  const admin = postgres(cluster.url.replace(/\/bw$/, '/postgres'), { max: 1, onnotice: () => {} });
  let running = true;
  let rounds = 0;
  let killed = 0;
  const loop = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 1000));
      if (!running) break;
      const r = await admin`SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = 'bw' AND pid <> pg_backend_pid()`;
      rounds++;
      killed += Number(r[0]!.n);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await admin.end();
      return { rounds, killed };
    },
  };
}

/** The request, retried on 503 and on connection errors (same body, same key) up to `tries` times. */
async function send(server: TestServer, method: string, path: string, opts: Parameters<typeof call>[3], tries: number) {
  const answers: number[] = [];
  for (let i = 0; i < tries; i++) {
    let res: Answer;
    try {
      res = await call(server, method, path, opts);
    } catch {
      answers.push(0);
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    answers.push(res.status);
    if (res.status !== 503) return { res, answers };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { res: null, answers };
}

async function parallel<T>(n: number, each: (writer: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, w) => each(w)));
}

describe('exactly once while the database drops every connection each second', () => {
  let cluster: PgCluster;
  let server: TestServer;
  let node: ServerProcess | null = null;
  let token: string;
  beforeAll(async () => {
    cluster = await createCluster();
    server = await startTestServer('postgres', { databaseUrl: cluster.url, env: { PUBLIC_DASHBOARD: '1' } });
    token = await tokenFor(server, (await addUser(server, 'operator@faults.test', 'operator')).id);
    node = await spawnServer({ DATABASE_URL: cluster.url, PORT: String(await freePort()), PUBLIC_DASHBOARD: '1' });
  });
  afterAll(async () => {
    await node?.kill('SIGKILL');
    await server?.close();
    cluster?.destroy();
  });

  // Bounded by its request counts (every retry loop has a limit), not by a clock; generous for a
  // loaded 2-core machine.
  it('stores each answered write once, and nothing it said was not saved', { timeout: 900_000 }, async () => {
    const db = server.runtime.database.db;
    const clients: LiveClient[] = [server.url, node!.url].map((u) => connectLive(u, {}, { reconnection: true }));
    for (const c of clients) await c.waitFor(() => c.hellos.length === 1, 30_000);
    const from = clients.map((c) => c.hellos[0]!.seq);
    const killer = startKiller(cluster);

    // 0. An ACLED import through the import verb, all along; a run the store stops (or that cannot
    // read the groups, a 503) is run again (re-importing is idempotent), up to 100 times.
    const importing = (async () => {
      const reports: ImportReport[] = [];
      let refused = 0;
      if (!existsSync(ACLED)) return { reports, refused };
      const ctx = server.runtime.ctx({ id: null, label: 'system:fault-import', role: 'system' });
      for (let i = 0; i < 100; i++) {
        try {
          const report = await server.runtime.writes.importAcled({ ctx, input: createReadStream(ACLED), options: {} });
          reports.push(report);
          if (!report.stopped) break;
        } catch (err) {
          expect(err).toBeInstanceOf(StoreUnavailableError);
          refused++;
        }
      }
      return { reports, refused };
    })();

    // 1. Without Idempotency-Key: one attempt each; the answer must be the truth.
    const plain = await parallel(WRITERS, async (w) => {
      const out: { externalId: string; status: number; id?: string }[] = [];
      for (let i = 0; i < 100; i++) {
        const externalId = `plain-${w}-${i}`;
        const res = await call(server, 'POST', '/api/incidents', { token, body: { ...incidentInput(i), externalId } });
        out.push({ externalId, status: res.status, id: res.body?.incident?.id });
      }
      return out;
    });
    const plainAnswers = plain.flat();

    // 2. With Idempotency-Key: 300 requests, each sent twice, retried on 503 with the same key.
    const keyed = await parallel(WRITERS, async (w) => {
      const out: { externalId: string; statuses: number[]; ids: string[] }[] = [];
      for (let i = 0; i < 50; i++) {
        const externalId = `keyed-${w}-${i}`;
        const opts = { token, body: { ...incidentInput(i), externalId }, headers: { 'idempotency-key': externalId } };
        const first = await send(server, 'POST', '/api/incidents', opts, 40);
        const second = await send(server, 'POST', '/api/incidents', opts, 40);
        out.push({
          externalId,
          statuses: [...first.answers, ...second.answers],
          ids: [first.res?.body?.incident?.id, second.res?.body?.incident?.id],
        });
      }
      return out;
    });
    const keyedAnswers = keyed.flat();

    // 3. A PATCH and then a retraction of 60 stored incidents, retried on 503 with the same body.
    const editFailures: string[] = [];
    const created = plainAnswers.filter((a) => a.status === 201).slice(0, 60);
    const edits = await parallel(WRITERS, async (w) => {
      const out: number[] = [];
      for (const a of created.filter((_, i) => i % WRITERS === w)) {
        const path = `/api/incidents/${a.id}`;
        const edit = await send(server, 'PATCH', path, { token, body: { version: 1, summary: `edited ${a.id}` } }, 40);
        const retract = await send(server, 'DELETE', path, { token, body: { version: 2, reason: 'fault test' } }, 40);
        out.push(edit.res?.status ?? 503, retract.res?.status ?? 503);
        // What a refused edit or retraction was answered, attempt by attempt, for the failure message.
        for (const [what, r] of [
          ['PATCH', edit],
          ['DELETE', retract],
        ] as const)
          if (r.res?.status !== 200)
            editFailures.push(
              `${what} ${path}: statuses ${r.answers.join(',')}; last body ${JSON.stringify(r.res?.body ?? null).slice(0, 500)}`,
            );
      }
      return out;
    });
    if (editFailures.length > 0) console.warn(`edits or retractions not answered 200:\n${editFailures.join('\n')}`);
    const { reports: imports, refused } = await importing;
    const { rounds, killed } = await killer.stop();

    const stored = await rows<{ id: string; external_id: string; version: number }>(
      db,
      sql`select id, external_id, version from incidents`,
    );
    const byExternal = new Map(stored.map((r) => [r.external_id, r]));
    const plain201 = plainAnswers.filter((a) => a.status === 201);
    const plain503 = plainAnswers.filter((a) => a.status === 503);
    const storedPlain = stored.filter((r) => r.external_id.startsWith('plain-'));
    const storedKeyed = stored.filter((r) => r.external_id.startsWith('keyed-'));
    const keyedDone = keyedAnswers.filter((a) => a.ids[0] && a.ids[0] === a.ids[1]);
    console.info(
      `fault run: ${rounds} kill rounds, ${killed} backends terminated; without key: ${plain201.length} × 201, ` +
        `${plain503.length} × 503, ${plainAnswers.length - plain201.length - plain503.length} other, ${storedPlain.length} stored; ` +
        `with key: ${keyedDone.length}/300 answered 201 twice with the same record, ` +
        `${keyedAnswers.reduce((n, a) => n + a.statuses.filter((s) => s === 503).length, 0)} × 503 retried, ${storedKeyed.length} stored; ` +
        `edits+retractions: ${edits.flat().filter((s) => s === 200).length}/${edits.flat().length} × 200; ` +
        `ACLED import: ${imports.length} run(s), ${imports.filter((r) => r.stopped).length} stopped by the store, ${refused} refused (503)`,
    );

    expect(plain201.length + plain503.length).toBe(plainAnswers.length);
    expect(storedPlain.length).toBe(plain201.length);
    for (const a of plain201) expect(byExternal.get(a.externalId)?.id).toBe(a.id);
    for (const a of plain503) expect(byExternal.has(a.externalId)).toBe(false);
    expect(storedKeyed.length).toBe(300);
    expect(keyedDone.length).toBe(300);
    for (const a of keyedAnswers) expect(byExternal.get(a.externalId)?.id).toBe(a.ids[0]);
    expect(new Set(stored.map((r) => r.id)).size).toBe(stored.length);
    expect(new Set(stored.map((r) => r.external_id)).size).toBe(stored.length);

    // Every edit and retraction applied once: 200 each, version 3, one change of each kind.
    expect(edits.flat().every((s) => s === 200)).toBe(true);
    const editedIds = new Set(created.map((a) => a.id));
    for (const r of stored.filter((x) => editedIds.has(x.id))) expect(r.version).toBe(3);
    const perRecord = await rows<{ action: string; n: number }>(
      db,
      sql`select action, count(*)::int as n from changes c join incidents i on i.id = c.entity_id
        where c.entity = 'incident' and i.external_id not like 'acled:%' group by action`,
    );
    const actions = Object.fromEntries(perRecord.map((r) => [r.action, Number(r.n)]));
    const apiStored = stored.filter((r) => !r.external_id.startsWith('acled:'));
    expect(actions).toEqual({ created: apiStored.length, updated: created.length, retracted: created.length });

    // The import: its last run finished, and accounted for every row once (imported, updated,
    // skipped or refused); each event it stored exists once, and was created once.
    if (imports.length > 0) {
      const last = imports.at(-1)!;
      expect(last.stopped).toBeNull();
      expect(accounted(last)).toBe(last.rows);
      const [acled] = await rows<{ records: number; events: number; created: number }>(
        db,
        sql`select count(*)::int as records, count(distinct external_id)::int as events,
          (select count(*)::int from changes where action = 'created' and entity in ('incident', 'operation')
            and entity_id in (select id from incidents where external_id like 'acled:%'
              union all select id from operations where external_id like 'acled:%')) as created
          from (select external_id from incidents where external_id like 'acled:%'
            union all select external_id from operations where external_id like 'acled:%') r`,
      );
      expect(Number(acled!.records)).toBe(last.imported + last.updated);
      expect(Number(acled!.events)).toBe(Number(acled!.records));
      expect(Number(acled!.created)).toBe(Number(acled!.records));
      expect(Number(acled!.records)).toBeGreaterThan(0);
    }

    // The change log has no gap.
    const seqs = (await rows<{ seq: number }>(db, sql`select seq from changes order by seq`)).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));

    // Rollups equal a rebuild from the raw rows.
    const cube = sql`select * from incident_rollup_daily order by day, country, province, group_key, type, target_type, verification`;
    const opsCube = sql`select * from operation_rollup_daily order by 1, 2, 3, 4, 5, 6`;
    const before = await rows(db, cube);
    const opsBefore = await rows(db, opsCube);
    await rebuildRollups(db, 'Asia/Karachi');
    expect(await rows(db, cube)).toEqual(before);
    expect(await rows(db, opsCube)).toEqual(opsBefore);

    // Each node's client got every change after its hello exactly once, in order.
    const top = seqs.at(-1)!;
    for (const [i, c] of clients.entries()) {
      await c.waitFor(() => c.changes.length > 0 && c.changes.at(-1)!.seq >= top, 60_000);
      const got = c.changes.map((ch) => ch.seq);
      expect(got).toEqual(seqs.filter((s) => s > from[i]!));
      c.close();
    }
  });
});
