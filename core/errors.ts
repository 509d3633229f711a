/**
 * Typed domain errors. Transports map `code` to a status in one place (server/api/errors.ts);
 * verbs and repositories throw these and nothing else for expected failures.
 */
import { valueBounds } from './json-bounds';
import type { ZodError } from 'zod';

export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, fields: Record<string, string> = {}, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export class ValidationError extends DomainError {
  constructor(fields: Record<string, string>, message?: string) {
    const names = Object.keys(fields);
    super(
      'validation',
      message ??
        (names.length === 1
          ? `Invalid value for ${names[0]}: ${fields[names[0]!]}`
          : `Invalid values for ${names.length} fields: ${names.join(', ')}`),
      fields,
    );
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super('not_found', `${entity} ${id} does not exist`);
  }
}

/** An edit made against an outdated version; `details.current` carries the record as it is now. */
export class ConflictError extends DomainError {
  constructor(message: string, current?: unknown) {
    super('conflict', message, {}, current === undefined ? undefined : { current });
  }
}

/**
 * A unique index refused the write (db/ translates the driver's error). For an id or an
 * Idempotency-Key it usually means an earlier attempt or a twin got there first, so the write
 * path looks again before answering; otherwise it is the caller's duplicate (409).
 */
export class UniqueViolationError extends DomainError {
  readonly constraint: string;
  constructor(constraint: string) {
    super('conflict', `This would duplicate an existing record (${constraint}). Nothing was saved.`);
    this.constraint = constraint;
  }
}

/**
 * The database could not be reached or dropped the connection. `outcome`: 'not-committed' when it
 * failed before COMMIT was sent (nothing can have been saved), 'unknown' when COMMIT was sent and
 * its answer was lost (it may have been saved). The write path checks which before it answers.
 */
export class StoreUnavailableError extends DomainError {
  readonly outcome: 'not-committed' | 'unknown';
  constructor(outcome: 'not-committed' | 'unknown', cause?: unknown) {
    super(
      'unavailable',
      outcome === 'unknown'
        ? 'The database stopped answering while the write was committing; whether it was saved is not known.'
        : 'The database is not answering; try again in a moment.',
    );
    this.outcome = outcome;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** Said only after the write path looked the write up and found it absent (docs/adr/0013). */
export class NothingSavedError extends DomainError {
  constructor(what: string) {
    super('unavailable', `The database is not answering; try again in a moment. Nothing was saved (${what}).`);
  }
}

/** The write may have been saved and the database did not answer long enough to tell. */
export class OutcomeUnknownError extends DomainError {
  constructor(what: string, id: string) {
    super(
      'unavailable',
      `The database stopped answering and it could not be confirmed whether ${what} was saved. ` +
        `Repeat the request with the same Idempotency-Key, or look up id ${id}.`,
      {},
      { id },
    );
  }
}

/** Flattens a zod error into `{ "a.b.0": "message" }`, one message per path (the first). */
export function fieldsFromZod(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path.map(String), key].join('.')] ??= 'is not a known field';
      continue;
    }
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    if (!(path in fields)) fields[path] = issue.message;
  }
  return fields;
}

export function validationFromZod(error: ZodError): ValidationError {
  return new ValidationError(fieldsFromZod(error));
}

// An unpaired UTF-16 surrogate: not a character, and not valid in PostgreSQL text or JSON.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Strings PostgreSQL cannot store: a NUL character (text cannot hold U+0000) or an unpaired
 * surrogate (invalid in text and JSON). Refused up front with the field named, instead of failing
 * in the database.
 */
function unstorablePaths(value: unknown, path: string[] = [], out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') {
    const where = path.join('.') || '_';
    if (value.includes('\u0000')) out.push([where, 'contains a NUL character, which cannot be stored']);
    else if (LONE_SURROGATE.test(value))
      out.push([where, 'contains a broken character (an unpaired UTF-16 surrogate)']);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorablePaths(v, [...path, String(i)], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) unstorablePaths(v, [...path, k], out);
  }
  return out;
}

/** Parses with a zod schema and throws a ValidationError naming each bad field. */
export function parseInput<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  value: unknown,
): T {
  // Before any recursive step: unstorablePaths and zod walk the value.
  const bounds = valueBounds(value);
  if (bounds) throw new ValidationError({ _: bounds.field }, bounds.message);
  const unstorable = unstorablePaths(value);
  if (unstorable.length > 0) throw new ValidationError(Object.fromEntries(unstorable));
  const result = schema.safeParse(value);
  if (!result.success) throw validationFromZod(result.error);
  return result.data;
}

/**
 * Parses a PATCH: validates like parseInput, then keeps only the top-level fields the caller sent.
 * zod applies defaults inside optional fields, so without this a patch would reset every field it
 * did not mention. A nested object that is sent (e.g. casualties) is taken whole.
 */
export function parsePatch<T extends object>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  value: unknown,
): T {
  const parsed = parseInput(schema, value);
  const sent = new Set(value && typeof value === 'object' ? Object.keys(value) : []);
  return Object.fromEntries(Object.entries(parsed).filter(([k]) => sent.has(k))) as T;
}
