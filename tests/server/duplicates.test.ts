/**
 * The duplicate queue over HTTP and Socket.IO on a real server: two reports of one event recorded
 * through the API become a candidate shortly after the second commit; one operator merges it
 * with an empty body and the other operator's socket hears it resolved; the period's summary
 * counts the event once; split brings both back. Bad input is a 4xx naming the field. The same
 * Idempotency-Key on merge, dismiss and split replays the first answer (applied once); the key
 * with another request is a 409 naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { resultRows } from '../../db/result-rows';
import { duplicateServiceOf } from '../../server/duplicates/start-duplicates';
import { drivers } from '../support/test-database';
import { connectLive, startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, tokenFor } from './api-support';

const report = (over: Record<string, unknown>) => ({
  occurredAt: '2025-04-02T06:00:00Z',
  province: 'Balochistan',
  district: 'Quetta',
  latitude: 30.19,
  longitude: 67.01,
  geoPrecision: 'near',
  type: 'ied_explosive',
  targetType: 'police',
  casualties: { killed: { security_forces: { low: 5 } } },
  ...over,
});

describe.each(drivers)('the duplicate queue on %s', (driver) => {
  let server: TestServer;
  let operator: string;
  let other: string;
  let viewer: string;
  beforeAll(async () => {
    server = await startTestServer(driver);
    operator = await tokenFor(server, (await addUser(server, 'one@dups.test', 'operator')).id);
    other = await tokenFor(server, (await addUser(server, 'two@dups.test', 'operator')).id);
    viewer = await tokenFor(server, (await addUser(server, 'viewer@dups.test', 'viewer')).id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  const queue = async (query = '') =>
    (await call(server, 'GET', `/api/duplicate-candidates${query}`, { token: operator })).body.items as {
      id: string;
      incidentA: string;
      incidentB: string;
      score: number;
      reasons: string[];
      a: { id: string };
    }[];
  const summary = async () =>
    (await call(server, 'GET', '/api/stats/summary?from=2025-04-01&to=2025-04-05', { token: viewer })).body.current;

  it('finds a recorded duplicate, merges it for everyone and counts it once; split undoes it', async () => {
    const watcher = connectLive(server.url, { token: other });
    const signals: { resolved: string[] }[] = [];
    watcher.socket.on('duplicates.changed', (s: { resolved: string[] }) => signals.push(s));
    await watcher.waitFor(() => watcher.hellos.length === 1);

    const first = await call(server, 'POST', '/api/incidents', {
      token: operator,
      body: report({ sources: [{ name: 'Dawn' }] }),
    });
    const before = await summary();
    const t0 = Date.now();
    const second = await call(server, 'POST', '/api/incidents', {
      token: operator,
      body: report({
        latitude: 30.21,
        type: 'suicide_bombing',
        sources: [{ name: 'The News' }],
        casualties: { killed: { security_forces: { low: 7, high: 9 } } },
      }),
    });
    expect(second.status).toBe(201);
    let items = await queue();
    while (items.length === 0 && Date.now() - t0 < 10_000) {
      await new Promise((r) => setTimeout(r, 20));
      items = await queue();
    }
    const foundMs = Date.now() - t0;
    expect(items).toHaveLength(1);
    const candidate = items[0]!;
    expect([candidate.incidentA, candidate.incidentB].sort()).toEqual(
      [first.body.incident.id, second.body.incident.id].sort(),
    );
    expect(candidate.reasons.join('; ')).toMatch(/same day \(2025-04-02\)/);
    await watcher.waitFor(() => signals.length > 0);
    console.info(`duplicate candidate listed ${foundMs} ms after the second create (${driver})`);
    expect((await summary()).incidents).toBe(before.incidents + 1);

    // Filters: another province or period has none; a bad status is a 400 naming it.
    expect(await queue('?province=Punjab')).toEqual([]);
    expect(await queue('?from=2025-05-01')).toHaveLength(0);
    expect(await queue('?province=Balochistan&from=2025-04-02&to=2025-04-02')).toHaveLength(1);
    const bad = await call(server, 'GET', '/api/duplicate-candidates?status=maybe', { token: operator });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toContain('status');
    const badPick = await call(server, 'POST', `/api/duplicate-candidates/${candidate.id}/merge`, {
      token: operator,
      body: { pick: { place: 'elsewhere' } },
    });
    expect(badPick.status).toBe(400);
    expect(Object.keys(badPick.body.error.fields)).toEqual(['pick.place']);
    const forbidden = await call(server, 'POST', `/api/duplicate-candidates/${candidate.id}/merge`, { token: viewer });
    expect(forbidden.status).toBe(403);

    signals.length = 0;
    const merged = await call(server, 'POST', `/api/duplicate-candidates/${candidate.id}/merge`, { token: operator });
    expect(merged.status).toBe(200);
    expect(merged.body.incident.casualties.killed.security_forces).toEqual({ low: 7, high: 9 });
    expect(merged.body.incident.sources.map((s: { name: string }) => s.name).sort()).toEqual(['Dawn', 'The News']);
    await watcher.waitFor(() => signals.some((s) => s.resolved.includes(candidate.id)));
    expect(await queue()).toEqual([]);
    // The merged-away record's retraction reached the other operator's live feed too.
    const gone = merged.body.merged[0].id as string;
    await watcher.waitFor(() => watcher.changes.some((c) => c.id === gone && c.action === 'retracted'));
    expect((await summary()).incidents).toBe(before.incidents);
    const again = await call(server, 'POST', `/api/duplicate-candidates/${candidate.id}/dismiss`, { token: other });
    expect(again.status).toBe(409);

    const split = await call(server, 'POST', `/api/incidents/${merged.body.incident.id}/split`, { token: other });
    expect(split.status).toBe(200);
    expect(split.body.restored.id).toBe(gone);
    expect((await summary()).incidents).toBe(before.incidents + 1);
    const missing = await call(server, 'POST', `/api/incidents/${gone}/split`, { token: other });
    expect(missing.status).toBe(409);
    expect((await call(server, 'POST', '/api/duplicate-candidates/nope/merge', { token: other })).status).toBe(404);
    // Split marks the pair "not a duplicate": the queue stays empty.
    expect(await queue()).toEqual([]);
    expect(await queue('?status=dismissed')).toHaveLength(1);
    watcher.close();
  });
  const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
    resultRows<T>((await server.runtime.database.db.execute(query)) as unknown);
  const actionsOf = async (id: string) =>
    (
      await rowsOf<{ action: string }>(
        sql`select action from changes where entity = 'incident' and entity_id = ${id} order by seq`,
      )
    ).map((r) => r.action);
  const mergesOf = async (survivor: string) =>
    rowsOf<{ merged_id: string; split_at: string | null }>(
      sql`select merged_id, split_at from incident_merges where survivor_id = ${survivor}`,
    );

  /** Two reports of one event on `day` (June 2025) and their candidate, once the detector has found it. */
  async function pairOn(day: string, over: Record<string, unknown> = {}) {
    const at = `2025-06-${day}T06:00:00Z`;
    const first = await call(server, 'POST', '/api/incidents', {
      token: operator,
      body: report({ occurredAt: at, sources: [{ name: 'Dawn' }], ...over }),
    });
    const second = await call(server, 'POST', '/api/incidents', {
      token: operator,
      body: report({ occurredAt: at, latitude: 30.2, sources: [{ name: 'The News' }], ...over }),
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    const ids = [first.body.incident.id as string, second.body.incident.id as string];
    const query = `?from=2025-06-${day}&to=2025-06-${day}`;
    // The detector has read the log past both creates: the pair is listed.
    await duplicateServiceOf(server.runtime)!.settle();
    const items = await queue(query);
    expect(items).toHaveLength(1);
    expect([items[0]!.incidentA, items[0]!.incidentB].sort()).toEqual([...ids].sort());
    return { candidate: items[0]!.id, ids };
  }

  it('merge: the same Idempotency-Key twice merges once and answers the same; another body under it is a 409', async () => {
    const { candidate, ids } = await pairOn('10');
    const send = (body: object) =>
      call(server, 'POST', `/api/duplicate-candidates/${candidate}/merge`, {
        token: operator,
        body,
        headers: { 'idempotency-key': 'merge-once' },
      });
    const first = await send({});
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const survivor = first.body.incident.id as string;
    const other = ids.find((id) => id !== survivor)!;
    const again = await send({});
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // One merge: one row, one edit of the survivor, one retraction of the other record.
    expect(await mergesOf(survivor)).toHaveLength(1);
    expect(await actionsOf(survivor)).toEqual(['created', 'updated']);
    expect(await actionsOf(other)).toEqual(['created', 'retracted']);
    const otherBody = await send({ survivor: other });
    expect(otherBody.status).toBe(409);
    expect(otherBody.body.error.code).toBe('conflict');
    expect(otherBody.body.error.fields).toEqual({ 'Idempotency-Key': 'was used with another body' });
    expect(await actionsOf(survivor)).toEqual(['created', 'updated']);
    // Without the key the pair is simply already merged.
    const fresh = await call(server, 'POST', `/api/duplicate-candidates/${candidate}/merge`, { token: operator });
    expect(fresh.status).toBe(409);
    expect(fresh.body.error.message).toMatch(/already merged/);
  });

  it('dismiss: the same Idempotency-Key twice answers the same; the key for another pair is a 409', async () => {
    const { candidate } = await pairOn('12');
    const dismiss = (id: string) =>
      call(server, 'POST', `/api/duplicate-candidates/${id}/dismiss`, {
        token: operator,
        headers: { 'idempotency-key': 'dismiss-once' },
      });
    const first = await dismiss(candidate);
    expect(first.status).toBe(200);
    expect(first.body.candidate).toMatchObject({
      id: candidate,
      status: 'dismissed',
      resolvedBy: expect.stringContaining('one@dups.test'),
    });
    const again = await dismiss(candidate);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const [row] = await rowsOf<{ status: string; resolved_at: string }>(
      sql`select status, resolved_at::text from duplicate_candidates where id = ${candidate}`,
    );
    expect(row!.status).toBe('dismissed');
    expect(new Date(row!.resolved_at).toISOString()).toBe(first.body.candidate.resolvedAt);
    const { candidate: next } = await pairOn('14');
    const reused = await dismiss(next);
    expect(reused.status).toBe(409);
    expect(reused.body.error.fields).toEqual({ 'Idempotency-Key': 'was used with another body' });
    expect(await queue('?from=2025-06-14&to=2025-06-14')).toHaveLength(1);
  });

  it('split: the same Idempotency-Key twice splits once and answers the same; another body under it is a 409', async () => {
    const { candidate, ids } = await pairOn('16');
    const merged = await call(server, 'POST', `/api/duplicate-candidates/${candidate}/merge`, { token: operator });
    expect(merged.status).toBe(200);
    const survivor = merged.body.incident.id as string;
    const other = ids.find((id) => id !== survivor)!;
    const split = (body: object) =>
      call(server, 'POST', `/api/incidents/${survivor}/split`, {
        token: operator,
        body,
        headers: { 'idempotency-key': 'split-once' },
      });
    const first = await split({ merged: other });
    expect(first.status).toBe(200);
    expect(first.body.restored.id).toBe(other);
    const again = await split({ merged: other });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // One split: the record came back once, the survivor gave back once, the merge ended once.
    expect(await actionsOf(other)).toEqual(['created', 'retracted', 'updated']);
    expect(await actionsOf(survivor)).toEqual(['created', 'updated', 'updated']);
    expect((await mergesOf(survivor)).map((m) => m.split_at !== null)).toEqual([true]);
    const emptyBody = await split({});
    expect(emptyBody.status).toBe(409);
    expect(emptyBody.body.error.fields).toEqual({ 'Idempotency-Key': 'was used with another body' });
    // A body naming no merged record is a 400 naming the field; without a key, nothing is left to split.
    const bad = await call(server, 'POST', `/api/incidents/${survivor}/split`, {
      token: operator,
      body: { merged: 'nope' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['merged']);
    const none = await call(server, 'POST', `/api/incidents/${survivor}/split`, { token: operator });
    expect(none.status).toBe(409);
  });
});

describe.each(drivers)('the overview’s possible-duplicates count on a public dashboard on %s', (driver) => {
  let server: TestServer;
  let operator: string;
  beforeAll(async () => {
    server = await startTestServer(driver, { env: { PUBLIC_DASHBOARD: '1' } });
    operator = await tokenFor(server, (await addUser(server, 'op@dups.test', 'operator')).id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  const count = async (query: string) => {
    const res = await call(server, 'GET', `/api/overview/duplicates${query}`);
    expect(res.status).toBe(200);
    expect(res.body.position).toEqual({ epoch: expect.any(String), seq: expect.any(Number) });
    return res.body.count as number;
  };

  it('an anonymous reader hears a candidate found and resolved, and the count follows', async () => {
    const reader = connectLive(server.url);
    const signals: { resolved: string[] }[] = [];
    reader.socket.on('duplicates.changed', (s: { resolved: string[] }) => signals.push(s));
    await reader.waitFor(() => reader.hellos.length === 1);
    const period = '?from=2025-04-01&to=2025-04-05';
    expect(await count(period)).toBe(0);

    for (const over of [{}, { latitude: 30.21, type: 'suicide_bombing' }]) {
      const created = await call(server, 'POST', '/api/incidents', { token: operator, body: report(over) });
      expect(created.status).toBe(201);
    }
    await reader.waitFor(() => signals.length > 0);
    expect(signals.every((s) => s.resolved.length === 0)).toBe(true);
    expect(await count(period)).toBe(1);
    // The view's other parameters are accepted; only the period counts. Another period has none.
    expect(await count(`${period}&province=Punjab`)).toBe(1);
    expect(await count('?from=2025-05-01&to=2025-05-31')).toBe(0);
    const bad = await call(server, 'GET', '/api/overview/duplicates?range=forever');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['range']);

    const [candidate] = (await call(server, 'GET', '/api/duplicate-candidates', { token: operator })).body.items as {
      id: string;
    }[];
    signals.length = 0;
    const merged = await call(server, 'POST', `/api/duplicate-candidates/${candidate!.id}/merge`, { token: operator });
    expect(merged.status).toBe(200);
    await reader.waitFor(() => signals.length > 0);
    // Which pairs were resolved is for the queue's operators only.
    expect(signals.every((s) => s.resolved.length === 0)).toBe(true);
    expect(await count(period)).toBe(0);
    reader.close();
  });
});
