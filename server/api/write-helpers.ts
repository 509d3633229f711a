/**
 * What every write route shares: the caller's ctx, the response shape
 * `{ <entity>: record, change: { epoch, seq } }`, Idempotency-Key handling for creates, path ids.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { DomainError, NotFoundError } from '../../core/errors';
import type { Ctx, IdempotencyRecord, WriteTx } from '../../core/ports';
import type { WriteResult } from '../../core/versioned-record';
import { requirePrincipal } from '../auth/guards';
import type { Runtime } from '../runtime';
import { readJson } from './json-body';

export async function callerCtx(c: Context, runtime: Runtime): Promise<Ctx> {
  return runtime.ctx((await requirePrincipal(c, runtime)).actor);
}

export function writeBody<T>(entityKey: string, result: WriteResult<T>) {
  return { [entityKey]: result.record, change: { epoch: result.change.epoch, seq: result.change.seq } };
}

const uuid = z.uuid();

/** The `{id}` path parameter; anything that is not a uuid cannot name a record (404, not a database error). */
export function idParam(c: Context, label: string): string {
  const id = c.req.param('id') ?? '';
  if (!uuid.safeParse(id).success) throw new NotFoundError(label, id);
  return id;
}

/** Canonical JSON (sorted keys), so the same body with other spacing or key order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isUniqueViolation(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code === '23505') return true;
  }
  return false;
}

const IdempotencyKey = z.string().min(1, 'cannot be empty').max(200, 'is too long (200 characters at most)');

type Outcome = { replay: IdempotencyRecord } | { fresh: unknown };

/**
 * A create with an optional Idempotency-Key. The key's answer is stored in the write's own
 * transaction; a concurrent twin loses on the unique index, rolls back, and then replays the winner.
 */
export async function idempotentCreate<T>(
  c: Context,
  runtime: Runtime,
  opts: {
    route: string;
    entityKey: string;
    create: (ctx: Ctx, input: unknown, tx?: WriteTx) => Promise<WriteResult<T>>;
  },
): Promise<Response> {
  const ctx = await callerCtx(c, runtime);
  const input = await readJson(c);
  const rawKey = c.req.header('idempotency-key');
  if (rawKey === undefined) return c.json(writeBody(opts.entityKey, await opts.create(ctx, input)), 201);
  const parsedKey = IdempotencyKey.safeParse(rawKey.trim());
  if (!parsedKey.success)
    throw new DomainError('validation', `Invalid Idempotency-Key header: ${parsedKey.error.issues[0]!.message}`, {
      'Idempotency-Key': parsedKey.error.issues[0]!.message,
    });
  const scope = { key: parsedKey.data, actor: ctx.actor.id ?? ctx.actor.label, route: opts.route };
  const requestHash = createHash('sha256').update(canonical(input)).digest('hex');
  const attempt = () =>
    runtime.store.transact(async (tx): Promise<Outcome> => {
      const store = tx.idempotency;
      if (!store) throw new Error('this store does not keep idempotency keys');
      const prior = await store.get(scope);
      if (prior) return { replay: prior };
      const response = writeBody(opts.entityKey, await opts.create(ctx, input, tx));
      await store.put({ ...scope, requestHash, status: 201, response });
      return { fresh: response };
    });
  let outcome: Outcome;
  try {
    outcome = await attempt();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    outcome = await attempt();
  }
  if ('fresh' in outcome) return c.json(outcome.fresh as Record<string, unknown>, 201);
  if (outcome.replay.requestHash !== requestHash) {
    throw new DomainError(
      'conflict',
      `Idempotency-Key "${scope.key}" was already used with a different body; use a new key for a new request.`,
      { 'Idempotency-Key': 'was used with another body' },
    );
  }
  c.header('Idempotent-Replayed', 'true');
  return c.json(outcome.replay.response as Record<string, unknown>, outcome.replay.status as ContentfulStatusCode);
}

/** DELETE's input: the JSON body (optional) with `reason` and `version` also accepted as query parameters. */
export async function retractInput(c: Context): Promise<unknown> {
  const body = await readJson(c, { optional: true });
  const query: Record<string, unknown> = {};
  const reason = c.req.query('reason');
  const version = c.req.query('version');
  if (reason !== undefined) query.reason = reason;
  if (version !== undefined) query.version = /^\d+$/.test(version) ? Number(version) : version;
  if (body === undefined) return query;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return { ...query, ...(body as Record<string, unknown>) };
}
