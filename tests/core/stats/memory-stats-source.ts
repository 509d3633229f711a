/**
 * A StatsSource over plain arrays: the reference the SQL source is held to. It filters records with
 * the live-view rules (match-filter.ts) and turns them into cells through core/rollup.
 */
import type { Incident } from '../../../core/incident/schema';
import type { Operation } from '../../../core/operation/schema';
import { incidentCells, operationCells } from '../../../core/stats/cells';
import type { StatsSource } from '../../../core/stats/compute-stats';
import { DEFAULT_REPORT_ZONE, localDay } from '../../../core/time/report-zone';
import { incidentMatches, operationMatches } from '../../../core/stats/match-filter';

export function memoryStatsSource(
  incidents: Incident[],
  operations: Operation[],
  groups: Record<string, string> = {},
  zone = DEFAULT_REPORT_ZONE,
): StatsSource {
  return {
    incidentCells: async (filter, period, shape) =>
      incidentCells(
        incidents.filter((i) => incidentMatches(i, { ...filter, from: period.from ?? undefined, to: period.to })),
        shape.bucket ?? null,
        zone,
      ),
    operationCells: async (filter, period, bucket) =>
      operationCells(
        operations.filter((o) => operationMatches(o, { ...filter, from: period.from ?? undefined, to: period.to })),
        bucket,
        zone,
      ),
    firstDay: async () => {
      const days = [...incidents, ...operations]
        .filter((r) => !r.retractedAt)
        .map((r) => localDay(r.occurredAt, zone))
        .sort();
      return days[0] ?? null;
    },
    groupNames: async () => new Map(Object.entries(groups)),
  };
}
