/**
 * The overview, rendered on the server with its data and the change-log position that data is
 * consistent with (read first), then kept live in the browser by OverviewLive.
 */
import type { Metadata } from 'next';
import { getRuntime } from '@/server/runtime';
import { pathWithQuery, requireReader } from './components/read-access';
import { toBrief } from '@/core/stats/incident-brief';
import { FilterBar } from './components/filter-bar';
import { mapGeometry } from './components/map/map-geometry';
import { OverviewLive } from './components/overview/overview-live';
import { FEED_LIMIT, type OverviewSnapshot } from './components/overview/overview-snapshot';
import { PageHeading, ViewProblems } from './components/page-heading';
import { ReferencePanel } from './components/reference-panel';
import { describePeriod, parseView, periodShortLabel, type PageSearchParams } from './components/view-query';
import { localDay } from '@/core/time/report-zone';
import { PossibleDuplicates } from './components/possible-duplicates';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview' };

const MAP_LIMIT = 1500;

export default async function OverviewPage({ searchParams }: { searchParams: PageSearchParams }) {
  const raw = await searchParams;
  const reads = await requireReader(pathWithQuery('/', raw));
  const rt = getRuntime();
  const groups = await reads.groups.list();
  const { query, view, params, problems } = parseView(raw, new Date(), { groups });
  // The position first: the data read after it is at least this new (see the live protocol).
  const position = await reads.position();
  const [stats, feed, points, synthetic, comparisons] = await Promise.all([
    reads.stats.overview(query),
    reads.incidents.list({
      filter: { ...query.filter, retracted: 'exclude' },
      sort: '-occurredAt',
      limit: FEED_LIMIT,
      after: null,
    }),
    reads.dashboard.mapPoints(query.filter, MAP_LIMIT),
    reads.dashboard.syntheticPresent(),
    reads.dashboard.referenceComparisons(),
  ]);
  // Annotations reaching into the chart: a year or a span may start before it (placed client-side).
  const { from, to } = query.period;
  const duplicates = await reads.duplicates.unresolvedIn({
    from: from ? localDay(from, rt.env.REPORT_TIMEZONE) : undefined,
    // The period is half-open: its last local day is the one before `to`.
    to: localDay(Date.parse(to) - 1, rt.env.REPORT_TIMEZONE),
  });
  const annotations = await reads.annotations.list({ to: localDay(stats.timeseries.to, rt.env.REPORT_TIMEZONE) });
  const snapshot: OverviewSnapshot = { position, stats, feed: feed.items.map(toBrief), points, synthetic };

  return (
    <main id="main" className="mx-auto max-w-[1600px] space-y-4 px-3 py-4 sm:px-5">
      <PageHeading title="Overview" subtitle={describePeriod(query)} />
      <FilterBar action="/" view={view} groups={groups.map((g) => ({ id: g.id, name: g.shortName }))} />
      {problems && <ViewProblems problems={problems} />}
      <PossibleDuplicates count={duplicates} />
      <OverviewLive
        snapshot={snapshot}
        view={view}
        viewParams={params}
        groupNames={Object.fromEntries(groups.map((g) => [g.id, g.shortName]))}
        periodLabel={periodShortLabel(query)}
        threshold={rt.env.MASS_CASUALTY_THRESHOLD}
        mapLimit={MAP_LIMIT}
        geometry={mapGeometry()}
        annotations={annotations.map(({ id, date, endDate, datePrecision, kind, title, description, sourceName }) => ({
          id,
          date,
          endDate,
          datePrecision,
          kind,
          title,
          description,
          sourceName,
        }))}
        reference={<ReferencePanel comparisons={comparisons} />}
      />
    </main>
  );
}
