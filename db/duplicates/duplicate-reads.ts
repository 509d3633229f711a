/** Reads of duplicate candidates: the queue (both records of each pair) and the overview's count. */
import { and, arrayOverlaps, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { UNRESOLVED, type CandidateFilter, type CandidatePair } from '../../core/duplicate/schema';
import type { Incident } from '../../core/incident/schema';
import { iso } from '../repositories/stamps';
import type { Db } from '../client';
import { incidentFromRow } from '../repositories/incidents';
import { duplicateCandidates as dc, incidentMerges as im, incidents } from '../schema';
import { candidateFromRow, touching } from './duplicate-tx';

const a = alias(incidents, 'a');
const b = alias(incidents, 'b');

function where(filter: Partial<Omit<CandidateFilter, 'limit'>>): SQL | undefined {
  const statuses = filter.status ?? [...UNRESOLVED];
  const parts: (SQL | undefined)[] = [inArray(dc.status, statuses)];
  if (filter.from) parts.push(gte(dc.day, filter.from));
  if (filter.to) parts.push(lte(dc.day, filter.to));
  if (filter.province?.length) parts.push(arrayOverlaps(dc.provinces, filter.province));
  // An unresolved pair whose record was retracted (merged with a third, withdrawn) is moot.
  if (statuses.every((s) => UNRESOLVED.includes(s))) parts.push(isNull(a.retractedAt), isNull(b.retractedAt));
  return and(...parts);
}

/** Highest score first, then the latest day. */
export async function listCandidates(db: Db, filter: CandidateFilter): Promise<CandidatePair[]> {
  const rows = await db
    .select({ c: dc, a, b })
    .from(dc)
    .innerJoin(a, sql`${a.id} = ${dc.incidentA}`)
    .innerJoin(b, sql`${b.id} = ${dc.incidentB}`)
    .where(where(filter))
    .orderBy(sql`${dc.status} = 'later'`, desc(dc.score), desc(dc.day), dc.id)
    .limit(filter.limit);
  return rows.map((r) => ({ ...candidateFromRow(r.c), a: incidentFromRow(r.a), b: incidentFromRow(r.b) }));
}

/** Unresolved candidates whose earlier day falls in [from, to] (local days; either open-ended). */
export async function countUnresolved(db: Db, period: { from?: string; to?: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dc)
    .innerJoin(a, sql`${a.id} = ${dc.incidentA}`)
    .innerJoin(b, sql`${b.id} = ${dc.incidentB}`)
    .where(where(period));
  return Number(row?.n ?? 0);
}

/** The candidates of one record (its page's "possible duplicates"). */
export async function candidatesOf(db: Db, id: string) {
  return (await db.select().from(dc).where(touching(id))).map(candidateFromRow);
}

/** A record merged into a survivor and not split out: what the survivor's page offers to split. */
export interface MergedRecord {
  mergedAt: string;
  record: Incident;
}

/** The records merged into `survivorId` and not split out, the latest merge first. */
export async function mergedInto(db: Db, survivorId: string): Promise<MergedRecord[]> {
  const rows = await db
    .select({ mergedAt: im.mergedAt, record: incidents })
    .from(im)
    .innerJoin(incidents, eq(incidents.id, im.mergedId))
    .where(and(eq(im.survivorId, survivorId), isNull(im.splitAt)))
    .orderBy(sql`(${im.survivorBefore}->>'version')::int DESC`);
  return rows.map((r) => ({ mergedAt: iso(r.mergedAt), record: incidentFromRow(r.record) }));
}
