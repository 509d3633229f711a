/**
 * A write whose answer is stored with it, in its own transaction (the idempotency rows), so a
 * retry after a failed or unknown commit finds the answer instead of writing again: the duplicate
 * queue's resolutions, whose second application would be refused ("already merged"). With an
 * Idempotency-Key the row is the caller's, scoped like a create's (the same key and request
 * replay the answer; another request is a conflict); without one it is a key planned for this
 * request alone, so only this request's own attempts find it (docs/adr/0013-write-path.md).
 */
import type { Ctx, IdempotencyRecord, WriteTx } from '../ports';
import { writeOnce, type RetryPolicy } from './exactly-once';
import { idempotencyScope, replayOf, requestHash } from './idempotency';

export interface AnsweredWrite<A> {
  /** For messages: "the merge of duplicate candidate 5b1e…". */
  what: string;
  /** What the caller can look up when the outcome stays unknown. */
  id: string;
  /** Where keys are scoped: "POST /api/duplicate-candidates/{id}/merge". */
  route: string;
  /** What names the request (the path's id and the body): a key reused for another is a conflict. */
  request: unknown;
  write(tx: WriteTx): Promise<A>;
}

export interface Answered<A> {
  answer: A;
  /** The answer was stored for an earlier request with this Idempotency-Key. */
  replayed: boolean;
}

/** What the row keeps: the answer, and which request wrote it (ours, or an earlier one). */
interface StoredAnswer<A> {
  request: string;
  answer: A;
}

export async function answerOnce<A>(
  ctx: Ctx,
  w: AnsweredWrite<A>,
  opts: { idempotencyKey?: string; retry?: RetryPolicy } = {},
): Promise<Answered<A>> {
  const request = ctx.newId();
  const scope =
    opts.idempotencyKey !== undefined
      ? idempotencyScope(ctx, w.route, opts.idempotencyKey)
      : { key: request, actor: ctx.actor.id ?? ctx.actor.label, route: `${w.route} (one request)` };
  const hash = requestHash(w.request);
  const keys = (tx: WriteTx) => {
    if (!tx.idempotency) throw new Error('this store does not keep idempotency keys');
    return tx.idempotency;
  };
  type Outcome = { prior: IdempotencyRecord } | { fresh: A };
  const outcome = await writeOnce<Outcome>(
    ctx.store,
    {
      what: w.what,
      id: w.id,
      stored: async (tx) => {
        const prior = await keys(tx).get(scope);
        return prior ? { prior } : null;
      },
      write: async (tx) => {
        // An earlier request with this key (its answer lost on the way) may have committed it.
        const prior = await keys(tx).get(scope);
        if (prior) return { prior };
        const answer = await w.write(tx);
        const response: StoredAnswer<A> = { request, answer };
        await keys(tx).put({ ...scope, requestHash: hash, status: 200, response });
        return { fresh: answer };
      },
    },
    { retry: opts.retry },
  );
  if ('fresh' in outcome) return { answer: outcome.fresh, replayed: false };
  const stored = replayOf(outcome.prior, hash).response as StoredAnswer<A>;
  return { answer: stored.answer, replayed: stored.request !== request };
}
