/**
 * One write under an idempotency row, exactly once: the row and the write commit together, and a
 * retry after a failed or unknown commit (or a twin request with the same key that committed first)
 * finds the row instead of writing again. The caller turns a prior row into its answer.
 */
import type { IdempotencyRecord, Store, WriteTx } from '../ports';
import { writeOnce, type RetryPolicy } from './exactly-once';
import { replayOf } from './idempotency';

export interface KeyedWrite<A> {
  what: string;
  id: string;
  scope: { key: string; actor: string; route: string };
  /** The request's hash: a prior row with another hash is a conflict (replayOf). */
  requestHash: string;
  /** The status stored with the answer (what a replay answers). */
  status: number;
  write(tx: WriteTx): Promise<A>;
  /** What the row keeps of the answer; the answer itself by default. */
  stored?: (answer: A) => unknown;
}

export type KeyedOutcome<A> = { fresh: A } | { prior: IdempotencyRecord };

export async function writeUnderKey<A>(
  store: Store,
  w: KeyedWrite<A>,
  opts: { retry?: RetryPolicy } = {},
): Promise<KeyedOutcome<A>> {
  const keys = (tx: WriteTx) => {
    if (!tx.idempotency) throw new Error('this store does not keep idempotency keys');
    return tx.idempotency;
  };
  const outcome = await writeOnce<KeyedOutcome<A>>(
    store,
    {
      what: w.what,
      id: w.id,
      stored: async (tx) => {
        const prior = await keys(tx).get(w.scope);
        return prior ? { prior } : null;
      },
      write: async (tx) => {
        // An earlier request with this key (its answer lost on the way) may have committed it.
        const prior = await keys(tx).get(w.scope);
        if (prior) return { prior };
        const answer = await w.write(tx);
        const response = w.stored ? w.stored(answer) : answer;
        await keys(tx).put({ ...w.scope, requestHash: w.requestHash, status: w.status, response });
        return { fresh: answer };
      },
    },
    { retry: opts.retry },
  );
  return 'fresh' in outcome ? outcome : { prior: replayOf(outcome.prior, w.requestHash) };
}
