/**
 * Many creates in one request (`POST /api/incidents/batch`, docs/adr/0025-write-throughput.md).
 *
 * Each item is parsed as a single create would parse it and answers for itself: a bad item is its
 * own error (the same message; the route prefixes the field paths with the item's place), the
 * others are written. Valid items go in chunks, one transaction per chunk through the batch path
 * (one insert, one rollup upsert, one change-log append, so one live broadcast per chunk).
 *
 * Exactly once per item (docs/adr/0013-write-path.md): ids are planned before the first
 * transaction; an item may carry an Idempotency-Key (scoped like a single create's, so the same
 * key and body replay across both routes). A chunk that failed with an unknown outcome is looked
 * up before it is written again: a chunk commits whole, so one of its unkeyed items found by id
 * means all were stored, and keyed items are found by their key rows. A chunk refused for one of
 * its items (an external id taken, a group retracted meanwhile, a concurrent twin) is written item
 * by item through the single-create path, so each item gets exactly the answer a single create gives.
 */
import { DomainError, NothingSavedError, OutcomeUnknownError, ValidationError } from '../errors';
import type { Ctx, IdempotencyRecord, WriteTx } from '../ports';
import type { WritePlan, WriteResult } from '../versioned-record';
import { writeOnce, type RetryPolicy } from './exactly-once';
import { replayOf, type IdempotencyScope } from './idempotency';
import type { WriteAnswer } from './record-writes';

/** Items per request. */
export const MAX_BATCH_ITEMS = 500;
/** Items per transaction: bounds how long one chunk holds the counter's and today's rollup rows. */
export const BATCH_CHUNK = 100;

export interface BatchItem {
  input: unknown;
  /** As sent: anything but a string is the item's own 400. */
  idempotencyKey?: unknown;
}

export type BatchItemResult = { status: number; body: WriteAnswer; replayed: boolean } | { error: DomainError };

/** One item ready to write: parsed, planned, its key scoped. */
export interface BatchJob<F> {
  index: number;
  input: unknown;
  fields: F;
  plan: WritePlan;
  rawKey?: string;
  scope?: IdempotencyScope;
  hash?: string;
}

type Outcome = { fresh: WriteAnswer } | { prior: IdempotencyRecord };

export interface BatchParts<T, F> {
  entity: string;
  label: string;
  /** Parses one item; throws the single create's DomainError. */
  prepare(ctx: Ctx, item: BatchItem, index: number): BatchJob<F>;
  createMany(ctx: Ctx, fields: F[], tx: WriteTx, plans: WritePlan[]): Promise<WriteResult<T>[]>;
  storedCreate(tx: WriteTx, id: string): Promise<WriteResult<T> | null>;
  answer(result: WriteResult<T>): WriteAnswer;
  /** The single-create path for one item (keyed or not), for a chunk refused for one of its items. */
  createOne(ctx: Ctx, job: BatchJob<F>): Promise<{ status: number; body: WriteAnswer; replayed: boolean }>;
  retry?: RetryPolicy;
}

function keysOf(tx: WriteTx) {
  const keys = tx.idempotency;
  if (!keys) throw new Error('this store does not keep idempotency keys');
  return {
    async getMany(scopes: IdempotencyScope[]): Promise<Map<string, IdempotencyRecord>> {
      const found = keys.getMany
        ? await keys.getMany(scopes)
        : (await Promise.all(scopes.map((s) => keys.get(s)))).filter((r): r is IdempotencyRecord => r !== null);
      return new Map(found.map((r) => [r.key, r]));
    },
    async putMany(records: IdempotencyRecord[]) {
      if (records.length === 0) return;
      if (keys.putMany) await keys.putMany(records);
      else for (const r of records) await keys.put(r);
    },
  };
}

