/**
 * Group commit for creates. Every write takes the change-log counter's row lock and today's rollup
 * rows and holds them until its commit is on disk (docs/adr/0003), so one-transaction-per-request
 * writes queue behind each other's fsync: a few hundred a second at most on this hardware. Creates
 * that arrive while a transaction is in flight are gathered and written together through the batch
 * path (one insert, one rollup upsert, consecutive seqs from one counter update, one commit), then
 * each caller gets its own record and change.
 *
 * The first create after a quiet spell goes alone, at once (no added latency at low rates). Inputs
 * are validated before they join a batch; if a batch still fails (an external id taken, a group
 * retracted meanwhile), its creates are retried one by one, so each caller gets its own answer.
 */
import type { Ctx, WriteTx } from './ports';
import type { WriteResult } from './versioned-record';

export interface CombinerOptions<T> {
  /** Throws the caller's validation error before the input joins a batch. */
  validate(input: unknown): unknown;
  /** Creates many in the given transaction (the batch path). */
  createMany(ctx: Ctx, inputs: unknown[], tx: WriteTx): Promise<WriteResult<T>[]>;
  /** Creates one in its own transaction (alone, and for the retry of a failed batch). */
  createOne(ctx: Ctx, input: unknown): Promise<WriteResult<T>>;
  maxBatch?: number;
}

interface Pending<T> {
  ctx: Ctx;
  input: unknown;
  resolve(result: WriteResult<T>): void;
  reject(err: unknown): void;
}

/** Who a batch writes as: the change log records one actor per write. */
const actorKey = (ctx: Ctx) => `${ctx.actor.role}\u0000${ctx.actor.id ?? ''}\u0000${ctx.actor.label}`;

export function createWriteCombiner<T>(
  opts: CombinerOptions<T>,
): (ctx: Ctx, input: unknown) => Promise<WriteResult<T>> {
  const maxBatch = opts.maxBatch ?? 200;
  let queue: Pending<T>[] = [];
  let running = false;

  async function write(batch: Pending<T>[]): Promise<void> {
    const [first] = batch;
    if (!first) return;
    if (batch.length === 1) {
      await opts.createOne(first.ctx, first.input).then(first.resolve, first.reject);
      return;
    }
    try {
      const results = await first.ctx.store.transact((tx) =>
        opts.createMany(
          first.ctx,
          batch.map((p) => p.input),
          tx,
        ),
      );
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch {
      // One bad create must not fail the others: each is retried alone and answers for itself.
      await Promise.all(batch.map((p) => opts.createOne(p.ctx, p.input).then(p.resolve, p.reject)));
    }
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      while (queue.length > 0) {
        const taken = queue.slice(0, maxBatch);
        queue = queue.slice(maxBatch);
        const groups = new Map<string, Pending<T>[]>();
        for (const p of taken) {
          const key = actorKey(p.ctx);
          const group = groups.get(key);
          if (group) group.push(p);
          else groups.set(key, [p]);
        }
        await Promise.all([...groups.values()].map(write));
      }
    } finally {
      running = false;
    }
  }

  return (ctx, input) => {
    opts.validate(input);
    return new Promise<WriteResult<T>>((resolve, reject) => {
      queue.push({ ctx, input, resolve, reject });
      if (!running) void drain();
    });
  };
}
