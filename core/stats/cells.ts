/**
 * Cells: rollup rows summed over the dimensions a query does not need. The database returns them
 * for whole days; partial edge days are turned into the same cells here from raw records, through
 * core/rollup's contribution functions, so both sources share one definition of the measures.
 */
import type { IncidentType, Province, TargetType } from '../enums';
import type { Incident } from '../incident/schema';
import type { Operation } from '../operation/schema';
import {
  incidentContribution,
  INCIDENT_MEASURES,
  operationContribution,
  OPERATION_MEASURES,
  zeroIncidentMeasures,
  zeroOperationMeasures,
  type IncidentMeasures,
  type OperationMeasures,
} from '../rollup/incident-rollup';
import { bucketKey } from './buckets';
import type { Bucket } from './stats-types';

export interface IncidentCell {
  /** Bucket start (ISO 8601), when grouped by time. */
  bucket?: string;
  province?: Province;
  /** '' = unknown perpetrator. */
  groupKey?: string;
  type?: IncidentType;
  targetType?: TargetType;
  measures: IncidentMeasures;
  /**
   * Incidents per type, for a cell that spans several types (a narrow rollup row): the trend
   * stacks them without one cell per type and bucket.
   */
  byType?: Partial<Record<IncidentType, number>>;
}

export interface OperationCell {
  bucket?: string;
  measures: OperationMeasures;
}

/** The cells of live (not retracted) incidents, keyed by every dimension and, if given, a bucket. */
export function incidentCells(incidents: readonly Incident[], bucket: Bucket | null, zone: string): IncidentCell[] {
  const out: IncidentCell[] = [];
  for (const i of incidents) {
    const d = incidentContribution(i, zone);
    if (!d) continue;
    out.push({
      ...(bucket ? { bucket: bucketKey(i.occurredAt, bucket, zone) } : {}),
      province: d.key.province,
      groupKey: d.key.groupKey,
      type: d.key.type,
      targetType: d.key.targetType,
      measures: d.measures,
    });
  }
  return out;
}

export function operationCells(operations: readonly Operation[], bucket: Bucket | null, zone: string): OperationCell[] {
  const out: OperationCell[] = [];
  for (const o of operations) {
    const d = operationContribution(o, zone);
    if (!d) continue;
    out.push({ ...(bucket ? { bucket: bucketKey(o.occurredAt, bucket, zone) } : {}), measures: d.measures });
  }
  return out;
}

export function addIncidentMeasures(into: IncidentMeasures, m: IncidentMeasures): IncidentMeasures {
  for (const k of INCIDENT_MEASURES) into[k] += m[k];
  return into;
}

export function addOperationMeasures(into: OperationMeasures, m: OperationMeasures): OperationMeasures {
  for (const k of OPERATION_MEASURES) into[k] += m[k];
  return into;
}

export const sumIncidentCells = (cells: readonly IncidentCell[]): IncidentMeasures =>
  cells.reduce((acc, c) => addIncidentMeasures(acc, c.measures), zeroIncidentMeasures());

export const sumOperationCells = (cells: readonly OperationCell[]): OperationMeasures =>
  cells.reduce((acc, c) => addOperationMeasures(acc, c.measures), zeroOperationMeasures());

/** Sums cells per key; `keyOf` returning undefined drops the cell. */
export function groupIncidentCells(
  cells: readonly IncidentCell[],
  keyOf: (c: IncidentCell) => string | undefined,
): Map<string, IncidentMeasures> {
  const out = new Map<string, IncidentMeasures>();
  for (const c of cells) {
    const k = keyOf(c);
    if (k === undefined) continue;
    let m = out.get(k);
    if (!m) out.set(k, (m = zeroIncidentMeasures()));
    addIncidentMeasures(m, c.measures);
  }
  return out;
}
