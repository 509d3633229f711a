/**
 * A StatsSource over plain arrays: the reference the SQL source is held to. It filters records with
 * the live-view rules (match-filter.ts) and turns them into cells through core/rollup.
 */
import type { Incident } from '../../../core/incident/schema';
import type { Operation } from '../../../core/operation/schema';
import { incidentCells, operationCells } from '../../../core/stats/cells';
import type { StatsSource } from '../../../core/stats/compute-stats';
import { incidentMatches, operationMatches } from '../../../core/stats/match-filter';

export function memoryStatsSource(
  incidents: Incident[],
  operations: Operation[],
  groups: Record<string, string> = {},
): StatsSource {
  return {
    incidentCells: async (filter, period, shape) =>
      incidentCells(
        incidents.filter((i) => incidentMatches(i, { ...filter, from: period.from ?? undefined, to: period.to })),
        shape.bucket ?? null,
      ),
    operationCells: async (filter, period, bucket) =>
      operationCells(
        operations.filter((o) => operationMatches(o, { ...filter, from: period.from ?? undefined, to: period.to })),
        bucket,
      ),
    firstDay: async () => {
      const days = [...incidents, ...operations]
        .filter((r) => !r.retractedAt)
        .map((r) => r.occurredAt.slice(0, 10))
        .sort();
      return days[0] ?? null;
    },
    groupNames: async () => new Map(Object.entries(groups)),
  };
}
