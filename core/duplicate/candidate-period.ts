/**
 * The local days whose candidates a view's "N possible duplicates in this period" counts: a
 * candidate's day is its earlier record's local day (core/duplicate/schema.ts), and a view's
 * period is half-open, so its last day is the one before `to`. The overview page and
 * GET /api/overview/duplicates count by this, so the live count is the page's.
 */
import type { Period } from '../stats/stats-types';
import { localDay } from '../time/report-zone';

export function candidateDays(period: Period, zone: string): { from?: string; to: string } {
  return {
    ...(period.from ? { from: localDay(period.from, zone) } : {}),
    to: localDay(Date.parse(period.to) - 1, zone),
  };
}

/** What GET /api/overview/duplicates answers: the count, and the change-log position read before it. */
export interface OverviewDuplicates {
  position: { epoch: string; seq: number };
  count: number;
}
