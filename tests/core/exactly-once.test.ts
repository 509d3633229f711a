/**
 * The retry logic of the write verbs under a lost commit: a "commit outcome unknown" (or "not
 * committed") failure injected at every step of a write, alone and in a combined batch. After
 * each, the store must hold the write exactly once and the caller must get the stored record, or
 * a 503 that is true.
 */
import { describe, expect, it } from 'vitest';
import { NothingSavedError, OutcomeUnknownError, StoreUnavailableError } from '../../core/errors';
import type { Store, WriteTx } from '../../core/ports';
import { createWriteVerbs } from '../../core/write/write-verbs';
import type { RetryPolicy } from '../../core/write/exactly-once';
import { createMemoryCtx, createMemoryStore, type MemoryStore } from './support/memory-store';
import { MemorySink } from './import/memory-sink';

type Step = 'before-insert' | 'after-insert' | 'after-commit';

/**
 * Fails the next `times` transactions at `step`: before the verb runs (nothing written), after it
 * ran but before commit (rolled back, the driver reports an unknown outcome), or after the commit
 * (stored, yet the caller sees an unknown outcome).
 */
function faulty(inner: MemoryStore) {
  // Failures queue up: `fail('after-commit'); fail('before-insert', 100)` runs one, then the other.
  const plans: { step: Step; times: number }[] = [];
  const store: Store & { fail(step: Step, times?: number): void; attempts: number } = {
    attempts: 0,
    fail(step, times = 1) {
      plans.push({ step, times });
    },
    async transact<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
      store.attempts++;
      const p = plans[0];
      if (p && --p.times === 0) plans.shift();
      if (p?.step === 'before-insert') throw new StoreUnavailableError('not-committed');
      if (p?.step === 'after-insert')
        return inner.transact(async (tx) => {
          await fn(tx);
          throw new StoreUnavailableError('unknown');
        });
      const result = await inner.transact(fn);
      if (p?.step === 'after-commit') throw new StoreUnavailableError('unknown');
      return result;
    },
  };
  return store;
}

const noWait: RetryPolicy = { attempts: 4, lookups: 3, pause: async () => {} };
const STEPS: Step[] = ['before-insert', 'after-insert', 'after-commit'];

const input = (n: number) => ({
  occurredAt: '2026-01-10T08:00:00Z',
  province: 'KP',
  type: 'ied_explosive',
  summary: `Roadside bomb ${n}`,
  externalId: `t-${n}`,
});

function setup() {
  const memory = createMemoryStore();
  const store = faulty(memory);
  const ctx = createMemoryCtx(store);
  const writes = createWriteVerbs({ retry: noWait, imports: { sink: () => new MemorySink(), groups: async () => [] } });
  const incidents = () => [...memory.state.incidents.values()];
  return { memory, store, ctx, writes, incidents };
}

