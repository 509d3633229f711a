/**
 * Group commit for creates. Every write takes the change-log counter's row lock and today's rollup
 * rows and holds them until its commit is on disk (docs/adr/0003), so one-transaction-per-request
 * writes queue behind each other's fsync: a few hundred a second at most on this hardware. Creates
 * that arrive while a transaction is in flight are gathered and written together through the batch
 * path (one insert, one rollup upsert, consecutive seqs from one counter update, one commit), then
 * each caller gets its own record and change.
 *
 * The first create after a quiet spell goes alone, at once (no added latency at low rates). Inputs
 * are parsed, and given their ids, before they join a batch. If a batch fails (an external id
 * taken, a group retracted meanwhile, a connection lost before or during its commit), each create
 * is retried alone with the same id and told whether the batch's outcome was uncertain: then it
 * first looks its id up and answers with what the batch stored instead of writing it again
 * (docs/adr/0013-write-path.md).
 */
import { isUncertain } from './write/exactly-once';
import type { Ctx, WriteTx } from './ports';
import type { WriteResult } from './versioned-record';

export interface CombinerOptions<J, T> {
  /** Creates many in the given transaction (the batch path). */
  createMany(ctx: Ctx, jobs: J[], tx: WriteTx): Promise<WriteResult<T>[]>;
  /** Creates one on its own (alone, and for the retry of a failed batch: `uncertain` after an unknown outcome). */
  createOne(ctx: Ctx, job: J, opts: { uncertain: boolean }): Promise<WriteResult<T>>;
  maxBatch?: number;
}

interface Pending<J, T> {
  ctx: Ctx;
  job: J;
  resolve(result: WriteResult<T>): void;
  reject(err: unknown): void;
}

/** Who a batch writes as: the change log records one actor per write. */
const actorKey = (ctx: Ctx) => `${ctx.actor.role}\u0000${ctx.actor.id ?? ''}\u0000${ctx.actor.label}`;

export function createWriteCombiner<J, T>(opts: CombinerOptions<J, T>): (ctx: Ctx, job: J) => Promise<WriteResult<T>> {
  const maxBatch = opts.maxBatch ?? 200;
  let queue: Pending<J, T>[] = [];
  let running = false;

  async function write(batch: Pending<J, T>[]): Promise<void> {
    const [first] = batch;
    if (!first) return;
    if (batch.length === 1) {
      await opts.createOne(first.ctx, first.job, { uncertain: false }).then(first.resolve, first.reject);
      return;
    }
    let results: WriteResult<T>[];
    try {
      results = await first.ctx.store.transact((tx) =>
        opts.createMany(
          first.ctx,
          batch.map((p) => p.job),
          tx,
        ),
      );
    } catch (err) {
      // One bad create must not fail the others: each is retried alone and answers for itself.
      const uncertain = isUncertain(err);
      await Promise.all(batch.map((p) => opts.createOne(p.ctx, p.job, { uncertain }).then(p.resolve, p.reject)));
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]!));
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      while (queue.length > 0) {
        const taken = queue.slice(0, maxBatch);
        queue = queue.slice(maxBatch);
        const groups = new Map<string, Pending<J, T>[]>();
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

  return (ctx, job) =>
    new Promise<WriteResult<T>>((resolve, reject) => {
      queue.push({ ctx, job, resolve, reject });
      if (!running) void drain();
    });
}
