/**
 * One write, applied at most once, answered truthfully (docs/adr/0013-write-path.md).
 *
 * Everything that names the write (the record's id, its timestamp, the Idempotency-Key) is fixed
 * before the first transaction, so every attempt is the same write. After a failed or unknown
 * commit the next attempt first asks the store whether an earlier one was stored (`stored`): if so
 * that is the answer, and nothing is written again. When attempts run out, the write is looked up
 * once more on a fresh transaction; only an answer of "absent" becomes NothingSavedError, and no
 * answer at all becomes OutcomeUnknownError (never a claim that nothing was saved). When every
 * attempt failed before its COMMIT was sent, nothing can have been saved and that is said at once.
 */
import { NothingSavedError, OutcomeUnknownError, StoreUnavailableError, UniqueViolationError } from '../errors';
import type { Store, WriteTx } from '../ports';

export interface OnceWrite<R> {
  /** For messages: "incident 5b1e…". */
  what: string;
  /** The id the caller can look up when the outcome stays unknown. */
  id: string;
  /** What an earlier attempt of this same write stored, or null (read in the attempt's transaction). */
  stored(tx: WriteTx): Promise<R | null>;
  write(tx: WriteTx): Promise<R>;
}

export interface RetryPolicy {
  /** Write attempts before the final look-up. */
  attempts: number;
  /** Look-ups after the attempts ran out. */
  lookups: number;
  /** Waits before retry `n` (0-based); injectable so tests do not sleep. */
  pause(n: number): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 6,
  lookups: 12,
  pause: (n) => new Promise((r) => setTimeout(r, Math.min(50 * 2 ** n, 1000))),
};

/** Failures after which the write may or may not be stored: look before writing again. */
export function isUncertain(err: unknown): boolean {
  return err instanceof StoreUnavailableError;
}

/**
 * Runs `w` until it is stored once. `uncertain`: an earlier attempt elsewhere (a combined batch)
 * failed, so even the first attempt here checks `stored` first.
 */
export async function writeOnce<R>(
  store: Store,
  w: OnceWrite<R>,
  opts: { uncertain?: boolean; retry?: RetryPolicy } = {},
): Promise<R> {
  const retry = opts.retry ?? DEFAULT_RETRY;
  let uncertain = opts.uncertain ?? false;
  let twinRetried = false;
  // Whether any attempt may have committed; if none did (every failure came before COMMIT was
  // sent), nothing was saved and no look-up is needed to say so.
  let mayHaveCommitted = uncertain;
  for (let n = 0; n < retry.attempts; n++) {
    const look = uncertain;
    try {
      return await store.transact(async (tx) => {
        if (look) {
          const prior = await w.stored(tx);
          if (prior) return prior;
        }
        return w.write(tx);
      });
    } catch (err) {
      if (isUncertain(err)) {
        uncertain = true;
        if ((err as StoreUnavailableError).outcome === 'unknown') mayHaveCommitted = true;
        await retry.pause(n);
        continue;
      }
      // The id or key is taken: our own earlier commit, or a concurrent twin. Look once; if it is
      // not ours, the second violation is the caller's duplicate.
      if (err instanceof UniqueViolationError && !twinRetried) {
        twinRetried = true;
        uncertain = true;
        continue;
      }
      throw err;
    }
  }
  if (!mayHaveCommitted) throw new NothingSavedError(w.what);
  return lookUp(store, w, retry);
}

async function lookUp<R>(store: Store, w: OnceWrite<R>, retry: RetryPolicy): Promise<R> {
  for (let n = 0; n < retry.lookups; n++) {
    let prior: R | null;
    try {
      prior = await store.transact((tx) => w.stored(tx));
    } catch (err) {
      if (!isUncertain(err)) throw err;
      await retry.pause(n);
      continue;
    }
    if (prior) return prior;
    throw new NothingSavedError(w.what);
  }
  throw new OutcomeUnknownError(w.what, w.id);
}
