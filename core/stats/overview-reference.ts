/**
 * The overview's published-figures panel, fetched by the browser after first paint from
 * GET /api/overview/reference: each figure beside what was recorded for the same ended period,
 * with the change-log position the comparison was read at (figures, incidents and operations all
 * change through the log).
 */
import type { Position } from '../change/change';
import type { ReferenceComparison } from './reference-comparison';

export interface OverviewReference {
  position: Position;
  comparisons: ReferenceComparison[];
}
