/**
 * Idempotency-Key for creates: the first answer is stored in the write's own transaction, scoped
 * to who sent it and where, so a replayed answer exists exactly when the write does.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../errors';
import type { Ctx, IdempotencyRecord } from '../ports';

const IdempotencyKey = z.string().min(1, 'cannot be empty').max(200, 'is too long (200 characters at most)');

export interface IdempotencyScope {
  key: string;
  actor: string;
  route: string;
}

/** The key as sent (an HTTP header); a bad one is the caller's error with the header named. */
export function idempotencyScope(ctx: Ctx, route: string, rawKey: string): IdempotencyScope {
  const parsed = IdempotencyKey.safeParse(rawKey.trim());
  if (!parsed.success) {
    const message = parsed.error.issues[0]!.message;
    throw new DomainError('validation', `Invalid Idempotency-Key header: ${message}`, { 'Idempotency-Key': message });
  }
  return { key: parsed.data, actor: ctx.actor.id ?? ctx.actor.label, route };
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

export const requestHash = (input: unknown) => createHash('sha256').update(canonical(input)).digest('hex');

/** A stored answer for this key: the same body replays it, another body is a conflict. */
export function replayOf(prior: IdempotencyRecord, hash: string): IdempotencyRecord {
  if (prior.requestHash !== hash) {
    throw new DomainError(
      'conflict',
      `Idempotency-Key "${prior.key}" was already used with a different body; use a new key for a new request.`,
      { 'Idempotency-Key': 'was used with another body' },
    );
  }
  return prior;
}
