/**
 * Every rollup measure and key as its SQL column, in one place: the schema declares the columns
 * from it, the writes upsert through it, the stats read through it and the rebuild fills it.
 */
import {
  INCIDENT_MEASURES,
  OPERATION_MEASURES,
  type IncidentMeasure,
  type IncidentRollupKey,
  type OperationMeasure,
  type OperationRollupKey,
} from '../../core/rollup/incident-rollup';
import {
  BY_TYPE_MEASURES,
  type ByTypeMeasure,
  type NarrowIncidentKey,
  type NarrowOperationKey,
} from '../../core/rollup/narrow-rollups';

/** A measure or key name as its SQL column: `killedCivilians` → `killed_civilians`. */
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const columnsOf = <M extends string>(names: readonly M[]) =>
  Object.fromEntries(names.map((m) => [m, snake(m)])) as Record<M, string>;

export const INCIDENT_MEASURE_COLUMNS: Record<IncidentMeasure, string> = columnsOf(INCIDENT_MEASURES);
export const OPERATION_MEASURE_COLUMNS: Record<OperationMeasure, string> = columnsOf(OPERATION_MEASURES);
/** The narrow incident rollup's per-type incident counts. */
export const BY_TYPE_MEASURE_COLUMNS: Record<ByTypeMeasure, string> = columnsOf(BY_TYPE_MEASURES);

/** Any measure of any rollup table as its column. */
export const MEASURE_COLUMNS: Record<string, string> = {
  ...INCIDENT_MEASURE_COLUMNS,
  ...OPERATION_MEASURE_COLUMNS,
  ...BY_TYPE_MEASURE_COLUMNS,
};

export const INCIDENT_KEY_COLUMNS: Record<keyof IncidentRollupKey, string> = {
  day: 'day',
  country: 'country',
  province: 'province',
  groupKey: 'group_key',
  type: 'type',
  category: 'category',
  targetType: 'target_type',
  verification: 'verification',
};
export const OPERATION_KEY_COLUMNS: Record<keyof OperationRollupKey, string> = {
  day: 'day',
  country: 'country',
  province: 'province',
  kind: 'kind',
  groupKey: 'group_key',
  verification: 'verification',
};
export const NARROW_INCIDENT_KEY_COLUMNS: Record<keyof NarrowIncidentKey, string> = {
  dim: 'dim',
  grain: 'grain',
  start: 'start',
  key: 'key',
};
export const NARROW_OPERATION_KEY_COLUMNS: Record<keyof NarrowOperationKey, string> = {
  grain: 'grain',
  start: 'start',
};