describe('exactly once under an unknown commit outcome', () => {
  for (const step of STEPS) {
    it(`a create failing ${step} is stored once and answered with the stored record`, async () => {
      const { store, ctx, writes, incidents, memory } = setup();
      store.fail(step);
      const out = await writes.createIncident({ ctx, input: input(1) });
      expect(out.status).toBe(201);
      expect(incidents()).toHaveLength(1);
      const id = (out.body.incident as { id: string }).id;
      expect(incidents()[0]!.id).toBe(id);
      expect(memory.state.changes.filter((c) => c.id === id)).toHaveLength(1);
      expect(out.body.change.seq).toBe(memory.state.changes[0]!.seq);
    });

    it(`a create with an Idempotency-Key failing ${step} stores one record and one key`, async () => {
      const { store, ctx, writes, incidents } = setup();
      store.fail(step);
      const out = await writes.createIncident({ ctx, input: input(1), idempotencyKey: 'k-1' });
      expect(out).toMatchObject({ status: 201, replayed: false });
      const again = await writes.createIncident({ ctx, input: input(1), idempotencyKey: 'k-1' });
      expect(again.replayed).toBe(true);
      expect(again.body).toEqual(out.body);
      expect(incidents()).toHaveLength(1);
    });

    it(`a combined batch failing ${step} stores each create once`, async () => {
      const { store, ctx, writes, incidents, memory } = setup();
      // The first create goes alone; the four that arrive meanwhile share one batch, which fails.
      const first = writes.createIncident({ ctx, input: input(0) });
      store.fail(step);
      const rest = [1, 2, 3, 4].map((n) => writes.createIncident({ ctx, input: input(n) }));
      const answers = await Promise.all([first, ...rest]);
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
      const ids = answers.map((a) => (a.body.incident as { id: string }).id);
      expect(new Set(ids).size).toBe(5);
      expect(
        incidents()
          .map((i) => i.id)
          .sort(),
      ).toEqual([...ids].sort());
      expect(memory.state.changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
    });

    it(`a batch request failing ${step} in a chunk stores each item once, keyed or not`, async () => {
      const { store, ctx, writes, incidents, memory } = setup();
      store.fail(step);
      const items = [1, 2, 3, 4].map((n) => ({ input: input(n), ...(n % 2 ? { idempotencyKey: `b-${n}` } : {}) }));
      const answers = await writes.createIncidentBatch({ ctx, items });
      expect(answers.map((a) => ('error' in a ? a.error.message : [a.status, a.replayed]))).toEqual([
        [201, false],
        [201, false],
        [201, false],
        [201, false],
      ]);
      expect(incidents()).toHaveLength(4);
      expect(memory.state.changes.map((c) => c.seq)).toEqual([1, 2, 3, 4]);
      // The same request again: the keyed items replay, the unkeyed ones are new records.
      const again = await writes.createIncidentBatch({ ctx, items: items.filter((i) => i.idempotencyKey) });
      expect(again.map((a) => 'body' in a && a.replayed)).toEqual([true, true]);
      expect(incidents()).toHaveLength(4);
    });

    it(`a keyed-only batch failing ${step} stores each item once`, async () => {
      const { store, ctx, writes, incidents, memory } = setup();
      store.fail(step);
      const items = [1, 2].map((n) => ({ input: input(n), idempotencyKey: `only-${n}` }));
      const answers = await writes.createIncidentBatch({ ctx, items });
      expect(answers.map((a) => 'body' in a && [a.status, a.replayed])).toEqual([
        [201, false],
        [201, false],
      ]);
      expect(incidents()).toHaveLength(2);
      expect(memory.state.changes).toHaveLength(2);
    });

    it(`an edit failing ${step} is applied once and reported as applied`, async () => {
      const { store, ctx, writes, memory } = setup();
      const created = await writes.createIncident({ ctx, input: input(1) });
      const id = (created.body.incident as { id: string }).id;
      store.fail(step);
      const edited = await writes.updateIncident({ ctx, id, input: { version: 1, summary: 'Roadside bomb, edited' } });
      expect(edited.incident).toMatchObject({ version: 2, summary: 'Roadside bomb, edited' });
      expect(memory.state.incidents.get(id)!.version).toBe(2);
      expect(memory.state.changes.filter((c) => c.action === 'updated')).toHaveLength(1);
    });

    it(`a retraction failing ${step} is applied once and reported as applied`, async () => {
      const { store, ctx, writes, memory } = setup();
      const created = await writes.createIncident({ ctx, input: input(1) });
      const id = (created.body.incident as { id: string }).id;
      store.fail(step);
      const retracted = await writes.retractIncident({ ctx, id, input: { reason: 'duplicate report' } });
      expect(retracted.incident).toMatchObject({ version: 2, retractionReason: 'duplicate report' });
      expect(memory.state.changes.filter((c) => c.action === 'retracted')).toHaveLength(1);
    });
  }

  it('still tells a real conflict from its own applied edit', async () => {
    const { ctx, writes } = setup();
    const created = await writes.createIncident({ ctx, input: input(1) });
    const id = (created.body.incident as { id: string }).id;
    await writes.updateIncident({ ctx, id, input: { version: 1, summary: 'first edit' } });
    await expect(
      writes.updateIncident({ ctx, id, input: { version: 1, summary: 'stale edit' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('says "Nothing was saved" only after looking the id up and finding nothing', async () => {
    const { store, ctx, writes, incidents } = setup();
    store.fail('after-insert', noWait.attempts);
    const err = await writes.createIncident({ ctx, input: input(1) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NothingSavedError);
    expect(incidents()).toHaveLength(0);
    // The attempts, then one successful look-up.
    expect(store.attempts).toBe(noWait.attempts + 1);
  });

  it('answers "not known" (never "nothing saved") when the look-up cannot be made', async () => {
    const { store, ctx, writes, incidents } = setup();
    // The first attempt commits but its answer is lost; then the database stops answering.
    store.fail('after-commit', 1);
    store.fail('before-insert', 100);
    const err = await writes.createIncident({ ctx, input: input(1) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(incidents()).toHaveLength(1);
    expect((err as OutcomeUnknownError).details).toEqual({ id: incidents()[0]!.id });
  });

  it('answers every item of a batch whose database stopped answering with a true 503', async () => {
    const { store, ctx, writes, incidents } = setup();
    store.fail('before-insert', 100);
    const answers = await writes.createIncidentBatch({
      ctx,
      items: Array.from({ length: 150 }, (_, n) => ({ input: input(n) })),
    });
    expect(answers.every((a) => 'error' in a && a.error instanceof NothingSavedError)).toBe(true);
    expect(incidents()).toHaveLength(0);
  });

  it('says "Nothing was saved" at once when every attempt failed before its COMMIT was sent', async () => {
    const { store, ctx, writes, incidents } = setup();
    store.fail('before-insert', 100);
    const err = await writes.createIncident({ ctx, input: input(1) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NothingSavedError);
    expect(incidents()).toHaveLength(0);
    expect(store.attempts).toBe(noWait.attempts);
  });
});
