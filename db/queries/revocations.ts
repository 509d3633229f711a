/** Writes and reads of principal_revocations (see db/schema/revocations.ts). */
import { asc, gt, lt, sql } from 'drizzle-orm';
import type { Database, Db } from '../client';
import { principalRevocations, type REVOCATION_SCOPES } from '../schema';

export const REVOCATIONS_CHANNEL = 'bw_revocations';

export interface Revocation {
  scope: (typeof REVOCATION_SCOPES)[number];
  userId: string;
  sessionId?: string | null;
  keepSessionId?: string | null;
  tokenId?: string | null;
  reason: string;
}

export interface StoredRevocation extends Revocation {
  id: number;
}

/**
 * Records a revocation and wakes every node (NOTIFY is delivered at commit; this node's watcher is
 * woken in-process too, since PGlite has no second listener).
 */
export async function recordRevocation(database: Database, r: Revocation): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.insert(principalRevocations).values({
      scope: r.scope,
      userId: r.userId,
      sessionId: r.sessionId ?? null,
      keepSessionId: r.keepSessionId ?? null,
      tokenId: r.tokenId ?? null,
      reason: r.reason,
    });
    await tx.execute(sql`select pg_notify(${REVOCATIONS_CHANNEL}, '')`);
  });
  database.events.emit('revocation');
}

export async function readRevocationsAfter(db: Db, after: number, limit: number): Promise<StoredRevocation[]> {
  const rows = await db
    .select()
    .from(principalRevocations)
    .where(gt(principalRevocations.id, after))
    .orderBy(asc(principalRevocations.id))
    .limit(limit);
  return rows.map((r) => ({
    id: Number(r.id),
    scope: r.scope as Revocation['scope'],
    userId: r.userId,
    sessionId: r.sessionId,
    keepSessionId: r.keepSessionId,
    tokenId: r.tokenId,
    reason: r.reason,
  }));
}

export async function topRevocationId(db: Db): Promise<number> {
  const [row] = await db
    .select({ top: sql<number>`coalesce(max(${principalRevocations.id}), 0)` })
    .from(principalRevocations);
  return Number(row?.top ?? 0);
}

/** Old rows name sockets that have long been closed or re-checked. */
export async function purgeRevocations(db: Db, olderThan: Date): Promise<void> {
  await db.delete(principalRevocations).where(lt(principalRevocations.at, olderThan.toISOString()));
}
