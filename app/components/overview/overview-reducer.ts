/**
 * The overview's list state (feed, map points, synthetic flag) as a pure reduction of changes, so
 * the same code applies live batches and re-applies buffered ones onto a fresher snapshot.
 */
import type { Change } from '@/core/change/change';
import type { IncidentFilter } from '@/core/filters';
import { toBrief, type IncidentBrief } from '@/core/stats/incident-brief';
import { incidentMatches } from '@/core/stats/match-filter';
import { applyBrief, incidentOf } from '@/app/live/apply-incident-change';
import { FEED_LIMIT } from './overview-snapshot';

export interface OverviewLists {
  feed: IncidentBrief[];
  points: IncidentBrief[];
  synthetic: boolean;
}

export function reduceLists(
  lists: OverviewLists,
  changes: readonly Change[],
  filter: IncidentFilter,
  mapLimit: number,
): OverviewLists {
  let { feed, points, synthetic } = lists;
  for (const c of changes) {
    const incident = incidentOf(c);
    if (!incident) continue;
    const b = toBrief(incident);
    const match = incidentMatches(incident, filter);
    // A retraction stays only as a short notice on a row already shown (dropRetracted removes it);
    // replayed onto a fresher snapshot, which has no retracted rows, it must not come back.
    const shown = feed.some((x) => x.id === b.id);
    feed = applyBrief(feed, b, match && (b.retractedAt === null || shown), FEED_LIMIT);
    points = applyBrief(points, b, match && !b.retractedAt && b.latitude !== null, mapLimit);
    if (b.synthetic && !b.retractedAt) synthetic = true;
  }
  return { feed, points, synthetic };
}

export interface ChangeEffects {
  /** Stats may have moved: refetch them. */
  stats: boolean;
  /** Reference rows changed: re-render the page from the server. */
  page: boolean;
  /** Annotations changed (the overview's charts place them; it re-renders from the server). */
  annotations: boolean;
  /** Published figures changed (the overview fetches its panel of them again). */
  reference: boolean;
  /** Newly recorded incidents in the view, to highlight and announce. */
  arrivals: IncidentBrief[];
}

export function changeEffects(changes: readonly Change[], filter: IncidentFilter): ChangeEffects {
  const out: ChangeEffects = { stats: false, page: false, annotations: false, reference: false, arrivals: [] };
  for (const c of changes) {
    if (c.entity === 'operation' || c.entity === 'group') out.stats = true;
    if (c.entity === 'annotation') out.page = out.annotations = true;
    if (c.entity === 'referenceFigure') out.page = out.reference = true;
    const incident = incidentOf(c);
    if (!incident) continue;
    out.stats = true;
    if (c.action === 'created' && incidentMatches(incident, filter)) out.arrivals.push(toBrief(incident));
  }
  return out;
}

/** Incidents retracted in these changes: their notice in the feed is brief (see dropRetracted). */
export const retractedIds = (changes: readonly Change[]): string[] =>
  changes.filter((c) => c.entity === 'incident' && c.action === 'retracted').map((c) => c.id);

/** Removes the rows of `ids` that are (still) retracted: "Latest incidents" lists live records only. */
export function dropRetracted<L extends { feed: IncidentBrief[] }>(lists: L, ids: readonly string[]): L {
  const feed = lists.feed.filter((b) => b.retractedAt === null || !ids.includes(b.id));
  return feed.length === lists.feed.length ? lists : { ...lists, feed };
}
