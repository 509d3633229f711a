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
 * The one rule for a record without a known group: `groupId` is NULL on the record, '' in rollup
 * cells (a key column cannot be NULL), and the word "unknown" in filters and breakdowns.
 */
export const UNKNOWN_GROUP = 'unknown';
export const groupCellKey = (groupId: string | null): string => groupId ?? UNKNOWN_KEY;
export const groupKeyOfFilter = (group: string): string => (group === UNKNOWN_GROUP ? UNKNOWN_KEY : group);
export const groupFilterOfKey = (key: string): string => (key === UNKNOWN_KEY ? UNKNOWN_GROUP : key);
/** The same rule in SQL over a table with `group_id` (rebuilds from raw rows). */
export const GROUP_CELL_KEY_SQL = `coalesce(group_id::text, '${UNKNOWN_KEY}')`;

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
    groupKey: groupCellKey(i.groupId),
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
  for (const c of CASUALTY_CATEGORIES) {
    const k = i.casualties.killed[c];
    const j = i.casualties.injured[c];
    m[`killedLow_${c}`] = sign * k.low;
    m[`killedHigh_${c}`] = sign * (k.high ?? k.low);
    m[`injuredLow_${c}`] = sign * j.low;
    m[`injuredHigh_${c}`] = sign * (j.high ?? j.low);
    if (k.high !== null || j.high !== null) hasHigh = true;
  }
  m.withHigh = hasHigh ? sign : 0;
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
      groupKey: groupCellKey(o.groupId),
      verification: o.verification,
    },
    measures: {
      records: sign,
      operations: sign * o.count,
      militantsKilled: sign * o.militantsKilled,
      militantsArrested: sign * o.militantsArrested,
      securityKilled: sign * o.securityKilled,
      securityInjured: sign * o.securityInjured,
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
