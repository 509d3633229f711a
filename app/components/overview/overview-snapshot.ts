/** What the overview page renders from, consistent with one change-log position. */
import type { Position } from '@/core/change/change';
import type { IncidentBrief } from '@/core/stats/incident-brief';
import type { StatsOverview } from '@/core/stats/stats-types';

export interface OverviewSnapshot {
  position: Position;
  stats: StatsOverview;
  feed: IncidentBrief[];
  points: IncidentBrief[];
  synthetic: boolean;
}

export const FEED_LIMIT = 30;
