/**
 * Rollups: the dashboard never scans raw incidents to draw a chart. Each write adds its record's
 * contribution to a per-day cube and subtracts the previous version's, in the same transaction.
 * These functions are the single definition of "what a record contributes", used by the writing
 * verbs, the rebuild command and the tests that compare rollups with raw aggregates.
 */
import {
  CASUALTY_CATEGORIES,
  type Country,
  type IncidentCategory,
  type IncidentType,
  type OperationKind,
  type Province,
  type TargetType,
  type VerificationStatus,
} from '../enums';
import type { Incident } from '../incident/schema';
import type { Operation } from '../operation/schema';
import { localDay } from '../time/report-zone';

/** A rollup day is the calendar date of `occurredAt` in the reporting zone the rollups are kept in. */
export const dayOf = (iso: string, zone: string): string => localDay(iso, zone);

/** '' stands for "unknown / unclaimed" (and, for operations, "nationwide") in rollup keys. */
export const UNKNOWN_KEY = '';

/**
 * The one rule for a record without a known group (docs/adr/0030): `groupId` is NULL on the record;
 * if its source names a perpetrator (`namedActor`) it is "other named actors" (the 'other' cell and
 * filter value), else "unknown / unclaimed" ('' in rollup cells, as a key column cannot be NULL,
 * and the word "unknown" in filters and breakdowns).
 */
export const UNKNOWN_GROUP = 'unknown';
export const OTHER_GROUP = 'other';
/** The filter values that are not group ids. */
export const GROUP_FILTER_WORDS = [UNKNOWN_GROUP, OTHER_GROUP] as const;
export const UNKNOWN_GROUP_LABEL = 'Unknown / unclaimed';
export const OTHER_GROUP_LABEL = 'Other named actors';
export const groupCellKey = (groupId: string | null, namedActor: boolean): string =>
  groupId ?? (namedActor ? OTHER_GROUP : UNKNOWN_KEY);
/** The filter value of a record's group: its id, "other" or "unknown". */
export const groupFilterOfRecord = (r: { groupId: string | null; namedActor: boolean }): string =>
  groupFilterOfKey(groupCellKey(r.groupId, r.namedActor));
export const groupKeyOfFilter = (group: string): string => (group === UNKNOWN_GROUP ? UNKNOWN_KEY : group);
export const groupFilterOfKey = (key: string): string => (key === UNKNOWN_KEY ? UNKNOWN_GROUP : key);
/** The same rule in SQL over a table with `group_id` and `named_actor` (rebuilds from raw rows). */
export const GROUP_CELL_KEY_SQL = `coalesce(group_id::text, CASE WHEN named_actor THEN '${OTHER_GROUP}' ELSE '${UNKNOWN_KEY}' END)`;

export interface IncidentRollupKey {
  day: string;
  country: Country;
  province: Province;
  groupKey: string;
  type: IncidentType;
  category: IncidentCategory;
  targetType: TargetType;
  verification: VerificationStatus;
}

export const INCIDENT_MEASURES = [
  'incidents',
  ...CASUALTY_CATEGORIES.flatMap(
    (c) => [`killedLow_${c}`, `killedHigh_${c}`, `injuredLow_${c}`, `injuredHigh_${c}`] as const,
  ),
  'withHigh',
  'crossBorderYes',
  'crossBorderNo',
  'foreignYes',
  'foreignNo',
  // Incidents lacking a figure: per category, and for a side as a whole (no category reported).
  // Sums count only reported figures, so these say how much of a total is "at least".
  ...CASUALTY_CATEGORIES.flatMap((c) => [`killedMissing_${c}`, `injuredMissing_${c}`] as const),
  'killedMissing',
  'injuredMissing',
] as const;
export type IncidentMeasure = (typeof INCIDENT_MEASURES)[number];
export type IncidentMeasures = Record<IncidentMeasure, number>;

export interface RollupDelta<K, M> {
  key: K;
  measures: M;
}

export const zeroIncidentMeasures = (): IncidentMeasures =>
  Object.fromEntries(INCIDENT_MEASURES.map((m) => [m, 0])) as IncidentMeasures;

export function incidentRollupKey(i: Incident, zone: string): IncidentRollupKey {
  return {
    day: dayOf(i.occurredAt, zone),
    country: i.country,
    province: i.province,
    groupKey: groupCellKey(i.groupId, i.namedActor),
    type: i.type,
    category: i.category,
    targetType: i.targetType,
    verification: i.verification,
  };
}

