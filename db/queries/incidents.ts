/**
 * Incident reads for lists and record pages: filters from core/filters.ts, keyset pagination on
 * (sort column, id) served by incidents_occurred_at_idx / incidents_created_at_idx.
 */
import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { IncidentFilter } from '../../core/filters';
import type { Incident } from '../../core/incident/schema';
import type { Db } from '../client';
import { incidents } from '../schema';
import type { RecordSource } from '../../core/provenance';
import { recordWhere, statsFilter, type RecordFilter } from './record-where';
import { incidentFromRow } from '../repositories/incidents';

export const RECORD_SORTS = ['-occurredAt', 'occurredAt', '-createdAt'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

/** Where the previous page ended: the sort column's raw value and the row id. */
export interface PageKey {
  value: string;
  id: string;
}

export interface PageRequest<F> {
  filter: F;
  sort: RecordSort;
  limit: number;
  after: PageKey | null;
}

export interface Page<T> {
  items: T[];
  next: PageKey | null;
}

/** The columns a page is sorted and keyed by. */
interface SortColumns {
  id: AnyPgColumn;
  occurredAt: AnyPgColumn;
  createdAt: AnyPgColumn;
}

/** The keyset condition and ORDER BY of a sort, so that pages neither skip nor repeat rows. */
export function pageOrder(
  t: SortColumns,
  sort: RecordSort,
  after: PageKey | null,
): { where: SQL | null; orderBy: SQL[] } {
  const column = sort === '-createdAt' ? t.createdAt : t.occurredAt;
  const ascending = sort === 'occurredAt';
  const orderBy = ascending ? [asc(column), asc(t.id)] : [desc(column), desc(t.id)];
  if (!after) return { where: null, orderBy };
  const past = ascending ? gt : lt;
  const where = or(
    past(column, sql`${after.value}::timestamptz`),
    and(eq(column, sql`${after.value}::timestamptz`), past(t.id, sql`${after.id}::uuid`)),
  )!;
  return { where, orderBy };
}

/** Runs a page query for limit + 1 rows and turns the extra row into the next page key. */
export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  keyOf: (r: R) => string,
  map: (r: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), next: more && last ? { value: keyOf(last), id: last.id } : null };
}

export async function listIncidents(db: Db, req: PageRequest<IncidentFilter>): Promise<Page<Incident>> {
  const f = req.filter;
  const order = pageOrder(incidents, req.sort, req.after);
  const rows = await db
    .select()
    .from(incidents)
    .where(and(recordWhere(incidents, f), order.where ?? undefined))
    .orderBy(...order.orderBy)
    .limit(req.limit + 1);
  // The raw timestamp text keeps Postgres's microseconds, so the cursor compares exactly.
  return toPage(rows, req.limit, (r) => (req.sort === '-createdAt' ? r.createdAt : r.occurredAt), incidentFromRow);
}

export async function getIncident(db: Db, id: string): Promise<Incident | null> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row ? incidentFromRow(row) : null;
}

/** How many incidents a list filter selects (for a list whose filter the stats cannot apply: actor, source). */
export async function countIncidents(db: Db, filter: IncidentFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(incidents)
    .where(recordWhere(incidents, filter));
  return Number(row?.n ?? 0);
}

/**
 * The sources of the live incidents a stats filter counts (core/provenance.ts sourceOf in SQL), so
 * a figure can say which sources it includes.
 */
export async function incidentSources(db: Db, filter: RecordFilter): Promise<Partial<Record<RecordSource, number>>> {
  const source = sql<string>`CASE
    WHEN ${incidents.externalId} IS NULL OR ${incidents.externalId} LIKE 'acled:BW-%' THEN 'local'
    WHEN ${incidents.externalId} SIMILAR TO '(acled|ucdp|gtd):%' THEN split_part(${incidents.externalId}, ':', 1)
    ELSE 'local' END`;
  const rows = await db
    .select({ source, n: sql<number>`count(*)::int` })
    .from(incidents)
    .where(recordWhere(incidents, statsFilter(filter)))
    .groupBy(source);
  return Object.fromEntries(rows.map((r) => [r.source, Number(r.n)]));
}
