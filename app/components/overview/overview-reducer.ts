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
    feed = applyBrief(feed, b, match, FEED_LIMIT);
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
  /** Newly recorded incidents in the view, to highlight and announce. */
  arrivals: IncidentBrief[];
}

export function changeEffects(changes: readonly Change[], filter: IncidentFilter): ChangeEffects {
  const out: ChangeEffects = { stats: false, page: false, arrivals: [] };
  for (const c of changes) {
    if (c.entity === 'operation' || c.entity === 'group') out.stats = true;
    if (c.entity === 'annotation' || c.entity === 'referenceFigure') out.page = true;
    const incident = incidentOf(c);
    if (!incident) continue;
    out.stats = true;
    if (c.action === 'created' && incidentMatches(incident, filter)) out.arrivals.push(toBrief(incident));
  }
  return out;
}
