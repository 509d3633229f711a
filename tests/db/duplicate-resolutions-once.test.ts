/**
 * Resolutions of duplicate candidates exactly once, on both drivers: a merge, a dismissal and a
 * split whose commit answer is lost (the database committed, the caller saw the connection drop)
 * are retried by the write path and answered with what was stored, not "already merged"; a
 * failure before the commit is written once on the retry; an Idempotency-Key replays the answer
 * and refuses another request under the same key.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createIncident } from '../../core/incident/create-incident';
import { mergeCandidate, resolveCandidate, splitIncident } from '../../core/duplicate/duplicate-verbs';
import { ConflictError, StoreUnavailableError } from '../../core/errors';
import type { Ctx, Store, WriteTx } from '../../core/ports';
import type { RetryPolicy } from '../../core/write/exactly-once';
import { detectStep } from '../../db/duplicates/detect-duplicates';
import { drivers, INCIDENT_TABLES, testCtx, useTestDatabase, type TestDatabase } from '../support/test-database';
import { rows } from '../support/rows';

const report = (over: Record<string, unknown>) => ({
  occurredAt: '2024-03-10T09:00:00Z',
  province: 'KP',
  district: 'Peshawar',
  latitude: 34.01,
  longitude: 71.58,
  geoPrecision: 'exact',
  type: 'suicide_bombing',
  ...over,
});

type Step = 'before-commit' | 'after-commit';

/** The real store, with the next transaction failing before its commit or after it (answer lost). */
function failingOnce(inner: Store, step: Step): Store & { attempts: number } {
  let armed = true;
  const store = {
    attempts: 0,
    async transact<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
      store.attempts++;
      const fail = armed;
      armed = false;
      if (fail && step === 'before-commit') throw new StoreUnavailableError('not-committed');
      const result = await inner.transact(fn);
      if (fail) throw new StoreUnavailableError('unknown');
      return result;
    },
  };
  return store;
}

const noWait: RetryPolicy = { attempts: 4, lookups: 3, pause: async () => {} };

describe.each(drivers)('duplicate resolutions exactly once on %s', (driver) => {
  let database!: TestDatabase;
  useTestDatabase(driver, [...INCIDENT_TABLES, 'idempotency_keys'], (d) => (database = d));

  /** Two reports of one event and their candidate. */
  async function pair(): Promise<{ ctx: Ctx; candidate: string; a: string; b: string }> {
    const ctx = testCtx(database);
    const a = await createIncident({ ctx, input: report({ externalId: 'acled:PAK1' }) });
    const b = await createIncident({ ctx, input: report({ latitude: 34.02, externalId: 'gtd:201403100001' }) });
    for (;;) if (!(await detectStep(database, randomUUID)).more) break;
    const [candidate] = await rows<{ id: string }>(database.db, sql`select id from duplicate_candidates`);
    expect(candidate).toBeDefined();
    return { ctx, candidate: candidate!.id, a: a.record.id, b: b.record.id };
  }
  const changesOf = async (id: string) =>
    rows<{ action: string }>(
      database.db,
      sql`select action from changes where entity = 'incident' and entity_id = ${id} order by seq`,
    );
  const merges = async () => rows<{ id: string }>(database.db, sql`select id from incident_merges`);

  for (const step of ['before-commit', 'after-commit'] as Step[]) {
    it(`a merge failing ${step} is applied once and answered with what was stored`, async () => {
      const { ctx, candidate, a, b } = await pair();
      const store = failingOnce(ctx.store, step);
      const { answer, replayed } = await mergeCandidate({
        ctx: { ...ctx, store },
        id: candidate,
        input: {},
        retry: noWait,
      });
      expect(store.attempts).toBe(2);
      expect(replayed).toBe(false);
      expect(await merges()).toHaveLength(1);
      const other = answer.incident.id === a ? b : a;
      expect(answer.merged.map((m) => m.id)).toEqual([other]);
      // One retraction of the merged-away record, one edit of the survivor: not two.
      expect((await changesOf(other)).map((c) => c.action)).toEqual(['created', 'retracted']);
      expect((await changesOf(answer.incident.id)).map((c) => c.action)).toEqual(['created', 'updated']);
      const [status] = await rows<{ status: string }>(
        database.db,
        sql`select status from duplicate_candidates where id = ${candidate}`,
      );
      expect(status!.status).toBe('merged');
      // A new request without a key is a new merge: the pair is already merged.
      await expect(mergeCandidate({ ctx, id: candidate, input: {} })).rejects.toBeInstanceOf(ConflictError);
    });
  }

  it('a dismissal whose commit answer was lost is answered, not refused', async () => {
    const { ctx, candidate } = await pair();
    const store = failingOnce(ctx.store, 'after-commit');
    const dismissed = await resolveCandidate({
      ctx: { ...ctx, store },
      id: candidate,
      status: 'dismissed',
      retry: noWait,
    });
    expect(store.attempts).toBe(2);
    expect(dismissed.answer).toMatchObject({ id: candidate, status: 'dismissed', resolvedBy: ctx.actor.label });
  });

  it('a split whose commit answer was lost is applied once and answered', async () => {
    const { ctx, candidate, a, b } = await pair();
    const { answer: merged } = await mergeCandidate({ ctx, id: candidate, input: {} });
    const store = failingOnce(ctx.store, 'after-commit');
    const split = await splitIncident({ ctx: { ...ctx, store }, id: merged.incident.id, retry: noWait });
    expect(store.attempts).toBe(2);
    expect(split.answer.restored.id).toBe(merged.incident.id === a ? b : a);
    expect((await changesOf(split.answer.restored.id)).map((c) => c.action)).toEqual([
      'created',
      'retracted',
      'updated',
    ]);
    await expect(splitIncident({ ctx, id: merged.incident.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it('an Idempotency-Key replays the answer and refuses another request under the same key', async () => {
    const { ctx, candidate } = await pair();
    const first = await mergeCandidate({ ctx, id: candidate, input: {}, idempotencyKey: 'merge-1' });
    // The same request again (its answer was lost on the way back): the first answer, replayed.
    const again = await mergeCandidate({ ctx, id: candidate, input: {}, idempotencyKey: 'merge-1' });
    expect(again.replayed).toBe(true);
    expect(again.answer).toEqual(JSON.parse(JSON.stringify(first.answer)));
    expect(await merges()).toHaveLength(1);
    // The same key for other choices is a conflict naming the key.
    await expect(
      mergeCandidate({ ctx, id: candidate, input: { survivor: randomUUID() }, idempotencyKey: 'merge-1' }),
    ).rejects.toMatchObject({ code: 'conflict', fields: { 'Idempotency-Key': 'was used with another body' } });
    await expect(mergeCandidate({ ctx, id: candidate, input: {}, idempotencyKey: '' })).rejects.toMatchObject({
      code: 'validation',
    });
  });
});
