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

/** A domain error as the API answers it; `fieldPrefix` places the fields inside a larger body (a batch item). */
export function domainErrorAnswer(
  err: DomainError,
  fieldPrefix?: string,
): { status: ContentfulStatusCode; body: ErrorBody } {
  const body: ErrorBody = { error: { code: err.code, message: err.message } };
  const fields = Object.entries(err.fields);
  if (fields.length > 0)
    body.error.fields = Object.fromEntries(
      fieldPrefix === undefined
        ? fields
        : fields.map(([path, message]) => [path === '_' ? fieldPrefix : `${fieldPrefix}.${path}`, message]),
    );
  const details = err.details as { current?: unknown } | undefined;
  if (details?.current !== undefined) body.error.current = details.current;
  return { status: STATUS[err.code], body };
}

export function errorResponse(c: Context, raw: unknown) {
  // Reads reach here with the driver's own errors; writes arrive translated already.
  const err = translateDriverError(raw);
  if (err instanceof DomainError) {
    const { status, body } = domainErrorAnswer(err);
    return c.json(body, status);
  }
  return null;
}
