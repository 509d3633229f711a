/**
 * The overview, rendered on the server with its KPIs, series and the change-log position they are
 * consistent with (read first), then kept live in the browser by OverviewLive, which also fetches
 * after first paint, each with its own position: the feed and the map's points
 * (GET /api/overview/incidents), the breakdowns (GET /api/stats/overview) and the published figures
 * (GET /api/overview/reference); the possible-duplicates notice is read again on every
 * `duplicates.changed` (GET /api/overview/duplicates).
 */
import type { Metadata } from 'next';
import { getRuntime } from '@/server/runtime';
import { pathWithQuery, requireReader } from './components/read-access';
import { MILITANT_CATEGORIES } from '@/core/enums';
import { CountedSources } from './components/overview/counted-sources';
import { FilterBar } from './components/filter-bar';
import { OverviewLive } from './components/overview/overview-live';
import { MAP_LIMIT, type OverviewSnapshot } from './components/overview/overview-snapshot';
import { PageHeading, ViewProblems } from './components/page-heading';
import { describePeriod, parseView, periodShortLabel, type PageSearchParams } from './components/view-query';
import { localDay } from '@/core/time/report-zone';
import type { StatsOverview } from '@/core/stats/stats-types';
import type { RecordSource } from '@/core/provenance';
import { candidateDays } from '@/core/duplicate/candidate-period';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({ searchParams }: { searchParams: PageSearchParams }) {
  const raw = await searchParams;
  const reads = await requireReader(pathWithQuery('/', raw));
  const rt = getRuntime();
  // The change-log position first (the groups, reference data, meanwhile): the charts are the
  // answer at it (the serialised one the live refresh also gets, cached per position), and what
  // else the page shows is read after it, alongside them, so at least as new.
  const [groups, position] = await Promise.all([reads.groups.list(), reads.position()]);
  const { query, view, params, problems } = parseView(raw, new Date(), { groups });
  const [statsJson, synthetic, annotations, duplicates, sourcesJson] = await Promise.all([
    reads.stats.json.overview(query, position),
    reads.dashboard.syntheticPresent(),
    // Annotations reaching into the chart: a year or a span may start before it (placed client-side).
    reads.annotations.list({ to: localDay(query.period.to, rt.env.REPORT_TIMEZONE) }),
    reads.duplicates.unresolvedIn(candidateDays(query.period, rt.env.REPORT_TIMEZONE)),
    // The same records the figures count: the view's categories, militant violence by default.
    reads.stats.json.sources(
      { ...query, filter: { ...query.filter, category: query.filter.category ?? [...MILITANT_CATEGORIES] } },
      position,
    ),
  ]);
  const stats = JSON.parse(statsJson) as StatsOverview;
  const sources = JSON.parse(sourcesJson) as Partial<Record<RecordSource, number>>;
  // The breakdowns stay out of the page (below the fold): the browser's first refresh brings them.
  const { zone, summary, timeseries } = stats;
  const snapshot: OverviewSnapshot = { position, stats: { zone, position, summary, timeseries }, synthetic };

  return (
    <main id="main" className="mx-auto max-w-[1600px] space-y-4 px-3 py-4 sm:px-5">
      <PageHeading title="Overview" subtitle={describePeriod(query)} />
      <FilterBar action="/" view={view} groups={groups.map((g) => ({ id: g.id, name: g.shortName }))} />
      {problems && <ViewProblems problems={problems} />}
      <CountedSources sources={sources} />
      <OverviewLive
        snapshot={snapshot}
        view={view}
        viewParams={params}
        groupNames={Object.fromEntries(groups.map((g) => [g.id, g.shortName]))}
        periodLabel={periodShortLabel(query)}
        threshold={rt.env.MASS_CASUALTY_THRESHOLD}
        mapLimit={MAP_LIMIT}
        duplicates={duplicates}
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
      />
    </main>
  );
}
