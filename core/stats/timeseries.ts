/** Incidents (stacked by type), operations and casualties per bucket, with empty buckets filled. */
import { CASUALTY_CATEGORIES, INCIDENT_TYPES, type CasualtyCategory, type IncidentType } from '../enums';
import { localDateTime } from '../time/report-zone';
import { enumerateBuckets } from './buckets';
import type { IncidentCell, OperationCell } from './cells';
import type { Bucket, Period, TimeseriesPoint } from './stats-types';

const zeroBy = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function emptyPoint(
  start: number,
  end: number,
  period: { from: number; to: number },
  bucket: Bucket,
  zone: string,
): TimeseriesPoint {
  const local = localDateTime(start, zone);
  return {
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    day: local.slice(0, 10),
    ...(bucket === 'hour' ? { time: local.slice(11, 16) } : {}),
    partial: start < period.from || end > period.to,
    incidents: 0,
    byType: zeroBy<IncidentType>(INCIDENT_TYPES),
    operations: 0,
    militantsKilled: 0,
    militantsArrested: 0,
    killed: zeroBy<CasualtyCategory>(CASUALTY_CATEGORIES),
    injured: zeroBy<CasualtyCategory>(CASUALTY_CATEGORIES),
    killedHigh: 0,
    injuredHigh: 0,
    killedMissing: 0,
    injuredMissing: 0,
    militantsKilledMissing: 0,
    militantsArrestedMissing: 0,
  };
}

/**
 * `period.from` must be resolved (for "all time", the first recorded day). Cells need `bucket`
 * (the key from buckets.ts); cells outside the period's buckets are ignored.
 */
export function buildTimeseries(
  period: Period & { from: string },
  bucket: Bucket,
  zone: string,
  incidents: readonly IncidentCell[],
  operations: readonly OperationCell[],
): TimeseriesPoint[] {
  const range = { from: Date.parse(period.from), to: Date.parse(period.to) };
  const points = enumerateBuckets(range.from, range.to, bucket, zone).map((b) =>
    emptyPoint(b.start, b.end, range, bucket, zone),
  );
  const index = new Map(points.map((p, i) => [p.start, i]));
  for (const c of incidents) {
    const p = c.bucket === undefined ? undefined : points[index.get(c.bucket) ?? -1];
    if (!p) continue;
    const m = c.measures;
    p.incidents += m.incidents;
    if (c.byType) for (const t of INCIDENT_TYPES) p.byType[t] += c.byType[t] ?? 0;
    else if (c.type) p.byType[c.type] += m.incidents;
    for (const cat of CASUALTY_CATEGORIES) {
      p.killed[cat] += m[`killedLow_${cat}`];
      p.injured[cat] += m[`injuredLow_${cat}`];
      p.killedHigh += m[`killedHigh_${cat}`];
      p.injuredHigh += m[`injuredHigh_${cat}`];
    }
    p.killedMissing += m.killedMissing;
    p.injuredMissing += m.injuredMissing;
  }
  for (const c of operations) {
    const p = c.bucket === undefined ? undefined : points[index.get(c.bucket) ?? -1];
    if (!p) continue;
    p.operations += c.measures.operations;
    p.militantsKilled += c.measures.militantsKilled;
    p.militantsArrested += c.measures.militantsArrested;
    p.militantsKilledMissing += c.measures.militantsKilledMissing;
    p.militantsArrestedMissing += c.measures.militantsArrestedMissing;
  }
  return points;
}

/** Total killed ("at least") in a point, for charts and summaries. */
export const pointKilled = (p: TimeseriesPoint): number => CASUALTY_CATEGORIES.reduce((s, c) => s + p.killed[c], 0);
