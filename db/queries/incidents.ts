/**
 * Incident reads for lists and record pages: filters from core/filters.ts, keyset pagination on
 * (sort column, id) served by incidents_occurred_at_idx / incidents_created_at_idx.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { IncidentFilter } from '../../core/filters';
import type { Incident } from '../../core/incident/schema';
import type { Db } from '../client';
import { incidents } from '../schema';
import { incidentFromRow } from '../repositories/incident-rows';

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

/** The filter parts incidents and operations share (time, place, group, verification, retraction). */
export interface CommonFilter {
  from?: string;
  to?: string;
  country?: string[];
  province?: string[];
  group?: string[];
  status?: string[];
  /** Substring of any actor's name as the source wrote it, case-insensitive. */
  actor?: string;
  retracted?: 'include' | 'exclude' | 'only';
}

interface RecordColumns {
  id: AnyPgColumn;
  occurredAt: AnyPgColumn;
  createdAt: AnyPgColumn;
  country: AnyPgColumn;
  province: AnyPgColumn;
  groupId: AnyPgColumn;
  actors: AnyPgColumn;
  verification: AnyPgColumn;
  retractedAt: AnyPgColumn;
}

export function commonConditions(t: RecordColumns, f: CommonFilter): SQL[] {
  const where: SQL[] = [];
  if (f.from) where.push(sql`${t.occurredAt} >= ${f.from}::timestamptz`);
  if (f.to) where.push(sql`${t.occurredAt} < ${f.to}::timestamptz`);
  if (f.country?.length) where.push(inArray(t.country, f.country));
  if (f.province?.length) where.push(inArray(t.province, f.province));
  if (f.group?.length) {
    const ids = f.group.filter((g) => g !== 'unknown');
    const parts = [
      ...(ids.length ? [inArray(t.groupId, ids)] : []),
      ...(f.group.includes('unknown') ? [isNull(t.groupId)] : []),
    ];
    where.push(parts.length === 1 ? parts[0]! : or(...parts)!);
  }
  if (f.status?.length) where.push(inArray(t.verification, f.status));
  if (f.actor) {
    // LIKE's wildcards in the text are literal: "Group_A" must not match "GroupXA".
    const pattern = `%${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${t.actors}) AS a WHERE a->>'name' ILIKE ${pattern})`);
  }
  const retracted = f.retracted ?? 'exclude';
  if (retracted === 'exclude') where.push(isNull(t.retractedAt));
  if (retracted === 'only') where.push(isNotNull(t.retractedAt));
  return where;
}

/** The keyset condition and ORDER BY of a sort, so that pages neither skip nor repeat rows. */
export function pageOrder(
  t: RecordColumns,
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
  const where = commonConditions(incidents, f);
  if (f.type?.length) where.push(inArray(incidents.type, f.type));
  if (f.category?.length) where.push(inArray(incidents.category, f.category));
  if (f.target?.length) where.push(inArray(incidents.targetType, f.target));
  const order = pageOrder(incidents, req.sort, req.after);
  if (order.where) where.push(order.where);
  const rows = await db
    .select()
    .from(incidents)
    .where(and(...where))
    .orderBy(...order.orderBy)
    .limit(req.limit + 1);
  // The raw timestamp text keeps Postgres's microseconds, so the cursor compares exactly.
  return toPage(rows, req.limit, (r) => (req.sort === '-createdAt' ? r.createdAt : r.occurredAt), incidentFromRow);
}

export async function getIncident(db: Db, id: string): Promise<Incident | null> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row ? incidentFromRow(row) : null;
}
