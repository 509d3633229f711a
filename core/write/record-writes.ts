/**
 * The write verbs of one versioned entity as every transport uses them (API, forms, CLI, bench):
 * parse once, fix the write's id and stamp, batch creates through the combiner, keep the
 * Idempotency-Key row in the same transaction, and retry through writeOnce so an unknown commit
 * is looked up instead of written twice (docs/adr/0013-write-path.md).
 */
import type { Versioned } from '../common-schemas';
import type { Entity } from '../enums';
import type { Ctx, Store, WriteTx } from '../ports';
import {
  createRecord,
  planWrite,
  retractRecord,
  storedWrite,
  updateRecord,
  type RecordKind,
  type WritePlan,
  type WriteResult,
} from '../versioned-record';
import { createWriteCombiner } from '../write-combiner';
import type { JsonObject } from '../merge-patch';
import { writeOnce, type RetryPolicy } from './exactly-once';
import { idempotencyScope, requestHash } from './idempotency';
import { writeUnderKey } from './keyed-write';
import { createBatch, itemKeyError, type BatchItem, type BatchItemResult, type BatchJob } from './batch-create';
import { DomainError, ValidationError } from '../errors';

/** The answer to a write as the API documents it: `{ <entity>: record, change: { epoch, seq } }`. */
export type WriteAnswer = Record<string, unknown> & { change: { epoch: string; seq: number } };

export function writeAnswer<T>(entity: Entity, result: WriteResult<T>): WriteAnswer {
  return { [entity]: result.record, change: { epoch: result.change.epoch, seq: result.change.seq } };
}

export interface CreateOutcome {
  status: number;
  body: WriteAnswer;
  /** The answer was stored for an earlier request with this Idempotency-Key. */
  replayed: boolean;
}

export interface RecordWrites {
  create(args: { ctx: Ctx; input: unknown; idempotencyKey?: string }): Promise<CreateOutcome>;
  update(args: { ctx: Ctx; id: string; input: unknown }): Promise<WriteAnswer>;
  retract(args: { ctx: Ctx; id: string; input: unknown }): Promise<WriteAnswer>;
  /** Many creates, each answered for itself (core/write/batch-create.ts); kinds with a batch path only. */
  createBatch?(args: { ctx: Ctx; items: readonly BatchItem[] }): Promise<BatchItemResult[]>;
}

export interface RecordWritesConfig<T extends Versioned, F extends Omit<T, keyof Versioned>> {
  kind: RecordKind<T>;
  /** Where Idempotency-Keys are scoped ("POST /api/incidents"). */
  route: string;
  /** Parses a create's input; `now` is the writer's clock (no occurrence after it). */
  fields(input: unknown, now: Date, reportZone: string): F;
  /** A JSON Merge Patch body (core/merge-patch.ts): the version and the patch. */
  patch(input: unknown): { version: number; patch: JsonObject };
  retraction(input: unknown): { reason: string; version?: number };
  /** The batch path; without it creates are not combined. */
  createMany?(ctx: Ctx, fields: F[], tx: WriteTx, plans: WritePlan[]): Promise<WriteResult<T>[]>;
  retry?: RetryPolicy;
}

interface CreateJob<F> {
  fields: F;
  plan: WritePlan;
}

