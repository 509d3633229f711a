/**
 * Reads of the small reference tables (groups, reference figures, annotations): whole lists,
 * since each holds tens to hundreds of rows, with retracted rows excluded unless asked for.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Annotation } from '../../core/annotation/schema';
import type { Group, StrengthEstimate } from '../../core/group/schema';
import type { ReferenceFigure } from '../../core/reference-figure/schema';
import type { Db } from '../client';
import { annotations, groups, groupStrengthEstimates, referenceFigures } from '../schema';
import { annotationFromRow } from '../repositories/annotations';
import { groupFromRow } from '../repositories/groups';
import { referenceFigureFromRow } from '../repositories/reference-figures';

export type RetractedMode = 'include' | 'exclude' | 'only';

function retractedCondition(column: AnyPgColumn, mode: RetractedMode = 'exclude'): SQL | undefined {
  if (mode === 'exclude') return isNull(column);
  if (mode === 'only') return isNotNull(column);
  return undefined;
}

async function withEstimates(db: Db, rows: (typeof groups.$inferSelect)[]): Promise<Group[]> {
  if (rows.length === 0) return [];
  const est = await db
    .select()
    .from(groupStrengthEstimates)
    .where(
      inArray(
        groupStrengthEstimates.groupId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(groupStrengthEstimates.groupId), asc(groupStrengthEstimates.position));
  const byGroup = new Map<string, StrengthEstimate[]>();
  for (const e of est) {
    const list = byGroup.get(e.groupId) ?? [];
    list.push({ low: e.low, high: e.high, asOf: e.asOf, source: e.source });
    byGroup.set(e.groupId, list);
  }
  return rows.map((r) => groupFromRow(r, byGroup.get(r.id) ?? []));
}

export async function listGroups(db: Db, opts: { retracted?: RetractedMode } = {}): Promise<Group[]> {
  const rows = await db
    .select()
    .from(groups)
    .where(retractedCondition(groups.retractedAt, opts.retracted))
    .orderBy(asc(groups.shortName));
  return withEstimates(db, rows);
}

export async function getGroup(db: Db, id: string): Promise<Group | null> {
  const rows = await db.select().from(groups).where(eq(groups.id, id));
  return (await withEstimates(db, rows))[0] ?? null;
}

export async function listReferenceFigures(
  db: Db,
  opts: { retracted?: RetractedMode } = {},
): Promise<ReferenceFigure[]> {
  const rows = await db
    .select()
    .from(referenceFigures)
    .where(retractedCondition(referenceFigures.retractedAt, opts.retracted))
    .orderBy(asc(referenceFigures.periodStart), asc(referenceFigures.metric), asc(referenceFigures.id));
  return rows.map(referenceFigureFromRow);
}

export async function getReferenceFigure(db: Db, id: string): Promise<ReferenceFigure | null> {
  const [row] = await db.select().from(referenceFigures).where(eq(referenceFigures.id, id));
  return row ? referenceFigureFromRow(row) : null;
}

/** Annotations by date (annotations_date_idx), optionally within [from, to] calendar dates. */
export async function listAnnotations(
  db: Db,
  opts: { retracted?: RetractedMode; from?: string; to?: string } = {},
): Promise<Annotation[]> {
  const where = [
    retractedCondition(annotations.retractedAt, opts.retracted),
    opts.from ? gte(annotations.date, opts.from) : undefined,
    opts.to ? lte(annotations.date, opts.to) : undefined,
  ];
  const rows = await db
    .select()
    .from(annotations)
    .where(and(...where))
    .orderBy(asc(annotations.date), asc(annotations.id));
  return rows.map(annotationFromRow);
}

export async function getAnnotation(db: Db, id: string): Promise<Annotation | null> {
  const [row] = await db.select().from(annotations).where(eq(annotations.id, id));
  return row ? annotationFromRow(row) : null;
}
