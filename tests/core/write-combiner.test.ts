import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors';
import type { Ctx, Store, WriteTx } from '../../core/ports';
import type { WriteResult } from '../../core/versioned-record';
import { createWriteCombiner } from '../../core/write-combiner';

type Rec = { id: string };

function harness(opts: { failBatch?: (inputs: unknown[]) => boolean } = {}) {
  const calls: { kind: 'one' | 'many'; inputs: unknown[] }[] = [];
  let seq = 0;
  let transactions = 0;
  const store: Store = {
    async transact(fn) {
      transactions++;
      await new Promise((r) => setTimeout(r, 5));
      return fn({} as WriteTx);
    },
  };
  const ctx = (label = 'op@example.org'): Ctx => ({
    store,
    actor: { id: label, label, role: 'operator' },
    now: () => new Date(),
    newId: () => String(++seq),
    reportZone: 'Asia/Karachi',
  });
  const result = (input: unknown): WriteResult<Rec> => ({
    record: { id: String(input) },
    change: {
      epoch: 'e',
      seq: ++seq,
      at: '',
      entity: 'incident',
      action: 'created',
      id: String(input),
      version: 1,
      data: input,
    },
  });
  const combined = createWriteCombiner<unknown, Rec>({
    async createMany(_ctx, inputs) {
      calls.push({ kind: 'many', inputs });
      if (opts.failBatch?.(inputs)) throw new Error('constraint');
      return inputs.map(result);
    },
    async createOne(c, input, { uncertain }) {
      void uncertain;
      calls.push({ kind: 'one', inputs: [input] });
      return c.store.transact(async () => {
        if (input === 'taken') throw new ValidationError({ externalId: 'is already used' });
        return result(input);
      });
    },
  });
  // Parsing happens before a job joins the combiner (core/write/record-writes.ts).
  const create = (c: Ctx, input: unknown) => {
    if (input === 'bad') throw new ValidationError({ type: 'is required' });
    return combined(c, input);
  };
  return { create, ctx, calls, transactions: () => transactions };
}

describe('write combiner', () => {
  it('writes the first create alone and gathers the ones that arrive meanwhile into one transaction', async () => {
    const h = harness();
    const all = ['a', 'b', 'c', 'd'].map((x) => h.create(h.ctx(), x));
    const results = await Promise.all(all);
    expect(results.map((r) => r.record.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(h.calls).toEqual([
      { kind: 'one', inputs: ['a'] },
      { kind: 'many', inputs: ['b', 'c', 'd'] },
    ]);
    expect(h.transactions()).toBe(2);
  });

  it('refuses an invalid input at once, without touching the batch', async () => {
    const h = harness();
    expect(() => h.create(h.ctx(), 'bad')).toThrow(ValidationError);
    expect(h.calls).toEqual([]);
  });

  it('retries a failed batch one by one, so each caller gets its own answer', async () => {
    const h = harness({ failBatch: (inputs) => inputs.includes('taken') });
    const first = h.create(h.ctx(), 'x');
    const rest = ['y', 'taken', 'z'].map((x) => h.create(h.ctx(), x));
    await first;
    const settled = await Promise.allSettled(rest);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(ValidationError);
  });

  it('never mixes actors in one batch (the change log records one per write)', async () => {
    const h = harness();
    const first = h.create(h.ctx('a@x'), 1);
    const rest = [h.create(h.ctx('a@x'), 2), h.create(h.ctx('b@x'), 3), h.create(h.ctx('a@x'), 4)];
    await Promise.all([first, ...rest]);
    expect(h.calls.filter((c) => c.kind === 'many').map((c) => c.inputs)).toEqual([[2, 4]]);
    expect(h.calls).toContainEqual({ kind: 'one', inputs: [3] });
  });
});
