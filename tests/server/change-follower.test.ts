/**
 * The change-log follower (server/change-follower.ts) on both drivers: woken by a commit in this
 * process and, on PostgreSQL, by NOTIFY from another node; steps never overlap; a failing run is
 * logged once and retried; the caught-up hook runs after the steps; stop waits for the run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { createIncident } from '../../core/incident/create-incident';
import { openDatabase, type Database } from '../../db/client';
import { ChangeFollower } from '../../server/change-follower';
import { drivers, openTestDatabase, testCtx, type TestDatabase } from '../support/test-database';
import { rows } from '../support/rows';

const input = (n: number) => ({
  occurredAt: '2024-03-10T09:00:00Z',
  province: 'KP',
  district: 'Peshawar',
  latitude: 34.01 + n / 100,
  longitude: 71.58,
  geoPrecision: 'exact',
  type: 'armed_assault',
});

/** Waits for a condition with a generous bound (no wall-clock budget on the behaviour itself). */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function capturedLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  return { log, lines };
}

// A poll far beyond the test, so only commits and NOTIFY wake the follower.
const NO_POLL = 3_600_000;

describe.each(drivers)('the change follower on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  const top = async (db: Database) =>
    Number((await rows<{ top: number }>(db.db, sql`select top from stream_meta`))[0]!.top);

  it('reads the log after each commit in this process, and after NOTIFY from another node', async () => {
    const seen: number[] = [];
    const { log } = capturedLog();
    const follower = new ChangeFollower({
      database,
      log,
      name: 'test follower',
      pollMs: NO_POLL,
      step: async () => {
        seen.push(await top(database));
        return { more: false };
      },
    });
    await follower.start();
    await until(() => seen.length >= 1, 'the first run');
    const ctx = testCtx(database);
    await createIncident({ ctx, input: input(1) });
    const afterLocal = await top(database);
    await until(() => seen.includes(afterLocal), 'a run after the local commit');
    if (database.url) {
      // Another node: its commit reaches this one only through NOTIFY.
      const other = await openDatabase({ url: database.url, max: 2 });
      try {
        await createIncident({ ctx: testCtx(other), input: input(2) });
        const afterOther = await top(other);
        expect(afterOther).toBeGreaterThan(afterLocal);
        await until(() => seen.includes(afterOther), 'a run after the other node’s commit');
      } finally {
        await other.close();
      }
    }
    await follower.stop();
  });

  it('never runs steps at once: wake-ups during a run ask for one more run', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => {};
    let gate = new Promise<void>((r) => (release = r));
    const follower = new ChangeFollower({
      database,
      log: capturedLog().log,
      name: 'test follower',
      pollMs: NO_POLL,
      step: async () => {
        active++;
        most = Math.max(most, active);
        runs++;
        await gate;
        await top(database);
        active--;
        return { more: false };
      },
    });
    await follower.start();
    await until(() => runs === 1, 'the first run');
    for (let i = 0; i < 5; i++) follower.wake();
    gate = Promise.resolve();
    release();
    await follower.settle();
    // The start's run, one more for the five wake-ups, and settle's own.
    expect(runs).toBeLessThanOrEqual(3);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(most).toBe(1);
    await follower.stop();
  });

  it('logs a failing run once, retries on the next wake-up and says when it runs again', async () => {
    const { log, lines } = capturedLog();
    let calls = 0;
    const follower = new ChangeFollower({
      database,
      log,
      name: 'test follower',
      pollMs: NO_POLL,
      step: async () => {
        calls++;
        if (calls <= 3) await database.db.execute(sql`select * from no_such_table`);
        return { more: false };
      },
    });
    await follower.start();
    for (let i = 0; i < 3; i++) await follower.settle();
    expect(calls).toBeGreaterThanOrEqual(4);
    const warnings = lines.filter((l) => l.msg === 'test follower failed; will retry');
    expect(warnings).toHaveLength(1);
    expect(lines.filter((l) => l.msg === 'test follower runs again')).toHaveLength(1);
    await follower.stop();
  });

  it('runs steps until the log is read, then the caught-up hook; stop waits for the run', async () => {
    const order: string[] = [];
    let pages = 3;
    let stopping: Promise<void> | null = null;
    const follower: ChangeFollower = new ChangeFollower({
      database,
      log: capturedLog().log,
      name: 'test follower',
      pollMs: NO_POLL,
      step: async () => {
        await top(database);
        order.push('step');
        return { more: --pages > 0 };
      },
      caughtUp: async (stopped) => {
        order.push('caught up');
        stopping = follower.stop();
        await top(database);
        order.push(stopped() ? 'stopped seen' : 'not stopped');
      },
    });
    await follower.start();
    await until(() => stopping !== null, 'the caught-up hook');
    await stopping;
    expect(order).toEqual(['step', 'step', 'step', 'caught up', 'stopped seen']);
    follower.wake();
    await follower.settle();
    expect(order).toHaveLength(5);
  });
});
