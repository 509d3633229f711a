/**
 * What the overview page renders from, consistent with one change-log position. The incident
 * lists (feed, map) are not in it: the browser fetches them after first paint (OverviewIncidents).
 */
import type { Position } from '@/core/change/change';
import type { StatsOverview } from '@/core/stats/stats-types';

export interface OverviewSnapshot {
  position: Position;
  stats: StatsOverview;
  synthetic: boolean;
}

export { FEED_LIMIT, MAP_LIMIT } from '@/core/stats/overview-incidents';