export async function createBatch<T, F>(
  parts: BatchParts<T, F>,
  ctx: Ctx,
  items: readonly BatchItem[],
): Promise<BatchItemResult[]> {
  const results: BatchItemResult[] = new Array<BatchItemResult>(items.length);
  const jobs: BatchJob<F>[] = [];
  // The same key twice in one request: the later item is answered from the first.
  const firstWithKey = new Map<string, BatchJob<F>>();
  const repeats: { job: BatchJob<F>; of: BatchJob<F> }[] = [];
  items.forEach((item, index) => {
    let job: BatchJob<F>;
    try {
      job = parts.prepare(ctx, item, index);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results[index] = { error: err };
      return;
    }
    if (job.scope) {
      const first = firstWithKey.get(job.scope.key);
      if (first) return void repeats.push({ job, of: first });
      firstWithKey.set(job.scope.key, job);
    }
    jobs.push(job);
  });

  let stopped: 'nothing-saved' | null = null;
  for (let i = 0; i < jobs.length; i += BATCH_CHUNK) {
    const chunk = jobs.slice(i, i + BATCH_CHUNK);
    if (stopped) {
      // The database stopped answering for an earlier chunk: these were not tried, so not saved.
      for (const j of chunk) results[j.index] = { error: new NothingSavedError(`${parts.label} ${j.plan.id}`) };
      continue;
    }
    try {
      const outcomes = await writeOnce(
        ctx.store,
        {
          what: `${chunk.length} ${parts.label}s`,
          id: chunk[0]!.plan.id,
          stored: (tx) => storedChunk(parts, tx, chunk),
          write: (tx) => writeChunk(parts, ctx, tx, chunk),
        },
        { retry: parts.retry },
      );
      chunk.forEach((j, n) => (results[j.index] = answerOf(parts, j, outcomes[n]!)));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err instanceof NothingSavedError || err instanceof OutcomeUnknownError) {
        for (const j of chunk)
          results[j.index] = {
            error:
              err instanceof NothingSavedError
                ? new NothingSavedError(`${parts.label} ${j.plan.id}`)
                : new OutcomeUnknownError(`${parts.label} ${j.plan.id}`, j.plan.id),
          };
        stopped = 'nothing-saved';
        continue;
      }
      // One item refused the chunk: each goes alone and gets the single create's answer.
      for (const j of chunk) {
        try {
          results[j.index] = await parts.createOne(ctx, j);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          results[j.index] = { error: e };
        }
      }
    }
  }

  for (const { job, of } of repeats) {
    const first = results[of.index]!;
    if (job.hash !== of.hash)
      results[job.index] = {
        error: new DomainError(
          'conflict',
          `Idempotency-Key "${job.scope!.key}" is given to item ${of.index} of this batch with a different body; use a new key for a new record.`,
          { idempotencyKey: 'was used with another body' },
        ),
      };
    else results[job.index] = 'error' in first ? first : { ...first, replayed: true };
  }
  return results;
}

function answerOf<T, F>(parts: BatchParts<T, F>, job: BatchJob<F>, outcome: Outcome): BatchItemResult {
  if ('fresh' in outcome) return { status: 201, body: outcome.fresh, replayed: false };
  try {
    const prior = replayOf(outcome.prior, job.hash!);
    const body = prior.response as WriteAnswer;
    const ours = (body[parts.entity] as { id?: string } | undefined)?.id === job.plan.id;
    return { status: prior.status, body, replayed: !ours };
  } catch (err) {
    if (err instanceof DomainError)
      return {
        error: new DomainError(err.code, err.message, { idempotencyKey: 'was used with another body' }, err.details),
      };
    throw err;
  }
}

/** What an earlier attempt of this chunk stored (it commits whole), or null when it did not commit. */
async function storedChunk<T, F>(
  parts: BatchParts<T, F>,
  tx: WriteTx,
  chunk: BatchJob<F>[],
): Promise<Outcome[] | null> {
  const keyed = chunk.filter((j) => j.scope);
  const priors = keyed.length > 0 ? await keysOf(tx).getMany(keyed.map((j) => j.scope!)) : new Map();
  const marker = chunk.find((j) => !j.scope);
  if (marker) {
    if (!(await parts.storedCreate(tx, marker.plan.id))) return null;
  } else {
    const oursStored = keyed.some((j) => {
      const body = priors.get(j.scope!.key)?.response as Record<string, { id?: string }> | undefined;
      return body?.[parts.entity]?.id === j.plan.id;
    });
    if (!oursStored) return null;
  }
  const out: Outcome[] = [];
  for (const j of chunk) {
    if (j.scope) {
      const prior = priors.get(j.scope.key);
      if (!prior) throw new Error(`batch chunk committed without the key row of item ${j.index}`);
      out.push({ prior });
      continue;
    }
    const stored = await parts.storedCreate(tx, j.plan.id);
    if (!stored) throw new Error(`batch chunk committed without item ${j.index}`);
    out.push({ fresh: parts.answer(stored) });
  }
  return out;
}

async function writeChunk<T, F>(
  parts: BatchParts<T, F>,
  ctx: Ctx,
  tx: WriteTx,
  chunk: BatchJob<F>[],
): Promise<Outcome[]> {
  const keyed = chunk.filter((j) => j.scope);
  const keys = keysOf(tx);
  // Keys already answered (an earlier request, or a twin that committed first) are replays.
  const priors = keyed.length > 0 ? await keys.getMany(keyed.map((j) => j.scope!)) : new Map();
  const fresh = chunk.filter((j) => !j.scope || !priors.has(j.scope.key));
  const written =
    fresh.length > 0
      ? await parts.createMany(
          ctx,
          fresh.map((j) => j.fields),
          tx,
          fresh.map((j) => j.plan),
        )
      : [];
  const answers = new Map<BatchJob<F>, WriteAnswer>(fresh.map((j, n) => [j, parts.answer(written[n]!)]));
  await keys.putMany(
    fresh
      .filter((j) => j.scope)
      .map((j) => ({ ...j.scope!, requestHash: j.hash!, status: 201, response: answers.get(j)! })),
  );
  return chunk.map((j) => {
    const body = answers.get(j);
    return body ? { fresh: body } : { prior: priors.get(j.scope!.key)! };
  });
}

/** A bad Idempotency-Key on an item names the item's own field. */
export function itemKeyError(err: DomainError): DomainError {
  return new ValidationError({ idempotencyKey: Object.values(err.fields)[0] ?? err.message }, err.message);
}
