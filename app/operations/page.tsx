/** Operations: their figures over the period, the trend, and the records (filterable, paged). */
import { ActorList } from '../components/actor-list';
import type { Metadata } from 'next';
import Link from 'next/link';
import { pathWithQuery, requireReader } from '../components/read-access';
import { OPERATION_KIND_LABELS, PROVINCE_LABELS } from '@/core/enums';
import { FilterBar } from '../components/filter-bar';
import { finderParams, RecordFinder } from '../components/record-finder';
import { SOURCE_LABELS } from '@/core/provenance';
import { CsvLink } from '../components/exports/csv-link';
import { filterToParams } from '@/core/stats/query-params';
import { OperationsLive } from '../components/operations-live';
import { PageHeading, ViewProblems } from '../components/page-heading';
import { decodeCursor, encodeCursor, single, sortParam } from '../components/page-cursor';
import { formatCount, formatOptionalCount } from '../components/number-format';
import { formatOccurred } from '../components/time-format';
import { VerificationBadge } from '../components/verification-badge';
import { describePeriod, parseView, periodShortLabel, type PageSearchParams } from '../components/view-query';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Operations' };

const PAGE_SIZE = 50;
const FIELDS = ['country', 'province', 'group', 'status'] as const;

export default async function OperationsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const raw = await searchParams;
  const reads = await requireReader(pathWithQuery('/operations', raw));
  const groups = await reads.groups.list();
  const {
    query,
    view,
    params,
    problems: viewProblems,
  } = parseView(raw, new Date(), { groups, pageKeys: ['sort', 'cursor', 'source', 'actor'] });
  // Where records came from, and actor text as the source wrote it: the list only, not the figures.
  const { source, actor } = finderParams(raw);
  const sort = sortParam(raw.sort);
  const after = decodeCursor(single(raw.cursor), sort);
  // A tampered or stale cursor: say so and show the first page.
  const problems =
    single(raw.cursor) && !after
      ? { ...viewProblems, cursor: 'is not a cursor of this list; showing the first page' }
      : viewProblems;
  const { type: _t, target: _g, ...viewFilter } = query.filter;
  const opFilter = { ...viewFilter, actor, source: source ? [source] : undefined };
  const position = await reads.position();
  const [summary, series, page, listed] = await Promise.all([
    reads.stats.summary(query),
    reads.stats.timeseries(query),
    reads.operations.list({ filter: opFilter, sort, limit: PAGE_SIZE, after }),
    actor || source ? reads.operations.count(opFilter) : Promise.resolve(null),
  ]);
  const link = (cursor: string | null, finder: { source?: string; actor?: string } = { source, actor }) => {
    const p = new URLSearchParams(params);
    if (sort !== '-occurredAt') p.set('sort', sort);
    if (finder.source) p.set('source', finder.source);
    if (finder.actor) p.set('actor', finder.actor);
    if (cursor) p.set('cursor', cursor);
    return `/operations?${p.toString()}`;
  };
  const exportParams = filterToParams(viewFilter);
  if (source) exportParams.set('source', source);
  if (actor) exportParams.set('actor', actor);
  const th = 'px-3 py-2 text-left text-xs font-semibold text-muted whitespace-nowrap';
  const num = 'px-3 py-2 text-right tabular-nums';

  return (
    <main id="main" className="mx-auto max-w-[1600px] space-y-4 px-3 py-4 sm:px-5">
      <PageHeading
        title="Operations"
        subtitle={`${describePeriod(query)} · security-force operations; one record may stand for a published total`}
        actions={
          <CsvLink href={`/api/export/operations.csv?${exportParams.toString()}`}>
            Export these operations as CSV
          </CsvLink>
        }
      />
      <FilterBar
        action="/operations"
        view={view}
        groups={groups.map((g) => ({ id: g.id, name: g.shortName }))}
        fields={FIELDS}
        keep={{
          ...(sort !== '-occurredAt' ? { sort } : {}),
          ...(source ? { source } : {}),
          ...(actor ? { actor } : {}),
        }}
      />
      {problems && <ViewProblems problems={problems} />}
      <RecordFinder
        action="/operations"
        hidden={[
          ...new URLSearchParams(params).entries(),
          ...(sort !== '-occurredAt' ? [['sort', sort] as [string, string]] : []),
        ]}
        source={source}
        actor={actor}
        clearHref={link(null, {})}
      />
      <OperationsLive
        snapshot={{ position, summary, series }}
        viewParams={params}
        periodLabel={periodShortLabel(query)}
        listFilter={opFilter}
      >
        {listed !== null && (
          <p className="mb-2 text-sm text-muted" role="note">
            The list shows {formatCount(listed)} operation {listed === 1 ? 'record' : 'records'}
            {source ? ` from ${SOURCE_LABELS[source]}` : ''}
            {actor ? ` naming “${actor}”` : ''}; the figures and chart above count every source and actor.
          </p>
        )}
        {page.items.length === 0 ? (
          <p className="rounded-xl border border-line bg-surface px-4 py-12 text-center text-sm text-muted">
            No operations match this view.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-card">
            <table className="w-full min-w-[960px] border-collapse text-sm">
              <caption className="sr-only">Operation records in this view</caption>
              <thead className="bg-surface-2">
                <tr>
                  <th scope="col" className={th}>
                    When
                  </th>
                  <th scope="col" className={th}>
                    Kind
                  </th>
                  <th scope="col" className={th}>
                    Where
                  </th>
                  <th scope="col" className={th}>
                    Agency
                  </th>
                  <th scope="col" className={th}>
                    Targeted group
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Operations
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Militants killed / arrested
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Forces killed / injured
                  </th>
                  <th scope="col" className={th}>
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((o) => (
                  <tr key={o.id} className="border-t border-line align-top hover:bg-surface-2/60">
                    <td className="px-3 py-2 whitespace-nowrap text-fg tabular-nums">
                      <Link prefetch={false} href={`/operations/${o.id}`} className="text-fg hover:underline">
                        {formatOccurred(o.occurredAt, o.timePrecision)}
                      </Link>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap text-fg">{OPERATION_KIND_LABELS[o.kind]}</td>
                    <td className="max-w-80 px-3 py-2 text-fg">
                      {[o.place, o.district, o.province ? PROVINCE_LABELS[o.province] : 'Nationwide']
                        .filter(Boolean)
                        .join(', ')}
                      {o.summary && (
                        <span className="block truncate text-xs text-muted" title={o.summary}>
                          {o.summary}
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2 text-muted">
                      {o.agency ?? '—'}
                      {o.actors.length > 0 && (
                        <span className="block">
                          <ActorList actors={o.actors} compact />
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2 text-fg">
                      {o.groupId ? (
                        <Link href={`/groups/${o.groupId}`} className="hover:underline">
                          {o.groupName}
                        </Link>
                      ) : (
                        <span className="text-muted italic">Unspecified</span>
                      )}
                    </td>
                    <td className={num}>{formatCount(o.count)}</td>
                    <td className={num}>
                      {formatOptionalCount(o.militantsKilled)} / {formatOptionalCount(o.militantsArrested)}
                    </td>
                    <td className={num}>
                      {formatOptionalCount(o.securityKilled)} / {formatOptionalCount(o.securityInjured)}
                    </td>
                    <td className="px-3 py-2">
                      <VerificationBadge status={o.verification} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          {after ? (
            <Link href={link(null)} className="text-accent hover:underline">
              ← First page
            </Link>
          ) : (
            <span />
          )}
          {page.next ? (
            <Link
              href={link(encodeCursor(sort, page.next))}
              className="rounded-md border border-line bg-surface px-3 py-1.5 font-medium text-fg shadow-card hover:bg-surface-2"
            >
              Next {PAGE_SIZE} →
            </Link>
          ) : (
            <span className="text-muted">End of the list</span>
          )}
        </nav>
      </OperationsLive>
    </main>
  );
}
