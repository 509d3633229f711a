/**
 * Per-account backoff beside the per-address limit: an attacker spreading guesses over many
 * addresses still meets it. After FREE_FAILURES failed sign-ins for one email (existing or not, so
 * the answer says nothing about which accounts exist), each further attempt must wait twice as long
 * as the last, up to 15 minutes. Kept in better-auth's rate_limit table (keys `account:<email>`,
 * which its own `<ip>|<path>` keys never match), so every node shares it.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimit } from '../../db/schema';

export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;
/** A quiet hour forgets earlier failures. */
const FORGET_MS = 60 * 60_000;

const keyOf = (email: string) => `account:${email.trim().toLowerCase()}`;

export function waitAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES));
}

/** Seconds this email must still wait before another attempt, or 0. */
export async function backoffSeconds(db: Db, email: string, now = Date.now()): Promise<number> {
  const [row] = await db
    .select()
    .from(rateLimit)
    .where(eq(rateLimit.key, keyOf(email)));
  if (!row || now - row.lastRequest > FORGET_MS) return 0;
  const left = row.lastRequest + waitAfter(row.count) - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

export async function recordFailure(db: Db, email: string, now = Date.now()): Promise<void> {
  await db
    .insert(rateLimit)
    .values({ id: randomUUID(), key: keyOf(email), count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${now} - ${rateLimit.lastRequest} > ${FORGET_MS} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: now,
      },
    });
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.delete(rateLimit).where(eq(rateLimit.key, keyOf(email)));
}
