/**
 * A write whose answer is stored with it, in its own transaction (the idempotency rows), so a
 * retry after a failed or unknown commit finds the answer instead of writing again: the duplicate
 * queue's resolutions, whose second application would be refused ("already merged"). With an
 * Idempotency-Key the row is the caller's, scoped like a create's (the same key and request
 * replay the answer; another request is a conflict); without one it is a key planned for this
 * request alone, so only this request's own attempts find it (docs/adr/0013-write-path.md).
 */
import type { Ctx, WriteTx } from '../ports';
import type { RetryPolicy } from './exactly-once';
import { idempotencyScope, requestHash } from './idempotency';
import { writeUnderKey } from './keyed-write';

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
  const outcome = await writeUnderKey<A>(
    ctx.store,
    {
      what: w.what,
      id: w.id,
      scope,
      requestHash: requestHash(w.request),
      status: 200,
      write: w.write,
      stored: (answer): StoredAnswer<A> => ({ request, answer }),
    },
    { retry: opts.retry },
  );
  if ('fresh' in outcome) return { answer: outcome.fresh, replayed: false };
  const stored = outcome.prior.response as StoredAnswer<A>;
  return { answer: stored.answer, replayed: stored.request !== request };
}
