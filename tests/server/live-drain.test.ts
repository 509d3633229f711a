/**
 * A node that stops drains its live clients: they are told to reconnect (with jitter) before it
 * closes, and the client side's backoff is capped so a node that comes back is found in seconds.
 * (Two nodes behind nginx: tests/faults/failover.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { LIVE_BACKOFF, drainDelayMs, retryDelayMs } from '../../app/live/live-socket';
import { drivers } from '../support/test-database';
import { connectLive, startTestServer } from '../support/test-server';

describe('the client backoff', () => {
  it('is capped at 2 s with ±50 % jitter, and a drain hint spreads the moves over its window', () => {
    expect(LIVE_BACKOFF.reconnectionDelayMax).toBe(2000);
    expect(retryDelayMs(0, () => 0)).toBe(125);
    expect(retryDelayMs(0, () => 1)).toBe(375);
    for (const attempt of [3, 10, 100]) {
      expect(retryDelayMs(attempt, () => 0)).toBe(1000);
      expect(retryDelayMs(attempt, () => 0.999)).toBeLessThan(3000);
    }
    const hint = { reason: 'draining' as const, withinMs: 800 };
    expect(drainDelayMs(hint, () => 0)).toBe(0);
    expect(drainDelayMs(hint, () => 0.5)).toBe(400);
    expect(drainDelayMs({ ...hint, withinMs: -1 }, () => 0.5)).toBe(0);
  });
});

describe.each(drivers)('a stopping node on %s', (driver) => {
  it('tells its clients to reconnect, then closes once they have left', async () => {
    const server = await startTestServer(driver, { env: { PUBLIC_DASHBOARD: '1', LIVE_DRAIN_MS: '4000' } });
    const clients = [connectLive(server.url), connectLive(server.url)];
    try {
      for (const c of clients) await c.waitFor(() => c.hellos.length === 1);
      const left: { drains: number }[] = [];
      for (const c of clients) c.socket.on('disconnect', () => left.push({ drains: c.drains.length }));
      const t0 = Date.now();
      await server.close();
      const took = Date.now() - t0;
      // Told before the node let them go; they left on their own within the window (3 s of 4).
      expect(clients.map((c) => c.drains)).toEqual([
        [{ reason: 'draining', withinMs: 3000 }],
        [{ reason: 'draining', withinMs: 3000 }],
      ]);
      expect(left).toEqual([{ drains: 1 }, { drains: 1 }]);
      expect(took).toBeLessThan(4000);
    } finally {
      for (const c of clients) c.close();
      await server.destroy();
    }
  });
});