export function createRecordWrites<T extends Versioned, F extends Omit<T, keyof Versioned>>(
  cfg: RecordWritesConfig<T, F>,
): RecordWrites {
  const { kind, retry } = cfg;
  const what = (id: string) => `${kind.label.toLowerCase()} ${id}`;
  const storedCreate = (tx: WriteTx, id: string) => storedWrite<T>(tx, kind.entity, id, { action: 'created' });

  const createAlone = (ctx: Ctx, job: CreateJob<F>, opts: { uncertain: boolean }) =>
    writeOnce(
      ctx.store,
      {
        what: what(job.plan.id),
        id: job.plan.id,
        stored: (tx) => storedCreate(tx, job.plan.id),
        write: (tx) => createRecord<T>(ctx, kind, job.fields, tx, job.plan),
      },
      { uncertain: opts.uncertain, retry },
    );

  // Without an Idempotency-Key (no key row to write), concurrent creates commit together.
  const createMany = cfg.createMany;
  const combined = createMany
    ? createWriteCombiner<CreateJob<F>, T>({
        createMany: (ctx, jobs, tx) =>
          createMany(
            ctx,
            jobs.map((j) => j.fields),
            tx,
            jobs.map((j) => j.plan),
          ),
        createOne: createAlone,
      })
    : (ctx: Ctx, job: CreateJob<F>) => createAlone(ctx, job, { uncertain: false });

  async function createKeyed(ctx: Ctx, store: Store, job: CreateJob<F>, input: unknown, rawKey: string) {
    const scope = idempotencyScope(ctx, cfg.route, rawKey);
    const outcome = await writeUnderKey<WriteAnswer>(
      store,
      {
        what: what(job.plan.id),
        id: job.plan.id,
        scope,
        requestHash: requestHash(input),
        status: 201,
        write: async (tx) => writeAnswer(kind.entity, await createRecord<T>(ctx, kind, job.fields, tx, job.plan)),
      },
      { retry },
    );
    if ('fresh' in outcome) return { status: 201, body: outcome.fresh, replayed: false };
    const prior = outcome.prior;
    const body = prior.response as WriteAnswer;
    // Our own earlier attempt (its commit answer was lost) is this request's answer, not a replay.
    const ours = (body[kind.entity] as { id?: string } | undefined)?.id === job.plan.id;
    return { status: prior.status, body, replayed: !ours };
  }

  const prepare = (ctx: Ctx, item: BatchItem, index: number, now: Date): BatchJob<F> => {
    // In a single create's order: the body first, then the key.
    const fields = cfg.fields(item.input, now, ctx.reportZone);
    let scope: BatchJob<F>['scope'];
    const rawKey = item.idempotencyKey;
    if (rawKey !== undefined) {
      if (typeof rawKey !== 'string') throw new ValidationError({ idempotencyKey: 'must be a string' });
      try {
        scope = idempotencyScope(ctx, cfg.route, rawKey);
      } catch (err) {
        throw err instanceof DomainError ? itemKeyError(err) : err;
      }
    }
    return {
      index,
      input: item.input,
      fields,
      plan: planWrite(ctx),
      ...(scope ? { rawKey: rawKey as string, scope, hash: requestHash(item.input) } : {}),
    };
  };

  const createBatchWith = createMany
    ? ({ ctx, items }: { ctx: Ctx; items: readonly BatchItem[] }) => {
        const now = ctx.now();
        return createBatch<T, F>(
          {
            entity: kind.entity,
            label: kind.label.toLowerCase(),
            prepare: (c, item, index) => prepare(c, item, index, now),
            createMany,
            storedCreate,
            answer: (result) => writeAnswer(kind.entity, result),
            createOne: async (c, job) => {
              if (job.rawKey !== undefined) return createKeyed(c, c.store, job, job.input, job.rawKey);
              const result = await createAlone(c, job, { uncertain: true });
              return { status: 201, body: writeAnswer(kind.entity, result), replayed: false };
            },
            retry,
          },
          ctx,
          items,
        );
      }
    : undefined;

  return {
    ...(createBatchWith ? { createBatch: createBatchWith } : {}),
    async create({ ctx, input, idempotencyKey }) {
      const job = { fields: cfg.fields(input, ctx.now(), ctx.reportZone), plan: planWrite(ctx) };
      if (idempotencyKey !== undefined) return createKeyed(ctx, ctx.store, job, input, idempotencyKey);
      return { status: 201, body: writeAnswer(kind.entity, await combined(ctx, job)), replayed: false };
    },
    async update({ ctx, id, input }) {
      const { version, patch } = cfg.patch(input);
      const plan = planWrite(ctx, id);
      const result = await writeOnce(
        ctx.store,
        {
          what: `the edit of ${what(id)}`,
          id,
          stored: (tx) => storedWrite<T>(tx, kind.entity, id, { action: 'updated', at: plan.at, by: plan.by }),
          write: (tx) => updateRecord<T>(ctx, kind, id, version, patch as never, tx, plan),
        },
        { retry },
      );
      return writeAnswer(kind.entity, result);
    },
    async retract({ ctx, id, input }) {
      const { reason, version } = cfg.retraction(input);
      const plan = planWrite(ctx, id);
      const result = await writeOnce(
        ctx.store,
        {
          what: `the retraction of ${what(id)}`,
          id,
          stored: (tx) => storedWrite<T>(tx, kind.entity, id, { action: 'retracted', at: plan.at, by: plan.by }),
          write: (tx) => retractRecord<T>(ctx, kind, id, reason, version, tx, plan),
        },
        { retry },
      );
      return writeAnswer(kind.entity, result);
    },
  };
}
