/**
 * The overview's incident lists (the feed and the map's points), fetched by the browser after the
 * page's first paint from GET /api/overview/incidents, with the change-log position they are
 * consistent with (read before them), so the live stream's changes after it apply exactly once.
 */
import type { Position } from '../change/change';
import type { IncidentBrief } from './incident-brief';

/** Newest incidents in the feed. */
export const FEED_LIMIT = 30;
/** Newest located incidents on the map. */
export const MAP_LIMIT = 1500;

export interface OverviewIncidents {
  position: Position;
  feed: IncidentBrief[];
  points: IncidentBrief[];
  synthetic: boolean;
}
