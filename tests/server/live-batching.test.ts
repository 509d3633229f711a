/**
 * The hub's coalescing: a change after a quiet spell goes out on the next turn of the event loop
 * (after the answer to the request that made it), and so does a second one
 * close behind it (writes at 10/s through a jittery write path bunch up); beyond two broadcasts per
 * window the changes wait and go out together, so a storm becomes a few batches, each seq once.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../core/change/change';
import { LiveHub, type LiveServer } from '../../server/live/hub';
import { drivers, openTestDatabase, type TestDatabase } from '../support/test-database';

describe.each(drivers)('live batching on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('sends the first two changes of a window at once and coalesces the rest', async () => {
    const batches: number[][] = [];
    const io = {
      to: () => ({ emit: (_event: string, changes: Change[]) => void batches.push(changes.map((c) => c.seq)) }),
      of: () => ({ adapter: { rooms: new Map() } }),
    } as unknown as LiveServer;
    const hub = new LiveHub({ database, io, log: pino({ level: 'silent' }), batchMs: 200, pollMs: 60_000 });
    await hub.start();
    try {
      const { epoch, seq: top } = hub.position;
      let next = top;
      const commit = () => {
        next++;
        const change: Change = {
          epoch,
          seq: next,
          at: new Date().toISOString(),
          entity: 'incident',
          action: 'created',
          id: `i${next}`,
          version: 1,
          data: {},
        };
        database.events.emit('commit', [change]);
      };
      const nextTurn = () => new Promise((r) => setImmediate(r));
      commit();
      // Not in the commit's own tick (the request that made it answers first), but on the next turn.
      expect(batches).toEqual([]);
      await nextTurn();
      expect(batches).toEqual([[top + 1]]);
      commit();
      await nextTurn();
      expect(batches).toEqual([[top + 1], [top + 2]]);
      for (let i = 0; i < 50; i++) commit(); // a storm: held for the window, then one batch
      expect(batches.length).toBe(2);
      while (batches.length < 3) await new Promise((r) => setTimeout(r, 10));
      expect(batches[2]).toEqual(Array.from({ length: 50 }, (_, i) => top + 3 + i));
      expect(batches.flat()).toEqual(Array.from({ length: 52 }, (_, i) => top + 1 + i));
    } finally {
      await hub.stop();
    }
  });
});
