/** The one place where errors become HTTP answers: `{ error: { code, message, fields } }`. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorCode } from '../../core/errors';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; current?: unknown };
}

/** Connection-level failures of the database (refused, reset, timed out, shutting down). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown } | null;
  if (!e) return false;
  const codes = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECTION_DESTROYED',
    'CONNECT_TIMEOUT',
    '57P01',
    '57P02',
    '57P03',
    '08006',
    '08001',
    '08003',
  ];
  if (e.code && codes.includes(e.code)) return true;
  if (e.message && /database did not answer|Connection terminated|PGlite is closed/i.test(e.message)) return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}

/** The Postgres error under driver wrappers (drizzle wraps the driver's error in `cause`). */
function pgErrorOf(err: unknown): { code: string; constraint?: string; constraint_name?: string } | null {
  for (
    let e = err as { code?: unknown; cause?: unknown } | null, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'string' && /^23\d{3}$/.test(e.code)) return e as { code: string };
  }
  return null;
}

/**
 * A database constraint caught what validation missed (e.g. a PATCH whose fields are valid alone
 * but not together with the stored record): still the caller's input, so 400/409, never 500.
 */
function constraintResponse(c: Context, err: unknown) {
  const pg = pgErrorOf(err);
  if (!pg) return null;
  const constraint = pg.constraint_name ?? pg.constraint ?? 'a database constraint';
  if (pg.code === '23505')
    return c.json(
      {
        error: {
          code: 'conflict',
          message: `This would duplicate an existing record (${constraint}). Nothing was saved.`,
        },
      },
      409,
    );
  const body: ErrorBody = {
    error: {
      code: 'validation',
      message: `The values break the rule ${constraint}; check the related fields together. Nothing was saved.`,
      fields: { _: `violates ${constraint}` },
    },
  };
  return c.json(body, 400);
}

export function errorResponse(c: Context, err: unknown) {
  if (err instanceof DomainError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (Object.keys(err.fields).length > 0) body.error.fields = err.fields;
    const details = err.details as { current?: unknown } | undefined;
    if (details?.current !== undefined) body.error.current = details.current;
    return c.json(body, STATUS[err.code]);
  }
  if (isDatabaseUnavailable(err)) {
    return c.json(
      {
        error: {
          code: 'unavailable',
          message: 'The database is not answering; try again in a moment. Nothing was saved.',
        },
      },
      503,
    );
  }
  return constraintResponse(c, err);
}