/** What one live (not retracted) incident adds to its rollup cell, times `sign`. */
export function incidentContribution(
  i: Incident,
  zone: string,
  sign: 1 | -1 = 1,
): RollupDelta<IncidentRollupKey, IncidentMeasures> | null {
  if (i.retractedAt) return null;
  const m = zeroIncidentMeasures();
  m.incidents = sign;
  let hasHigh = false;
  let killedReported = false;
  let injuredReported = false;
  for (const c of CASUALTY_CATEGORIES) {
    const k = i.casualties.killed[c];
    const j = i.casualties.injured[c];
    m[`killedLow_${c}`] = sign * (k.low ?? 0);
    m[`killedHigh_${c}`] = sign * (k.high ?? k.low ?? 0);
    m[`injuredLow_${c}`] = sign * (j.low ?? 0);
    m[`injuredHigh_${c}`] = sign * (j.high ?? j.low ?? 0);
    m[`killedMissing_${c}`] = k.low === null ? sign : 0;
    m[`injuredMissing_${c}`] = j.low === null ? sign : 0;
    if (k.low !== null) killedReported = true;
    if (j.low !== null) injuredReported = true;
    if (k.high !== null || j.high !== null) hasHigh = true;
  }
  m.withHigh = hasHigh ? sign : 0;
  m.killedMissing = killedReported ? 0 : sign;
  m.injuredMissing = injuredReported ? 0 : sign;
  m.crossBorderYes = i.crossBorder === 'yes' ? sign : 0;
  m.crossBorderNo = i.crossBorder === 'no' ? sign : 0;
  m.foreignYes = i.foreignNationals === 'yes' ? sign : 0;
  m.foreignNo = i.foreignNationals === 'no' ? sign : 0;
  return { key: incidentRollupKey(i, zone), measures: m };
}

/** The deltas that take the rollups from `before` to `after` (either may be null). */
export function incidentRollupDeltas(before: Incident | null, after: Incident | null, zone: string) {
  const out: RollupDelta<IncidentRollupKey, IncidentMeasures>[] = [];
  const minus = before && incidentContribution(before, zone, -1);
  const plus = after && incidentContribution(after, zone, 1);
  if (minus) out.push(minus);
  if (plus) out.push(plus);
  return mergeDeltas(out);
}

export interface OperationRollupKey {
  day: string;
  country: Country;
  province: Province | typeof UNKNOWN_KEY;
  kind: OperationKind;
  groupKey: string;
  verification: VerificationStatus;
}

export const OPERATION_MEASURES = [
  'records',
  'operations',
  'militantsKilled',
  'militantsArrested',
  'securityKilled',
  'securityInjured',
  // Records whose source gives no such figure (null): the sums above are "at least" over the rest.
  'militantsKilledMissing',
  'militantsArrestedMissing',
  'securityKilledMissing',
  'securityInjuredMissing',
] as const;
export type OperationMeasure = (typeof OPERATION_MEASURES)[number];
export type OperationMeasures = Record<OperationMeasure, number>;

export const zeroOperationMeasures = (): OperationMeasures =>
  Object.fromEntries(OPERATION_MEASURES.map((m) => [m, 0])) as OperationMeasures;

export function operationContribution(
  o: Operation,
  zone: string,
  sign: 1 | -1 = 1,
): RollupDelta<OperationRollupKey, OperationMeasures> | null {
  if (o.retractedAt) return null;
  return {
    key: {
      day: dayOf(o.occurredAt, zone),
      country: o.country,
      province: o.province ?? UNKNOWN_KEY,
      kind: o.kind,
      groupKey: groupCellKey(o.groupId, o.namedActor),
      verification: o.verification,
    },
    measures: {
      records: sign,
      operations: sign * o.count,
      militantsKilled: sign * (o.militantsKilled ?? 0),
      militantsArrested: sign * (o.militantsArrested ?? 0),
      securityKilled: sign * (o.securityKilled ?? 0),
      securityInjured: sign * (o.securityInjured ?? 0),
      militantsKilledMissing: o.militantsKilled === null ? sign : 0,
      militantsArrestedMissing: o.militantsArrested === null ? sign : 0,
      securityKilledMissing: o.securityKilled === null ? sign : 0,
      securityInjuredMissing: o.securityInjured === null ? sign : 0,
    },
  };
}

export function operationRollupDeltas(before: Operation | null, after: Operation | null, zone: string) {
  const out: RollupDelta<OperationRollupKey, OperationMeasures>[] = [];
  const minus = before && operationContribution(before, zone, -1);
  const plus = after && operationContribution(after, zone, 1);
  if (minus) out.push(minus);
  if (plus) out.push(plus);
  return mergeDeltas(out);
}

/**
 * Sums deltas that fall in the same cell and drops those that cancel out: an edit that keeps the
 * cell yields one delta (or none), and one upsert command never touches a row twice.
 */
export function mergeDeltas<K extends object, M extends Record<string, number>>(
  deltas: RollupDelta<K, M>[],
): RollupDelta<K, M>[] {
  // Hot on bulk writes (an import merges thousands of projected deltas per batch): plain for-in
  // loops over each cell's own copy, no Object.entries/fromEntries arrays per cell.
  const cells = new Map<string, RollupDelta<K, M>>();
  for (const d of deltas) {
    const id = JSON.stringify(d.key);
    const cell = cells.get(id);
    if (!cell) {
      cells.set(id, { key: d.key, measures: { ...d.measures } });
      continue;
    }
    const m = cell.measures as Record<string, number>;
    for (const k in d.measures) m[k] = (m[k] ?? 0) + d.measures[k]!;
  }
  const out: RollupDelta<K, M>[] = [];
  for (const cell of cells.values()) {
    const m = cell.measures as Record<string, number>;
    let nonZero = false;
    for (const k in m) {
      m[k] = m[k]! + 0; // -0 (a delta and its reversal) becomes 0
      if (m[k] !== 0) nonZero = true;
    }
    if (nonZero) out.push(cell);
  }
  return out;
}
