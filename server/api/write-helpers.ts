/**
 * What every write route shares: the caller's ctx, the create answer, path ids. Idempotency, batching and retries are
 * the verbs' (core/write); handlers read the body, call the verb and answer.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import type { Ctx } from '../../core/ports';
import type { CreateOutcome } from '../../core/write/record-writes';
import { requirePrincipal } from '../auth/guards';
import type { Runtime } from '../runtime';
import { readJson } from './json-body';

export async function callerCtx(c: Context, runtime: Runtime): Promise<Ctx> {
  return runtime.ctx((await requirePrincipal(c, runtime)).actor);
}

const uuid = z.uuid();

/** The `{id}` path parameter; anything that is not a uuid cannot name a record (404, not a database error). */
export function idParam(c: Context, label: string): string {
  const id = c.req.param('id') ?? '';
  if (!uuid.safeParse(id).success) throw new NotFoundError(label, id);
  return id;
}

/** A create's answer: 201 (or the stored status of a replay), `Idempotent-Replayed` on a replay. */
export function createdResponse(c: Context, outcome: CreateOutcome): Response {
  if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(outcome.body, outcome.status as ContentfulStatusCode);
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
