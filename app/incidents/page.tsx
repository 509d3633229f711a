/**
 * The incidents table: the shared filters (in the URL), sorting by when an incident happened or
 * was recorded, keyset pagination (cursor), retracted rows on request, and an export of the view.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getRuntime } from '@/server/runtime';
import { pathWithQuery, requireReader } from '../components/read-access';
import { filterToParams } from '@/core/stats/query-params';
import type { IncidentFilter } from '@/core/filters';
import { FilterBar } from '../components/filter-bar';
import { finderParams, RecordFinder } from '../components/record-finder';
import { LiveIncidentTable } from '../components/live-incident-table';
import { PageHeading, ViewProblems } from '../components/page-heading';
import { decodeCursor, encodeCursor, single, sortParam } from '../components/page-cursor';
import { describePeriod, parseView, type PageSearchParams } from '../components/view-query';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Incidents' };

const PAGE_SIZE = 50;

export default async function IncidentsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const raw = await searchParams;
  const reads = await requireReader(pathWithQuery('/incidents', raw));
  const rt = getRuntime();
  const groups = await reads.groups.list();
  const {
    query,
    view,
    params,
    problems: viewProblems,
  } = parseView(raw, new Date(), {
    groups,
    defaultPreset: 'all',
    pageKeys: ['sort', 'cursor', 'retracted', 'actor', 'source'],
  });
  // Where records came from, and actor text as the source wrote it: lists only, not charts.
  const { source, actor } = finderParams(raw);
  const sort = sortParam(raw.sort);
  const retracted = single(raw.retracted) === 'include' ? 'include' : 'exclude';
  const after = decodeCursor(single(raw.cursor), sort);
  // A tampered or stale cursor: say so and show the first page.
  const problems =
    single(raw.cursor) && !after
      ? { ...viewProblems, cursor: 'is not a cursor of this list; showing the first page' }
      : viewProblems;
  const position = await reads.position();
  const listFilter: IncidentFilter = { ...query.filter, actor, source: source ? [source] : undefined, retracted };
  const [page, summary, listed] = await Promise.all([
    reads.incidents.list({ filter: listFilter, sort, limit: PAGE_SIZE, after }),
    reads.stats.summary(query),
    // The stats know no actor or source: the list's own count is its total then.
    actor || source ? reads.incidents.count(listFilter) : Promise.resolve(null),
  ]);

  const link = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    const state: Record<string, string | null> = {
      sort: sort === '-occurredAt' ? null : sort,
      retracted: retracted === 'include' ? 'include' : null,
      actor: actor ?? null,
      source: source ?? null,
      cursor: null,
      ...changes,
    };
    for (const [k, v] of Object.entries(state)) if (v) p.set(k, v);
    return `/incidents?${p.toString()}`;
  };
  const exportParams = filterToParams(query.filter);
  if (retracted === 'include') exportParams.set('retracted', 'include');
  const keep: Record<string, string> = {};
  if (sort !== '-occurredAt') keep.sort = sort;
  if (retracted === 'include') keep.retracted = 'include';
  if (actor) keep.actor = actor;
  if (source) keep.source = source;
  if (source) exportParams.set('source', source);

  return (
    <main id="main" className="mx-auto max-w-[1600px] space-y-4 px-3 py-4 sm:px-5">
      <PageHeading
        title="Incidents"
        subtitle={describePeriod(query)}
        actions={
          <a
            href={`/api/export/incidents.csv?${exportParams.toString()}`}
            className="inline-flex h-9 items-center gap-2 rounded-md border border-line bg-surface px-3 text-sm font-medium text-fg shadow-card hover:bg-surface-2"
            download
          >
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="h-4 w-4"
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
              strokeLinecap="round"
            >
              <path d="M12 3v12m0 0-4-4m4 4 4-4M4 17v3h16v-3" />
            </svg>
            Export this view as CSV
          </a>
        }
      />
      <FilterBar
        action="/incidents"
        view={view}
        groups={groups.map((g) => ({ id: g.id, name: g.shortName }))}
        keep={keep}
      />
      {problems && <ViewProblems problems={problems} />}
      <RecordFinder
        action="/incidents"
        hidden={[
          ...new URLSearchParams(params).entries(),
          ...(sort !== '-occurredAt' ? [['sort', sort] as [string, string]] : []),
          ...(retracted === 'include' ? [['retracted', 'include'] as [string, string]] : []),
        ]}
        source={source}
        actor={actor}
        clearHref={link({ actor: null, source: null })}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-3 text-sm">
          <span className="text-muted">Sort:</span>
          {(
            [
              ['-occurredAt', 'Newest first'],
              ['occurredAt', 'Oldest first'],
              ['-createdAt', 'Recently recorded'],
            ] as const
          ).map(([s, label]) => (
            <Link
              key={s}
              href={link({ sort: s === '-occurredAt' ? null : s })}
              aria-current={sort === s ? 'true' : undefined}
              className={sort === s ? 'font-semibold text-fg' : 'text-accent hover:underline'}
            >
              {label}
            </Link>
          ))}
          <Link
            href={link({ retracted: retracted === 'include' ? null : 'include' })}
            className="text-accent hover:underline"
          >
            {retracted === 'include' ? 'Hide retracted' : 'Show retracted'}
          </Link>
        </div>
      </div>
      <LiveIncidentTable
        snapshot={position}
        items={page.items}
        total={listed ?? summary.current.incidents}
        summaryParams={params}
        // A rolling period has no upper edge for arrivals: "the last 24 h" includes what happens now.
        filter={{ ...query.filter, ...(view.preset ? { to: undefined } : {}), source: source ? [source] : undefined }}
        sort={sort}
        firstPage={after === null}
        withRetracted={retracted === 'include'}
        flipSortHref={link({ sort: sort === '-occurredAt' ? 'occurredAt' : null })}
        threshold={rt.env.MASS_CASUALTY_THRESHOLD}
      />
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        {after ? (
          <Link href={link({})} className="text-accent hover:underline">
            ← First page
          </Link>
        ) : (
          <span />
        )}
        {page.next ? (
          <Link
            href={link({ cursor: encodeCursor(sort, page.next) })}
            className="rounded-md border border-line bg-surface px-3 py-1.5 font-medium text-fg shadow-card hover:bg-surface-2"
          >
            Next {PAGE_SIZE} →
          </Link>
        ) : (
          <span className="text-muted">End of the list</span>
        )}
      </nav>
    </main>
  );
}
