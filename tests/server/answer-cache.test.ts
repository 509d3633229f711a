/**
 * The per-position answer cache: the stats API serves one serialised answer per query and
 * change-log position; a write moves the position and the next answer is computed anew (and
 * counts the write); a period that follows the clock is refreshed after CLOCK_TTL_MS (the held
 * answer served while the refresh runs, for at most CLOCK_STALE_MS more).
 * The cache itself (bounds, older positions, failures) is checked with a hand-driven clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident } from '../../core/incident/create-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import type { Actor } from '../../core/ports';
import { AnswerCache, CLOCK_STALE_MS, CLOCK_TTL_MS } from '../../db/queries/answer-cache';
import { parseStatsQuery } from '../../core/stats/stats-query';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { incidentInput } from './api-support';

const actor: Actor = { id: null, label: 'answer-cache-test@example.org', role: 'operator' };

interface Summary {
  position: { epoch: string; seq: number };
  current: { incidents: number };
}

describe.each(drivers)('the stats answer cache on %s', (driver) => {
  let server: TestServer;
  const text = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return res.text();
  };
  const create = (occurredAt: string) =>
    createIncident({ ctx: server.runtime.ctx(actor), input: { ...incidentInput(), occurredAt } });

  beforeAll(async () => {
    server = await startTestServer(driver, { env: { PUBLIC_DASHBOARD: '1' } });
    await create('2025-03-14T09:30:00Z');
  });
  afterAll(() => server?.close());

  const MARCH = '/api/stats/summary?from=2025-03-01&to=2025-04-01';

  it('serves one answer per position, and a write moves the position and changes the answer', async () => {
    const first = await text(MARCH);
    expect(await text(MARCH)).toBe(first);
    const before = JSON.parse(first) as Summary;
    expect(before.current.incidents).toBe(1);

    const { record } = await create('2025-03-20T12:00:00Z');
    const after = JSON.parse(await text(MARCH)) as Summary;
    expect(after.position.seq).toBeGreaterThan(before.position.seq);
    expect(after.current.incidents).toBe(2);

    // A write outside the period moves the position too: the answer is computed again at it.
    await create('2024-06-01T12:00:00Z');
    const moved = JSON.parse(await text(MARCH)) as Summary;
    expect(moved.position.seq).toBeGreaterThan(after.position.seq);
    expect(moved.current.incidents).toBe(2);

    await retractIncident({ ctx: server.runtime.ctx(actor), id: record.id, input: { reason: 'duplicate report' } });
    const retracted = JSON.parse(await text(MARCH)) as Summary;
    expect(retracted.current.incidents).toBe(1);
  });

  it("caches the overview's sources line per position, and counts a write at the next one", async () => {
    const { reads } = server.runtime;
    const q = parseStatsQuery({ from: '2019-05-01', to: '2019-06-01' }, new Date(), { zone: 'Asia/Karachi' });
    const at = await reads.position();
    const first = await reads.stats.json.sources(q, at);
    expect(await reads.stats.json.sources(q, at)).toBe(first); // the same string: held, not recomputed
    const before = JSON.parse(first) as Record<string, number>;
    await create('2019-05-21T08:00:00Z');
    const after = JSON.parse(await reads.stats.json.sources(q, await reads.position())) as Record<string, number>;
    expect(after.local).toBe((before.local ?? 0) + 1);
    // Another filter is another answer, at the same position.
    const sindh = JSON.parse(
      await reads.stats.json.sources({ ...q, filter: { ...q.filter, province: ['Sindh'] } }),
    ) as Record<string, number>;
    expect(sindh.local ?? 0).toBe(0);
  });

  it('keys answers by the whole query: another filter or endpoint is another answer', async () => {
    const kp = JSON.parse(await text(`${MARCH}&province=KP`)) as Summary;
    const sindh = JSON.parse(await text(`${MARCH}&province=Sindh`)) as Summary;
    expect(kp.current.incidents).toBe(1);
    expect(sindh.current.incidents).toBe(0);
    const series = JSON.parse(await text('/api/stats/timeseries?from=2025-03-01&to=2025-04-01')) as {
      bucket: string;
    };
    expect(series.bucket).toBe('day');
  });

  it('moves an answer whose period follows the clock on with the clock, without a write', async () => {
    const first = JSON.parse(await text('/api/stats/timeseries?bucket=month')) as { to: string };
    let to = first.to;
    const started = Date.now();
    // No write in between: only the clock moves the open end of the period.
    while (to === first.to) {
      await new Promise((r) => setTimeout(r, 100));
      to = (JSON.parse(await text('/api/stats/timeseries?bucket=month')) as { to: string }).to;
    }
    expect(Date.parse(to)).toBeGreaterThan(Date.parse(first.to));
    expect(Date.now() - started).toBeGreaterThanOrEqual(CLOCK_TTL_MS - 200);
  });
});

describe('AnswerCache', () => {
  const at = (seq: number, epoch = 'e1') => ({ epoch, seq });
  let clock = 0;
  const cache = () => new AnswerCache(() => clock);
  const counting = () => {
    let n = 0;
    return { load: async () => `answer ${++n}`, count: () => n };
  };

  it('computes once per key and position, and again at a new position or epoch', async () => {
    const c = cache();
    const l = counting();
    expect(await c.get(at(1), 'k', false, l.load)).toBe('answer 1');
    expect(await c.get(at(1), 'k', false, l.load)).toBe('answer 1');
    expect(await c.get(at(2), 'k', false, l.load)).toBe('answer 2');
    expect(await c.get(at(2, 'e2'), 'k', false, l.load)).toBe('answer 3');
    expect(l.count()).toBe(3);
  });

  it('does not store what a request at an older position computed', async () => {
    const c = cache();
    const l = counting();
    await c.get(at(5), 'k', false, l.load);
    expect(await c.get(at(4), 'k', false, l.load)).toBe('answer 2');
    expect(await c.get(at(5), 'k', false, l.load)).toBe('answer 1');
  });

  it('refreshes clock-following answers, not fixed ones, after the time to live, serving the held one meanwhile', async () => {
    const c = cache();
    const l = counting();
    clock = 1000;
    await c.get(at(1), 'open', true, l.load);
    await c.get(at(1), 'fixed', false, l.load);
    clock += CLOCK_TTL_MS - 1;
    expect(await c.get(at(1), 'open', true, l.load)).toBe('answer 1');
    clock += 1;
    // Past its time to live: the held answer, while one refresh computes the next.
    expect(await c.get(at(1), 'open', true, l.load)).toBe('answer 1');
    expect(await c.get(at(1), 'open', true, l.load)).toBe('answer 3');
    expect(l.count()).toBe(3);
    expect(await c.get(at(1), 'fixed', false, l.load)).toBe('answer 2');
    // Held longer than the time to live and the stale bound together: the request computes.
    clock += CLOCK_TTL_MS + CLOCK_STALE_MS;
    expect(await c.get(at(1), 'open', true, l.load)).toBe('answer 4');
    // A write (a new position) ends a held answer at once.
    clock += CLOCK_TTL_MS;
    expect(await c.get(at(2), 'open', true, l.load)).toBe('answer 5');
  });

  it('keeps the held answer when its refresh fails, and tries again on the next request', async () => {
    const c = cache();
    clock = 50_000;
    await c.get(at(1), 'open', true, async () => 'held');
    clock += CLOCK_TTL_MS;
    expect(await c.get(at(1), 'open', true, () => Promise.reject(new Error('db down')))).toBe('held');
    await new Promise((r) => setTimeout(r, 0));
    expect(await c.get(at(1), 'open', true, async () => 'new')).toBe('held');
    expect(await c.get(at(1), 'open', true, async () => 'newer')).toBe('new');
  });

  it('forgets a failed computation and stays bounded', async () => {
    const c = cache();
    await expect(c.get(at(1), 'k', false, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await c.get(at(1), 'k', false, async () => 'ok')).toBe('ok');
    for (let i = 0; i < 1000; i++) await c.get(at(1), `k${i}`, false, async () => 'x');
    expect(c.size).toBeLessThanOrEqual(128);
  });
});
