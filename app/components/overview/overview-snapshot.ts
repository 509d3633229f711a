/**
 * What the overview page renders from, consistent with one change-log position: the KPIs and the
 * series (the trend above the fold; casualties and operations below it share the series). The
 * incident lists (feed, map: OverviewIncidents), the breakdowns (the first /api/stats/overview
 * refresh) and the published figures (OverviewReference) are fetched by the browser after first
 * paint, each with the position it was read at.
 */
import type { Position } from '@/core/change/change';
import type { StatsOverview } from '@/core/stats/stats-types';

/** The overview's stats without the breakdowns, which come after first paint. */
export type FirstPaintStats = Omit<StatsOverview, 'breakdowns'>;

/** The stats the overview shows: the breakdowns null until the first refresh brings them. */
export type ShownStats = FirstPaintStats & { breakdowns: StatsOverview['breakdowns'] | null };

export interface OverviewSnapshot {
  position: Position;
  stats: FirstPaintStats;
  synthetic: boolean;
}

export { FEED_LIMIT, MAP_LIMIT } from '@/core/stats/overview-incidents';
