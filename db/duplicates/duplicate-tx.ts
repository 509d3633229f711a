/** The duplicate verbs' storage inside a write transaction (core/duplicate/ports.ts). */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { DuplicatesTx, IncidentMerge } from '../../core/duplicate/ports';
import type { DuplicateCandidate } from '../../core/duplicate/schema';
import { orderedPair } from '../../core/duplicate/pair-rules';
import type { Db } from '../client';
import { iso, isoOrNull } from '../repositories/stamps';
import { duplicateCandidates as dc, incidentMerges as im } from '../schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** NOTIFY channel: a candidate was found, changed or resolved (every node's queue listeners). */
export const DUPLICATES_CHANNEL = 'bw_duplicates';

export function candidateFromRow(r: typeof dc.$inferSelect): DuplicateCandidate {
  return {
    id: r.id,
    incidentA: r.incidentA,
    incidentB: r.incidentB,
    score: r.score,
    reasons: r.reasons,
    status: r.status as DuplicateCandidate['status'],
    day: r.day,
    provinces: r.provinces,
    foundAt: iso(r.foundAt),
    resolvedAt: isoOrNull(r.resolvedAt),
    resolvedBy: r.resolvedBy,
  };
}

const mergeFromRow = (r: typeof im.$inferSelect): IncidentMerge => ({
  id: r.id,
  candidateId: r.candidateId,
  survivorId: r.survivorId,
  mergedId: r.mergedId,
  survivorBefore: r.survivorBefore,
  choices: r.choices,
  mergedAt: iso(r.mergedAt),
  mergedBy: r.mergedBy,
});

/** `resolved` collects the candidates resolved in the transaction, for the in-process wake-up. */
export function duplicatesTx(tx: Tx, resolved: string[] = []): DuplicatesTx {
  return {
    async lockCandidate(id) {
      const [row] = await tx.select().from(dc).where(eq(dc.id, id)).for('update');
      return row ? candidateFromRow(row) : null;
    },
    async resolve(id, status, at, by) {
      const done = status === 'dismissed' || status === 'merged';
      await tx
        .update(dc)
        .set({ status, resolvedAt: done ? at : null, resolvedBy: done ? by : null })
        .where(eq(dc.id, id));
    },
    async candidateOf(x, y) {
      const [a, b] = orderedPair(x, y);
      const [row] = await tx
        .select()
        .from(dc)
        .where(and(eq(dc.incidentA, a), eq(dc.incidentB, b)));
      return row ? candidateFromRow(row) : null;
    },
    async insertMerge(m) {
      await tx.insert(im).values({ ...m, splitAt: null, splitBy: null });
    },
    async liveMergesInto(survivorId) {
      const rows = await tx
        .select()
        .from(im)
        .where(and(eq(im.survivorId, survivorId), isNull(im.splitAt)))
        // Each merge makes a new version of the survivor: its version before orders them, even
        // two merges within one millisecond.
        .orderBy(sql`(${im.survivorBefore}->>'version')::int DESC`)
        .for('update');
      return rows.map(mergeFromRow);
    },
    async survivorOf(mergedId) {
      const [row] = await tx
        .select({ survivorId: im.survivorId })
        .from(im)
        .where(and(eq(im.mergedId, mergedId), isNull(im.splitAt)));
      return row?.survivorId ?? null;
    },
    async endMerge(id, at, by) {
      await tx.update(im).set({ splitAt: at, splitBy: by }).where(eq(im.id, id));
    },
    async rebaseMerge(id, survivorBefore) {
      await tx.update(im).set({ survivorBefore }).where(eq(im.id, id));
    },
    async notify(ids) {
      resolved.push(...ids);
      await tx.execute(sql`SELECT pg_notify(${DUPLICATES_CHANNEL}, ${ids.slice(0, 100).join(',')})`);
    },
  };
}

/** Candidates that touch a record, from either side. */
export const touching = (id: string) => or(eq(dc.incidentA, id), eq(dc.incidentB, id));
