/**
 * The duplicate queue over HTTP and Socket.IO on a real server: two reports of one event recorded
 * through the API become a candidate shortly after the second commit; one operator merges it
 * with an empty body and the other operator's socket hears it resolved; the period's summary
 * counts the event once; split brings both back. Bad input is a 4xx naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
