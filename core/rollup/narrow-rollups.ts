/**
 * Narrow rollups: the daily cube projected onto one dimension at a time, at day, week and month
 * grain, with incident counts per type. At a million incidents the cube has about as many cells as there are incidents (each day
 * holds a few hundred distinct province × group × type × target × status combinations), so an
 * all-time chart summed it in hundreds of milliseconds. Projected, an all-time summary reads ~120
 * monthly rows and a weekly series ~520 weekly rows (see bench/RESULTS.md).
 *
 * Each cube delta is projected here, and the writing transaction upserts the projections next to
 * the cube; the rebuild computes the same projections from the cube in SQL.
 */
import { INCIDENT_TYPES, MILITANT_CATEGORIES, type IncidentCategory, type IncidentType } from '../enums';
import type {
  IncidentMeasures,
  IncidentRollupKey,
  OperationMeasures,
  OperationRollupKey,
  RollupDelta,
} from './incident-rollup';
import { mergeDeltas } from './incident-rollup';

export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

/** `all` has the single key ''; the others are the breakdown dimensions. */
export const NARROW_DIMS = ['all', 'type', 'province', 'group', 'target'] as const;
export type NarrowDim = (typeof NARROW_DIMS)[number];

/** Which grains each dimension keeps: days for range ends, weeks for weekly trends, months for the rest. */
export const NARROW_GRAINS: Record<NarrowDim, readonly Grain[]> = {
  all: GRAINS,
  type: GRAINS,
  province: GRAINS,
  group: GRAINS,
  target: GRAINS,
};

/**
 * Besides the cube's measures, each narrow row counts its incidents per type: the trend stacks
 * incidents by type, so one row per bucket (not one per bucket and type) draws it, also for a
 * province or group view.
 */
export const BY_TYPE_MEASURES = INCIDENT_TYPES.map((t) => `byType_${t}` as const);
export type ByTypeMeasure = `byType_${IncidentType}`;
export type NarrowIncidentMeasures = IncidentMeasures & Record<ByTypeMeasure, number>;

function withTypeCounts(m: IncidentMeasures, type: IncidentType): NarrowIncidentMeasures {
  const out = { ...m } as NarrowIncidentMeasures;
  for (const t of INCIDENT_TYPES) out[`byType_${t}`] = t === type ? m.incidents : 0;
  return out;
}

export interface NarrowIncidentKey {
  dim: NarrowDim;
  grain: Grain;
  /** First day of the day, ISO week (Monday) or month, `YYYY-MM-DD`. */
  start: string;
  key: string;
}

export interface NarrowOperationKey {
  grain: Grain;
  start: string;
}

const DAY_MS = 86_400_000;

/** The first day of the grain unit holding the calendar day `day` (`YYYY-MM-DD`, a local day), as date_trunc. */
export function grainStart(day: string, grain: Grain): string {
  if (grain === 'day') return day;
  if (grain === 'month') return `${day.slice(0, 8)}01`;
  const ms = Date.parse(`${day}T00:00:00Z`);
  const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the next unit. */
export function nextGrainStart(start: string, grain: Grain): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (grain === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (grain === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1, 1);
  return d.toISOString().slice(0, 10);
}

const dimKey: Record<NarrowDim, (k: IncidentRollupKey) => string> = {
  all: () => '',
  type: (k) => k.type,
  province: (k) => k.province,
  group: (k) => k.groupKey,
  target: (k) => k.targetType,
};

/**
 * The narrow rollups hold militant violence only: the stats' default view. A query that names other
 * categories (interstate fire, state violence) sums the cube instead.
 */
export const isNarrowCategory = (c: IncidentCategory): boolean =>
  (MILITANT_CATEGORIES as readonly IncidentCategory[]).includes(c);

export function narrowIncidentDeltas(
  deltas: readonly RollupDelta<IncidentRollupKey, IncidentMeasures>[],
): RollupDelta<NarrowIncidentKey, NarrowIncidentMeasures>[] {
  const out: RollupDelta<NarrowIncidentKey, NarrowIncidentMeasures>[] = [];
  for (const d of deltas) {
    if (!isNarrowCategory(d.key.category)) continue;
    const measures = withTypeCounts(d.measures, d.key.type);
    for (const dim of NARROW_DIMS) {
      for (const grain of NARROW_GRAINS[dim])
        out.push({ key: { dim, grain, start: grainStart(d.key.day, grain), key: dimKey[dim](d.key) }, measures });
    }
  }
  return mergeDeltas(out);
}

export function narrowOperationDeltas(
  deltas: readonly RollupDelta<OperationRollupKey, OperationMeasures>[],
): RollupDelta<NarrowOperationKey, OperationMeasures>[] {
  const out: RollupDelta<NarrowOperationKey, OperationMeasures>[] = [];
  for (const d of deltas)
    for (const grain of GRAINS) out.push({ key: { grain, start: grainStart(d.key.day, grain) }, measures: d.measures });
  return mergeDeltas(out);
}

/** What a transaction adds to the incident rollups: the cube's cells and their narrow projections. */
export interface IncidentRollupWrite {
  cube: RollupDelta<IncidentRollupKey, IncidentMeasures>[];
  narrow: RollupDelta<NarrowIncidentKey, NarrowIncidentMeasures>[];
}
export interface OperationRollupWrite {
  cube: RollupDelta<OperationRollupKey, OperationMeasures>[];
  narrow: RollupDelta<NarrowOperationKey, OperationMeasures>[];
}

/** The deltas merged per cell (each cell once per upsert), with their projections: db/ only writes them. */
export function incidentRollupWrite(
  deltas: readonly RollupDelta<IncidentRollupKey, IncidentMeasures>[],
): IncidentRollupWrite {
  const cube = mergeDeltas([...deltas]);
  return { cube, narrow: narrowIncidentDeltas(cube) };
}
export function operationRollupWrite(
  deltas: readonly RollupDelta<OperationRollupKey, OperationMeasures>[],
): OperationRollupWrite {
  const cube = mergeDeltas([...deltas]);
  return { cube, narrow: narrowOperationDeltas(cube) };
}

/**
 * A range of whole days [fromDay, toDay) (fromDay null: from the beginning) as the rows of one
 * coarse grain plus the day rows left at either end. Reading `coarse` rows and `days` rows sums to
 * exactly the range.
 */
export interface GrainSplit {
  coarse: { grain: Grain; from: string | null; to: string } | null;
  days: { from: string | null; to: string }[];
}

export function splitByGrain(range: { fromDay: string | null; toDay: string }, grain: Grain): GrainSplit {
  const { fromDay, toDay } = range;
  if (grain === 'day') return { coarse: null, days: [{ from: fromDay, to: toDay }] };
  const end = grainStart(toDay, grain);
  if (fromDay === null)
    return { coarse: { grain, from: null, to: end }, days: end < toDay ? [{ from: end, to: toDay }] : [] };
  const first = grainStart(fromDay, grain) === fromDay ? fromDay : nextGrainStart(grainStart(fromDay, grain), grain);
  if (first >= end) return { coarse: null, days: fromDay < toDay ? [{ from: fromDay, to: toDay }] : [] };
  const days: { from: string; to: string }[] = [];
  if (fromDay < first) days.push({ from: fromDay, to: first });
  if (end < toDay) days.push({ from: end, to: toDay });
  return { coarse: { grain, from: first, to: end }, days };
}
