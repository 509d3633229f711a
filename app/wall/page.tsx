/**
 * The wallboard (/wall): figures for the period (default the last 24 hours; the URL takes the
 * same filters as the overview, e.g. /wall?range=7d&province=KP), the 30-day trend and the newest
 * incidents, kept live. Full screen and dark over the site header.
 */
import type { Metadata } from 'next';
import { getRuntime } from '@/server/runtime';
import { pathWithQuery, requireReader } from '../components/read-access';
import { namesGroups } from '@/core/group/group-ref';
import { toBrief } from '@/core/stats/incident-brief';
import { viewToParams } from '@/core/stats/query-params';
import { parseStatsQuery } from '@/core/stats/stats-query';
import { describePeriod, parseView, periodShortLabel, type PageSearchParams } from '../components/view-query';
import { WallLive } from '../components/wall-live';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Wall' };

export default async function WallPage({ searchParams }: { searchParams: PageSearchParams }) {
  const raw = await searchParams;
  const reads = await requireReader(pathWithQuery('/wall', raw));
  const rt = getRuntime();
  const now = new Date();
  const groups = namesGroups(raw) ? await reads.groups.list() : [];
  const { query, params } = parseView(raw, now, { defaultPreset: '24h', groups });
  const { from: _f, to: _t, ...places } = query.filter;
  const trendQuery = parseStatsQuery(
    { ...Object.fromEntries(viewToParams({ filter: places, preset: '30d' })), bucket: 'day' },
    now,
    { zone: rt.env.REPORT_TIMEZONE },
  );
  const position = await reads.position();
  const [summary, trend, feed, synthetic] = await Promise.all([
    reads.stats.summary(query),
    reads.stats.timeseries(trendQuery),
    reads.incidents.list({
      filter: { ...places, retracted: 'exclude' },
      sort: '-occurredAt',
      limit: 7,
      after: null,
    }),
    reads.dashboard.syntheticPresent(),
  ]);
  const trendParams = new URLSearchParams(viewToParams({ filter: places, preset: '30d' }));
  trendParams.set('bucket', 'day');
  return (
    <main id="main">
      <WallLive
        snapshot={{ position, summary, trend, feed: feed.items.map(toBrief), synthetic }}
        summaryParams={params}
        trendParams={trendParams.toString()}
        feedFilter={places}
        periodTitle={describePeriod(query)}
        periodLabel={periodShortLabel(query)}
        threshold={rt.env.MASS_CASUALTY_THRESHOLD}
      />
    </main>
  );
}
