/**
 * The ACLED API sync on a real server, both drivers, against the stand-in ACLED API (real HTTP,
 * port 0): the account sealed and never returned, paging, the cursor on ACLED's timestamp,
 * updates and deletions through the import path, an expired token, a 429, backoff after errors,
 * the schedule, one run at a time (the advisory lock on PostgreSQL).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGroup } from '../../core/group/group-verbs';
import pino from 'pino';
import { acledSyncOf } from '../../server/sync/start-acled-sync';
import { AcledSyncService } from '../../server/sync/acled-sync-service';
import { createSecretBox } from '../../server/sync/secret-box';
import type { AcledSyncRun, AcledSyncStatus } from '../../server/sync/acled-sync-service';
import { apiEvent, startAcledStandIn, type AcledStandIn } from '../support/acled-stand-in';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { count, rows } from '../support/rows';
import { addUser, call, tokenFor } from './api-support';

const T0 = 1_709_640_000;
const event = (n: number, over: Record<string, string | number> = {}) =>
  apiEvent({ event_id_cnty: `PAK${n}`, timestamp: String(T0 + n), fatalities: String(n), ...over });

describe.each(drivers)('ACLED API sync on %s', (driver) => {
  let api: AcledStandIn;
  let server: TestServer;
  let admin: string;
  let operator: string;
  const as = (token: string) => ({ token });

  const status = async () => (await call(server, 'GET', '/api/acled-sync', as(admin))).body as AcledSyncStatus;
  /** Starts a run through the API and waits for its row to leave `running`. */
  const syncNow = async (): Promise<AcledSyncRun> => {
    const res = await call(server, 'POST', '/api/acled-sync/run', as(admin));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await acledSyncOf(server.runtime).idle();
    const run = (await status()).runs.find((r) => r.id === res.body.runId)!;
    expect(run.state).not.toBe('running');
    return run;
  };
  const incident = async (eventId: string) => {
    const [row] = await rows<{ id: string; version: number; retraction_reason: string | null }>(
      server.runtime.database.db,
      sql`SELECT id, version, retraction_reason FROM incidents WHERE external_id = ${`acled:${eventId}`}`,
    );
    return row ?? null;
  };

  beforeAll(async () => {
    api = await startAcledStandIn();
    server = await startTestServer(driver, {
      env: {
        ACLED_API_URL: api.url,
        ACLED_SYNC_PAGE_SIZE: '2',
        SECRETS_KEY: randomBytes(32).toString('base64'),
      },
    });
    admin = await tokenFor(server, (await addUser(server, 'admin@example.org', 'admin')).id);
    operator = await tokenFor(server, (await addUser(server, 'operator@example.org', 'operator')).id);
    await createGroup({
      ctx: server.runtime.ctx({ id: null, label: 'system:test', role: 'system' }),
      input: { shortName: 'TTP', fullName: 'Tehrik-e-Taliban Pakistan' },
    });
  });
  afterAll(async () => {
    await server?.destroy();
    await api?.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
  });

  it('refuses a run before an account is stored (409), and a bad account naming the field (400)', async () => {
    const run = await call(server, 'POST', '/api/acled-sync/run', as(admin));
    expect(run.status).toBe(409);
    const bad = await call(server, 'POST', '/api/acled-sync/account', { ...as(admin), body: { username: 'a@b.org' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ password: 'is required' });
    expect((await status()).account.configured).toBe(false);
  });

  it('stores the account sealed: never returned, not readable in the database, only for admins', async () => {
    const body = api.account;
    expect((await call(server, 'POST', '/api/acled-sync/account', { ...as(operator), body })).status).toBe(403);
    const res = await call(server, 'POST', '/api/acled-sync/account', { ...as(admin), body });
    expect(res.status).toBe(200);
    expect(res.body.account.configured).toBe(true);
    const shown = JSON.stringify(res.body) + JSON.stringify(await status());
    expect(shown).not.toContain(body.password);
    expect(shown).not.toContain(body.username);
    const stored = JSON.stringify(
      await server.runtime.database.db.execute(sql`SELECT value FROM app_secrets WHERE name = 'acled_account'`),
    );
    expect(stored).toMatch(/v1\./);
    expect(stored).not.toContain(body.password);
    expect(stored).not.toContain(body.username);
  });

  it('first sync: pages through every event of Pakistan and Afghanistan, imports them, keeps the cursor', async () => {
    for (let n = 1; n <= 3; n++) api.put(event(n));
    // Some API releases give numbers where others give strings: both read the same.
    api.put({ ...event(4), fatalities: 4, latitude: 30.1872, longitude: 67.0125, timestamp: T0 + 4 });
    api.put(event(5, { event_id_cnty: 'AFG5', country: 'Afghanistan', admin1: 'Kunar', admin2: 'Asadabad' }));
    api.put(event(6, { event_id_cnty: 'IND6', country: 'India', admin1: 'Punjab' }));
    const changesBefore = await count(server.runtime.database.db, 'changes');
    const run = await syncNow();
    // Through the import path: each new record is in the change log (what live dashboards follow).
    expect((await count(server.runtime.database.db, 'changes')) - changesBefore).toBe(5);
    expect(run.error).toBeNull();
    expect(run.state).toBe('succeeded');
    const reads = api.requests.filter((r) => r.path === '/api/acled/read');
    // 5 events in pages of 2: pages 1, 2, 3 (the third short), filtered by country, no timestamp yet.
    expect(reads.map((r) => r.query.page)).toEqual(['1', '2', '3']);
    expect(reads[0]!.query).toMatchObject({ country: 'Pakistan|Afghanistan', limit: '2' });
    expect(reads[0]!.query.timestamp).toBeUndefined();
    const report = run.result!.report!;
    expect(report).toMatchObject({ rows: 5, imported: 5, updated: 0, errorCount: 0 });
    expect(report.fatalities).toMatchObject({ total: 15, imported: 15 });
    expect(run.result!.pages.events).toBe(3);
    expect((await status()).cursor.eventsSince).toBe(T0 + 5);
    expect(await incident('PAK3')).not.toBeNull();
    expect(await incident('AFG5')).not.toBeNull();
  });

  it('next sync: asks from the last timestamp, updates a changed event, adds a new one, never duplicates', async () => {
    api.put(event(2, { fatalities: '9', timestamp: String(T0 + 20) }));
    api.put(event(7, { timestamp: String(T0 + 21) }));
    const before = await incident('PAK2');
    const run = await syncNow();
    const reads = api.requests.filter((r) => r.path === '/api/acled/read');
    expect(reads[0]!.query.timestamp).toBe(String(T0 + 5));
    // AFG5 (timestamp = the cursor: "at or after") comes again and is unchanged.
    expect(run.result!.report).toMatchObject({ rows: 3, imported: 1, changed: 1, unchanged: 1 });
    expect(run.result!.report!.fatalities).toMatchObject({ total: 21, imported: 7, changed: 9, unchanged: 5 });
    const after = await incident('PAK2');
    expect(after!.id).toBe(before!.id);
    expect(after!.version).toBe(before!.version + 1);
    const held = await rows<{ n: number }>(
      server.runtime.database.db,
      sql`SELECT count(*)::int AS n FROM incidents WHERE external_id LIKE 'acled:%'`,
    );
    expect(Number(held[0]!.n)).toBe(6);
    expect((await status()).cursor.eventsSince).toBe(T0 + 21);
  });

  it('applies the deleted-events feed as retractions "deleted by the source"', async () => {
    api.remove('PAK3', T0 + 30);
    api.remove('PAK999', T0 + 31); // never held here
    api.deleted.push({ event_id_cnty: 'NGA12', deleted_timestamp: String(T0 + 32) }); // another country
    const run = await syncNow();
    expect(run.result!.deletions).toEqual({ listed: 2, retracted: 1, alreadyRetracted: 0, notHeld: 1, errors: [] });
    expect((await incident('PAK3'))!.retraction_reason).toBe('deleted by the source');
    expect((await status()).cursor.deletedSince).toBe(T0 + 32);
    // The next run asks the feed from there and finds the retraction done.
    const again = await syncNow();
    const feed = api.requests.filter((r) => r.path === '/api/deleted/read');
    expect(feed.at(-1)!.query.deleted_timestamp).toBe(String(T0 + 32));
    expect(again.result!.deletions).toMatchObject({ retracted: 0 });
  });

  it('an expired token mid-run costs one re-authentication, and the run succeeds', async () => {
    for (let n = 40; n < 45; n++) api.put(event(n));
    api.expireAfterReads(1);
    const run = await syncNow();
    expect(run.state).toBe('succeeded');
    expect(run.result!.reauthentications).toBe(1);
    expect(run.result!.report!.imported).toBe(5);
    const grants = api.requests.filter((r) => r.path === '/oauth/token').map((r) => r.form!.grant_type);
    expect(grants).toEqual(['password', 'refresh_token']);
  });

  it('a failure mid-paging keeps the rows read before it and the cursor; the next run finds them unchanged', async () => {
    for (let n = 60; n < 65; n++) api.put(event(n));
    const cursor = (await status()).cursor;
    // Page 2 answers without a data array (not retried: the answer is wrong, not the network).
    api.failNext('/api/acled/read', 200, {}, { status: 200, success: true }, { after: 1 });
    const failed = await syncNow();
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/no data array/);
    // Page 1: PAK44 (the cursor's own second, again) and PAK60.
    expect(failed.result!.report).toMatchObject({ rows: 2, imported: 1, unchanged: 1 });
    expect(failed.result!.report!.stopped!.message).toMatch(/no data array/);
    expect((await status()).cursor).toEqual(cursor);
    expect(await incident('PAK60')).not.toBeNull();
    const retried = await syncNow();
    expect(retried.state).toBe('succeeded');
    expect(retried.result!.report).toMatchObject({ rows: 6, imported: 4, unchanged: 2 });
    expect((await status()).cursor.eventsSince).toBe(T0 + 64);
  });

  it('names a row the importer refuses by its event id; nothing new is an empty report, not a failure', async () => {
    api.put(event(66, { event_date: 'sometime in spring' }));
    const run = await syncNow();
    expect(run.state).toBe('succeeded');
    expect(run.result!.report!.errorCount).toBe(1);
    expect(run.result!.report!.errors[0]!.message).toMatch(/^event PAK66: .*event_date/);
    const held = new Map(api.events);
    api.events.clear();
    try {
      const empty = await syncNow();
      expect(empty.state).toBe('succeeded');
      expect(empty.result!.report).toMatchObject({ rows: 0, imported: 0, errorCount: 0, stopped: null });
    } finally {
      for (const [k, v] of held) api.events.set(k, v);
    }
  });

  it('waits out a 429 with Retry-After and completes the run', async () => {
    api.put(event(70));
    api.failNext('/api/acled/read', 429, { 'retry-after': '1' });
    const run = await syncNow();
    expect(run.state).toBe('succeeded');
    expect(run.result!.rateLimitWaits).toBe(1);
    expect(run.result!.report!.imported).toBe(1);
  });

  it('a failed run keeps the cursor, counts the failure and backs off; a rate limit longer than a run waits', async () => {
    const before = await status();
    api.failNext('/api/acled/read', 429, { 'retry-after': '7200' });
    const started = Date.now();
    const run = await syncNow();
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/rate limit/);
    const after = await status();
    expect(after.cursor).toEqual(before.cursor);
    expect(after.failures).toBe(1);
    // Not the 5-minute first step: ACLED asked for two hours.
    expect(Date.parse(after.nextRunAt!) - started).toBeGreaterThanOrEqual(7_200_000 - 5_000);
    // The scheduler finds nothing due.
    expect(await acledSyncOf(server.runtime).tick()).toBeNull();
  });

  it('the schedule runs when due, resets the failures, and then waits the interval', async () => {
    await server.runtime.database.db.execute(sql`UPDATE acled_sync SET next_run_at = now() - interval '1 minute'`);
    const run = await acledSyncOf(server.runtime).tick();
    expect(run).toMatchObject({ trigger: 'schedule', actor: 'system:acled-sync', state: 'succeeded' });
    const s = await status();
    expect(s.failures).toBe(0);
    const wait = Date.parse(s.nextRunAt!) - Date.parse(s.lastSuccessAt!);
    expect(wait).toBe(24 * 3_600_000);
    const patched = await call(server, 'PATCH', '/api/acled-sync', { ...as(admin), body: { intervalHours: 6 } });
    expect(patched.status).toBe(200);
    expect(Date.parse(patched.body.nextRunAt) - Date.parse(patched.body.lastSuccessAt)).toBe(6 * 3_600_000);
    const bad = await call(server, 'PATCH', '/api/acled-sync', { ...as(admin), body: { intervalHours: 0 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['intervalHours']);
  });

  it('a disabled schedule does not run, an on-demand run still does', async () => {
    await call(server, 'PATCH', '/api/acled-sync', { ...as(admin), body: { enabled: false } });
    await server.runtime.database.db.execute(sql`UPDATE acled_sync SET next_run_at = now() - interval '1 minute'`);
    expect(await acledSyncOf(server.runtime).tick()).toBeNull();
    expect((await status()).nextRunAt).toBeNull();
    expect((await syncNow()).state).toBe('succeeded');
    await call(server, 'PATCH', '/api/acled-sync', { ...as(admin), body: { enabled: true } });
  });

  it('one run at a time: a second request while one runs is 409', async () => {
    api.failNext('/api/acled/read', 429, { 'retry-after': '1' });
    // Two at the same moment: one starts, the other is refused.
    const both = await Promise.all([
      call(server, 'POST', '/api/acled-sync/run', as(admin)),
      call(server, 'POST', '/api/acled-sync/run', as(admin)),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([202, 409]);
    const second = await call(server, 'POST', '/api/acled-sync/run', as(admin));
    expect(second.status).toBe(409);
    expect((await status()).running).toBe(true);
    await acledSyncOf(server.runtime).idle();
  });

  it.runIf(driver === 'postgres')('another node holding the lock: nothing runs here', async () => {
    const other = postgres(server.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await other`select pg_advisory_lock(hashtext('border-watch.acled-sync'))`;
      const res = await call(server, 'POST', '/api/acled-sync/run', as(admin));
      expect(res.status).toBe(409);
      await server.runtime.database.db.execute(sql`UPDATE acled_sync SET next_run_at = now() - interval '1 minute'`);
      expect(await acledSyncOf(server.runtime).tick()).toBeNull();
      await other`select pg_advisory_unlock(hashtext('border-watch.acled-sync'))`;
      expect((await acledSyncOf(server.runtime).tick())?.state).toBe('succeeded');
    } finally {
      await other.end();
    }
  });

  it('a wrong password fails the run with ACLED’s refusal, never the password', async () => {
    const res = await call(server, 'POST', '/api/acled-sync/account', {
      ...as(admin),
      body: { username: api.account.username, password: 'not-the-password-42' },
    });
    expect(res.status).toBe(200);
    const run = await syncNow();
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/refused the account/);
    expect(JSON.stringify(await status())).not.toContain('not-the-password-42');
    const removed = await call(server, 'DELETE', '/api/acled-sync/account', as(admin));
    expect(removed.body.account.configured).toBe(false);
  });

  it('logs counts and reasons, never the account (info level, a good and a refused run)', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
    const service = new AcledSyncService({
      database: server.runtime.database,
      writes: server.runtime.writes,
      ctx: server.runtime.ctx,
      box: createSecretBox(randomBytes(32), 'SECRETS_KEY'),
      log,
      apiUrl: api.url,
      pageSize: 2,
      tickMs: 3_600_000,
    });
    const actor = { id: null, label: 'system:test', role: 'system' as const };
    // The server's own scheduler must not pick this account up meanwhile (sealed with another key).
    await call(server, 'PATCH', '/api/acled-sync', { ...as(admin), body: { enabled: false } });
    await service.saveAccount(api.account, actor);
    await (await service.runNow(actor))!.done;
    await service.saveAccount({ username: api.account.username, password: 'refused-password-77' }, actor);
    const refused = await (await service.runNow(actor))!.done;
    expect(refused.state).toBe('failed');
    const text = lines.join('\n');
    expect(text).toMatch(/ACLED sync finished/);
    expect(text).toMatch(/ACLED sync failed/);
    for (const secret of [api.account.password, api.account.username, 'refused-password-77'])
      expect(text).not.toContain(secret);
    await service.stop();
  });
});
