/** The one place where errors become HTTP answers: `{ error: { code, message, fields } }`. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorCode } from '../../core/errors';
import { translateDriverError } from '../../db/driver-errors';

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

export function errorResponse(c: Context, raw: unknown) {
  // Reads reach here with the driver's own errors; writes arrive translated already.
  const err = translateDriverError(raw);
  if (err instanceof DomainError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (Object.keys(err.fields).length > 0) body.error.fields = err.fields;
    const details = err.details as { current?: unknown } | undefined;
    if (details?.current !== undefined) body.error.current = details.current;
    return c.json(body, STATUS[err.code]);
  }
  return null;
}
