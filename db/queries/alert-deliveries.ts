/**
 * The delivery queue and the in-app inbox. Senders claim due rows with a lease (FOR UPDATE SKIP
 * LOCKED, so two nodes never take the same row) and record each attempt's outcome; a node that
 * dies mid-send leaves a lease that lapses, and the row is tried again (receivers dedupe on the
 * delivery id, which is the same on every attempt).
 */
import { and, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { DeliveryOutcome } from '../../core/alert/schema';
import type { Db } from '../client';
import { alertDeliveries } from '../schema';
import { iso, isoOrNull } from '../repositories/stamps';
import { resultRows } from '../result-rows';

export interface DeliveryRow {
  id: string;
  ruleId: string;
  ownerId: string;
  eventKey: string;
  channel: string;
  seq: number;
  title: string;
  payload: Record<string, unknown>;
  outcome: DeliveryOutcome;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
  readAt: string | null;
  createdAt: string;
}

type Row = typeof alertDeliveries.$inferSelect;
const fromRow = (r: Row): DeliveryRow => ({
  id: r.id,
  ruleId: r.ruleId,
  ownerId: r.ownerId,
  eventKey: r.eventKey,
  channel: r.channel,
  seq: Number(r.seq),
  title: r.title,
  payload: r.payload as Record<string, unknown>,
  outcome: r.outcome as DeliveryOutcome,
  attempts: r.attempts,
  lastError: r.lastError,
  nextAttemptAt: iso(r.nextAttemptAt),
  deliveredAt: isoOrNull(r.deliveredAt),
  readAt: isoOrNull(r.readAt),
  createdAt: iso(r.createdAt),
});

type RawRow = Record<string, unknown>;
const when = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();
const fromRaw = (r: RawRow): DeliveryRow => ({
  id: String(r.id),
  ruleId: String(r.rule_id),
  ownerId: String(r.owner_id),
  eventKey: String(r.event_key),
  channel: String(r.channel),
  seq: Number(r.seq),
  title: String(r.title),
  payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
  outcome: r.outcome as DeliveryOutcome,
  attempts: Number(r.attempts),
  lastError: (r.last_error as string | null) ?? null,
  nextAttemptAt: when(r.next_attempt_at)!,
  deliveredAt: when(r.delivered_at),
  readAt: when(r.read_at),
  createdAt: when(r.created_at)!,
});

/** Claims up to `limit` due pending deliveries for `leaseMs`; counts the attempt. */
export async function claimDueDeliveries(db: Db, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
  const result = (await db.execute(sql`
    UPDATE alert_deliveries SET lease_until = now() + ${`${leaseMs} milliseconds`}::interval, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM alert_deliveries
      WHERE outcome = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
      ORDER BY created_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING *`)) as unknown;
  const rows = resultRows<RawRow>(result);
  return rows.map(fromRaw).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function finishDeliveries(
  db: Db,
  ids: string[],
  outcome: { outcome: DeliveryOutcome; error: string | null; retryAt: Date | null },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(alertDeliveries)
    .set({
      outcome: outcome.outcome,
      lastError: outcome.error,
      leaseUntil: null,
      ...(outcome.outcome === 'sent' ? { deliveredAt: sql`now()` } : {}),
      ...(outcome.retryAt ? { nextAttemptAt: outcome.retryAt.toISOString() } : {}),
    })
    .where(inArray(alertDeliveries.id, ids));
}

/** A digest holds claimed rows back until `until` (the claim is not an attempt). */
export async function postponeDeliveries(db: Db, ids: string[], until: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(alertDeliveries)
    .set({ nextAttemptAt: until, leaseUntil: null, attempts: sql`${alertDeliveries.attempts} - 1` })
    .where(inArray(alertDeliveries.id, ids));
}

export async function lastSentAt(db: Db, ruleId: string, channel: string): Promise<string | null> {
  const [row] = await db
    .select({ at: sql<string | null>`max(${alertDeliveries.deliveredAt})` })
    .from(alertDeliveries)
    .where(
      and(
        eq(alertDeliveries.ruleId, ruleId),
        eq(alertDeliveries.channel, channel),
        eq(alertDeliveries.outcome, 'sent'),
      ),
    );
  return row?.at ? iso(String(row.at)) : null;
}

const inboxChannel = or(like(alertDeliveries.channel, '%:in_app'), like(alertDeliveries.channel, '%:browser'));

/** A user's newest in-app and browser alerts, and how many are unread. */
export async function readInbox(db: Db, ownerId: string, limit = 30) {
  const rows = await db
    .select()
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.ownerId, ownerId), inboxChannel))
    .orderBy(desc(alertDeliveries.createdAt), desc(alertDeliveries.seq))
    .limit(limit);
  const [count] = await db
    .select({ n: sql<number>`count(distinct (${alertDeliveries.ruleId}, ${alertDeliveries.eventKey}))::int` })
    .from(alertDeliveries)
    .where(
      and(
        eq(alertDeliveries.ownerId, ownerId),
        like(alertDeliveries.channel, '%:in_app'),
        isNull(alertDeliveries.readAt),
      ),
    );
  return { unread: Number(count?.n ?? 0), items: rows.map(fromRow) };
}

/** Marks the given alerts (or all) read; returns how many changed. */
export async function markInboxRead(db: Db, ownerId: string, ids: string[] | 'all'): Promise<number> {
  const rows = await db
    .update(alertDeliveries)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(alertDeliveries.ownerId, ownerId),
        inboxChannel,
        isNull(alertDeliveries.readAt),
        ids === 'all' ? undefined : inArray(alertDeliveries.id, ids),
      ),
    )
    .returning({ id: alertDeliveries.id });
  return rows.length;
}

export async function listRuleDeliveries(db: Db, ruleId: string, limit = 100): Promise<DeliveryRow[]> {
  const rows = await db
    .select()
    .from(alertDeliveries)
    .where(eq(alertDeliveries.ruleId, ruleId))
    .orderBy(desc(alertDeliveries.createdAt), desc(alertDeliveries.seq))
    .limit(limit);
  return rows.map(fromRow);
}
