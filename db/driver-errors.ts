/**
 * Driver errors (postgres.js, PGlite, under drizzle's wrapper) as typed core errors, in one place:
 * SQLSTATE codes and connection error names stop here (core/errors.ts has the types).
 * - connection lost, refused, shutting down → StoreUnavailableError ('unknown' once COMMIT was sent)
 * - 23505 unique violation → UniqueViolationError
 * - other 23xxx constraints → ValidationError naming the constraint (the caller's input, never 500)
 * - 40P01 deadlock, 40001 serialization failure → StoreUnavailableError ('not-committed': retried)
 */
import { DomainError, StoreUnavailableError, UniqueViolationError, ValidationError } from '../core/errors';

type Cause = { code?: unknown; message?: unknown; cause?: unknown; constraint?: unknown; constraint_name?: unknown };

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/** The chain of causes: drizzle wraps the driver's error, which carries the SQLSTATE. */
function causes(err: unknown): Cause[] {
  const out: Cause[] = [];
  for (let e = err as Cause | undefined, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    out.push(e);
    e = e.cause as Cause | undefined;
  }
  return out;
}

/** Connection-level failures: SQLSTATE class 08 (connection), 57P (shutdown), 53 (resources), a closed PGlite. */
export function isConnectionFailure(err: unknown): boolean {
  if (err instanceof StoreUnavailableError) return true;
  if (err instanceof DomainError) return false;
  return causes(err).some(({ code, message }) => {
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^(08|57P|53)/.test(code))) return true;
    return (
      typeof message === 'string' && /PGlite is closed|Connection terminated|database did not answer/i.test(message)
    );
  });
}

function constraintOf(err: unknown): { code: string; constraint: string } | null {
  for (const e of causes(err)) {
    if (typeof e.code === 'string' && /^23\d{3}$/.test(e.code)) {
      const name = e.constraint_name ?? e.constraint;
      return { code: e.code, constraint: typeof name === 'string' ? name : 'a database constraint' };
    }
  }
  return null;
}

/**
 * The typed error for a driver error; anything unrecognised is returned as it is (a 500 and a log
 * line: a bug, not the caller's fault). `afterCommitSent`: the failure came once COMMIT was sent.
 */
export function translateDriverError(err: unknown, afterCommitSent = false): unknown {
  if (err instanceof DomainError) return err;
  if (isConnectionFailure(err)) return new StoreUnavailableError(afterCommitSent ? 'unknown' : 'not-committed', err);
  // A deadlock or serialization failure rolled the transaction back: nothing was saved, and the
  // same write can be tried again (the write path does, core/write/exactly-once.ts).
  if (causes(err).some(({ code }) => code === '40P01' || code === '40001'))
    return new StoreUnavailableError('not-committed', err);
  const violated = constraintOf(err);
  if (!violated) return err;
  if (violated.code === '23505') return new UniqueViolationError(violated.constraint);
  return new ValidationError(
    { _: `violates ${violated.constraint}` },
    `The values break the rule ${violated.constraint}; check the related fields together. Nothing was saved.`,
  );
}

/**
 * The failure of a pooled connection that was already dead when the query went out (its backend
 * was terminated by a restart or a failover), as opposed to a database that cannot be reached now
 * (refused, timed out, starting up): the next pooled connection may well be alive.
 */
export function isDeadPooledConnection(err: unknown): boolean {
  if (err instanceof DomainError) return false;
  return causes(err).some(({ code, message }) => {
    if (typeof code === 'string' && DEAD_CONNECTION_CODES.has(code)) return true;
    return typeof message === 'string' && /Connection terminated/i.test(message);
  });
}

const DEAD_CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'ECONNRESET',
  'EPIPE',
  '57P01', // admin_shutdown: the backend was terminated
  '57P02', // crash_shutdown
  '08006', // connection_failure
  '08003', // connection_does_not_exist
]);

/**
 * A read run again while it fails on dead pooled connections: after the database restarts, each
 * pooled connection the shutdown terminated fails its first query, and a read is safe to repeat.
 * Each dead connection fails at most twice (db/client.ts bounds `attempts` by the pool size); a
 * failure to connect (the database is away) ends the retries at once. Writes never come here: the write path
 * decides what a lost commit means.
 */
export async function readRetryingDeadConnections<T>(read: () => Promise<T>, attempts: number): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await read();
    } catch (err) {
      if (n >= attempts || !isDeadPooledConnection(err)) throw err;
    }
  }
}
