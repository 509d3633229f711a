/** Maps incidents and operations between their read shape (core) and their flat rows. */
import { CASUALTY_CATEGORIES } from '../../core/enums';
import type { Casualties } from '../../core/common-schemas';
import type { Incident } from '../../core/incident/schema';
import type { Operation } from '../../core/operation/schema';
import type { incidents, operations } from '../schema';

type IncidentRow = typeof incidents.$inferSelect;
type OperationRow = typeof operations.$inferSelect;
type FigureColumns = Record<string, number | null>;

/** Postgres returns timestamptz as '2025-01-02 03:04:05+00'; the read shape uses ISO 8601. */
export const iso = (v: string): string => new Date(v).toISOString();
export const isoOrNull = (v: string | null): string | null => (v === null ? null : iso(v));

export function figuresToColumns(c: Casualties): FigureColumns {
  const out: FigureColumns = {};
  for (const side of ['killed', 'injured'] as const) {
    for (const cat of CASUALTY_CATEGORIES) {
      out[`${side}_${cat}_low`] = c[side][cat].low;
      out[`${side}_${cat}_high`] = c[side][cat].high;
    }
  }
  return out;
}

const numberOrNull = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

export function columnsToFigures(row: FigureColumns): Casualties {
  const side = (s: 'killed' | 'injured') =>
    Object.fromEntries(
      CASUALTY_CATEGORIES.map((cat) => [
        cat,
        // null stays null: "not reported" is not 0.
        { low: numberOrNull(row[`${s}_${cat}_low`]), high: numberOrNull(row[`${s}_${cat}_high`]) },
      ]),
    ) as Casualties['killed'];
  return { killed: side('killed'), injured: side('injured') };
}

const versionedFromRow = (r: IncidentRow | OperationRow) => ({
  id: r.id,
  version: r.version,
  createdAt: iso(r.createdAt),
  createdBy: r.createdBy,
  updatedAt: iso(r.updatedAt),
  updatedBy: r.updatedBy,
  retractedAt: isoOrNull(r.retractedAt),
  retractedBy: r.retractedBy,
  retractionReason: r.retractionReason,
});

export function incidentFromRow(r: IncidentRow): Incident {
  return {
    ...versionedFromRow(r),
    occurredAt: iso(r.occurredAt),
    timePrecision: r.timePrecision as Incident['timePrecision'],
    country: r.country as Incident['country'],
    province: r.province as Incident['province'],
    district: r.district,
    place: r.place,
    latitude: r.latitude,
    longitude: r.longitude,
    geoPrecision: r.geoPrecision as Incident['geoPrecision'],
    type: r.type as Incident['type'],
    category: r.category as Incident['category'],
    targetType: r.targetType as Incident['targetType'],
    groupId: r.groupId,
    groupName: r.groupName,
    actors: r.actors,
    claimed: r.claimed,
    crossBorder: r.crossBorder as Incident['crossBorder'],
    foreignNationals: r.foreignNationals as Incident['foreignNationals'],
    casualties: columnsToFigures(r as unknown as FigureColumns),
    summary: r.summary,
    sources: r.sources,
    verification: r.verification as Incident['verification'],
    externalId: r.externalId,
    synthetic: r.synthetic,
    occurredUntil: r.occurredUntil,
    sourceFields: r.sourceFields,
    syncedAt: isoOrNull(r.syncedAt),
  };
}

export function incidentToRow(i: Incident): IncidentRow {
  const { casualties, ...rest } = i;
  return { ...rest, ...figuresToColumns(casualties) } as unknown as IncidentRow;
}

export function operationFromRow(r: OperationRow): Operation {
  return {
    ...versionedFromRow(r),
    occurredAt: iso(r.occurredAt),
    timePrecision: r.timePrecision as Operation['timePrecision'],
    country: r.country as Operation['country'],
    province: r.province as Operation['province'],
    district: r.district,
    place: r.place,
    latitude: r.latitude,
    longitude: r.longitude,
    geoPrecision: r.geoPrecision as Operation['geoPrecision'],
    kind: r.kind as Operation['kind'],
    agency: r.agency,
    groupId: r.groupId,
    groupName: r.groupName,
    actors: r.actors,
    count: r.count,
    militantsKilled: r.militantsKilled,
    militantsArrested: r.militantsArrested,
    securityKilled: r.securityKilled,
    securityInjured: r.securityInjured,
    summary: r.summary,
    sources: r.sources,
    verification: r.verification as Operation['verification'],
    externalId: r.externalId,
    synthetic: r.synthetic,
    occurredUntil: r.occurredUntil,
    sourceFields: r.sourceFields,
    syncedAt: isoOrNull(r.syncedAt),
  };
}

export const operationToRow = (o: Operation): OperationRow => o as unknown as OperationRow;
