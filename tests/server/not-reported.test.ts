/**
 * Unknown is not zero: an incident whose source gives no injured figure and one that reports 0
 * injured read differently in the record, the summary, the timeseries and the breakdowns; so do
 * an operation without a militants-killed figure and one that reports 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, tokenFor } from './api-support';

const from = '2025-05-01T00:00:00.000Z';
const to = '2025-06-01T00:00:00.000Z';
const period = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

describe.each(drivers)('not reported versus a reported 0 on %s', (driver) => {
  let server: TestServer;
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(driver);
    token = await tokenFor(server, (await addUser(server, 'op@example.org', 'operator')).id);
    const base = { province: 'KP', type: 'armed_assault', sources: [{ name: 'Dawn' }] };
    const post = async (path: string, body: unknown) => {
      const res = await call(server, 'POST', path, { token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    // The source names 2 civilians killed and says nothing about injured.
    ids.silent = (
      await post('/api/incidents', {
        ...base,
        occurredAt: '2025-05-10T08:00:00Z',
        casualties: { killed: { civilians: { low: 2 } } },
      })
    ).incident.id;
    // The source says 3 civilians killed and nobody injured.
    ids.zero = (
      await post('/api/incidents', {
        ...base,
        occurredAt: '2025-05-11T08:00:00Z',
        casualties: { killed: { civilians: { low: 3 } }, injured: { civilians: { low: 0 } } },
      })
    ).incident.id;
    await post('/api/operations', { occurredAt: '2025-05-12T00:00:00Z', kind: 'intelligence_based' });
    await post('/api/operations', {
      occurredAt: '2025-05-13T00:00:00Z',
      kind: 'intelligence_based',
      militantsKilled: 0,
      militantsArrested: 4,
    });
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('keeps null and 0 apart in the record', async () => {
    const silent = (await call(server, 'GET', `/api/incidents/${ids.silent}`, { token })).body.incident;
    const zero = (await call(server, 'GET', `/api/incidents/${ids.zero}`, { token })).body.incident;
    expect(silent.casualties.injured.civilians).toEqual({ low: null, high: null });
    expect(silent.casualties.killed.security_forces).toEqual({ low: null, high: null });
    expect(zero.casualties.injured.civilians).toEqual({ low: 0, high: null });
    const ops = (await call(server, 'GET', `/api/operations?${period}`, { token })).body.items;
    expect(ops.map((o: { militantsKilled: number | null }) => o.militantsKilled).sort()).toEqual([0, null]);
  });

  it('sums what was reported and counts the incidents without a figure', async () => {
    const { current } = (await call(server, 'GET', `/api/stats/summary?${period}`, { token })).body;
    expect(current.incidents).toBe(2);
    expect(current.killed.total).toEqual({ low: 5, high: 5, missing: 0 });
    // One incident reports 0 injured, the other none: "at least 0 · 1 incident without a figure".
    expect(current.injured.total).toEqual({ low: 0, high: 0, missing: 1 });
    expect(current.injured.byCategory.civilians).toEqual({ low: 0, high: 0, missing: 1 });
    expect(current.injured.byCategory.militants).toEqual({ low: 0, high: 0, missing: 2 });
    expect(current.killed.byCategory.security_forces.missing).toBe(2);
    expect(current.operations).toMatchObject({
      records: 2,
      militantsKilled: 0,
      militantsArrested: 4,
      missing: { militantsKilled: 1, militantsArrested: 1, securityKilled: 2, securityInjured: 2 },
    });
  });

  it('carries the counts in the timeseries and the breakdowns', async () => {
    const series = (await call(server, 'GET', `/api/stats/timeseries?${period}&bucket=day`, { token })).body;
    const byDay = Object.fromEntries(
      series.points.map((p: { day: string; injuredMissing: number }) => [p.day, p.injuredMissing]),
    );
    expect(byDay['2025-05-10']).toBe(1);
    expect(byDay['2025-05-11']).toBe(0);
    const killedMissing = series.points.reduce(
      (n: number, p: { militantsKilledMissing: number }) => n + p.militantsKilledMissing,
      0,
    );
    expect(killedMissing).toBe(1);
    const breakdown = (await call(server, 'GET', `/api/stats/breakdown?${period}&by=province`, { token })).body;
    expect(breakdown.total.injured).toEqual({ low: 0, high: 0, missing: 1 });
    expect(breakdown.rows[0]).toMatchObject({ key: 'KP', injured: { low: 0, missing: 1 } });
  });

  it('moves the counts when an edit reports the figure', async () => {
    const before = (await call(server, 'GET', `/api/incidents/${ids.silent}`, { token })).body.incident;
    const res = await call(server, 'PATCH', `/api/incidents/${ids.silent}`, {
      token,
      body: { version: before.version, casualties: { ...before.casualties, injured: { civilians: { low: 6 } } } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { current } = (await call(server, 'GET', `/api/stats/summary?${period}`, { token })).body;
    expect(current.injured.total).toEqual({ low: 6, high: 6, missing: 0 });
  });
});
