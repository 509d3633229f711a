/** One group: names and status, strength estimates, and its recorded activity over time. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getRuntime } from '@/server/runtime';
import { mayRead, requireReader } from '../../components/read-access';
import { toBrief } from '@/core/stats/incident-brief';
import { viewToParams } from '@/core/stats/query-params';
import { parseStatsQuery } from '@/core/stats/stats-query';
import { TrendPanel } from '../../components/charts/trend-panel';
import { LiveFeed } from '../../components/live-feed';
import { LiveRecordWatch } from '../../components/live-watch';
import { StrengthEstimates } from '../../components/strength-estimates';
import { BreakdownTable } from '../../components/overview/breakdown-panel';
import { Panel } from '../../components/panel';
import { CsvLink } from '../../components/exports/csv-link';
import { formatCount, formatFigures } from '../../components/number-format';

export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const g = UUID.test(id) && (await mayRead()) ? await getRuntime().reads.groups.get(id) : null;
  return { title: g ? g.shortName : 'Group' };
}

export default async function GroupPage({ params }: Params) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const reads = await requireReader(`/groups/${id}`);
  const rt = getRuntime();
  const position = await reads.position();
  const group = await reads.groups.get(id);
  if (!group) notFound();
  const q = parseStatsQuery({ group: id }, new Date(), { zone: rt.env.REPORT_TIMEZONE });
  const [summary, series, byProvince, byType, recent, annotations] = await Promise.all([
    reads.stats.summary(q),
    reads.stats.timeseries(q),
    reads.stats.breakdown(q, 'province'),
    reads.stats.breakdown(q, 'type'),
    reads.incidents.list({
      filter: { group: [id], retracted: 'include' },
      sort: '-occurredAt',
      limit: 12,
      after: null,
    }),
    reads.annotations.list(),
  ]);
  const viewParams = viewToParams({ filter: { group: [id] }, preset: 'all' }).toString();
  const s = summary.current;

  return (
    <main id="main" className="mx-auto max-w-[1400px] space-y-4 px-3 py-4 sm:px-5">
      <Link href="/groups" className="text-sm text-accent hover:underline">
        ← Groups
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-3xl">
          <h1
            className={`text-2xl font-semibold tracking-tight ${group.retractedAt ? 'text-muted line-through' : 'text-fg'}`}
          >
            {group.shortName} <span className="font-normal text-muted">· {group.fullName}</span>
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
            {group.proscribed && (
              <span className="rounded bg-danger-soft px-1.5 py-0.5 text-[11px] font-semibold text-danger uppercase">
                Proscribed
              </span>
            )}
            {group.baseCountry && <span>Based in {group.baseCountry}</span>}
            {group.aliases.length > 0 && <span>Also known as {group.aliases.join(', ')}</span>}
          </p>
          {group.description && <p className="mt-2 text-sm leading-relaxed text-fg">{group.description}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <LiveRecordWatch snapshot={position} entity="group" id={group.id} />
          <CsvLink href={`/api/export/group.csv?group=${encodeURIComponent(group.shortName)}`}>
            Figures per month (CSV)
          </CsvLink>
          <CsvLink href={`/api/export/incidents.csv?group=${encodeURIComponent(group.shortName)}`}>
            Its incidents (CSV)
          </CsvLink>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {(
          [
            ['Incidents recorded', formatCount(s.incidents)],
            ['Killed (at least – up to)', formatFigures(s.killed.total)],
            ['Injured (at least – up to)', formatFigures(s.injured.total)],
            ['Operations against it', formatCount(s.operations.operations)],
          ] as const
        ).map(([label, value]) => (
          <section key={label} aria-label={label} className="rounded-xl border border-line bg-surface p-4 shadow-card">
            <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</h2>
            <p className="mt-1 text-3xl font-semibold tracking-tight text-fg tabular-nums">{value}</p>
          </section>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <TrendPanel
          className="lg:col-span-2"
          series={series}
          annotations={annotations.map(
            ({ id: aid, date, endDate, datePrecision, kind, title, description, sourceName }) => ({
              id: aid,
              date,
              endDate,
              datePrecision,
              kind,
              title,
              description,
              sourceName,
            }),
          )}
        />
        <Panel title="Strength estimates" caption="Published ranges with their date and source">
          <StrengthEstimates estimates={group.strengthEstimates} />
        </Panel>
        <Panel title="Where" className="lg:col-span-1">
          <BreakdownTable
            breakdown={byProvince}
            title={`${group.shortName} incidents by province`}
            viewParams={viewParams}
          />
        </Panel>
        <Panel title="How">
          <BreakdownTable breakdown={byType} title={`${group.shortName} incidents by type`} viewParams={viewParams} />
        </Panel>
        <Panel title="Latest incidents">
          <div className="-mx-4 -mb-4 border-t border-line">
            <LiveFeed
              items={recent.items.map(toBrief)}
              threshold={rt.env.MASS_CASUALTY_THRESHOLD}
              emptyText="No incidents recorded against this group."
            />
          </div>
        </Panel>
      </div>
    </main>
  );
}
