/** The groups: names, status, the latest strength estimate and recorded activity. */
import { OTHER_GROUP, OTHER_GROUP_LABEL, UNKNOWN_GROUP, UNKNOWN_GROUP_LABEL } from '@/core/rollup/incident-rollup';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireReader } from '../components/read-access';
import { parseStatsQuery } from '@/core/stats/stats-query';
import { LiveListNotice } from '../components/live-watch';
import { CsvLink } from '../components/exports/csv-link';
import { PageHeading } from '../components/page-heading';
import { formatCount, formatFigures } from '../components/number-format';
import { formatDay } from '../components/time-format';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Groups' };

export default async function GroupsPage() {
  const reads = await requireReader('/groups');
  const rt = getRuntime();
  const now = new Date();
  const position = await reads.position();
  const [groups, year, all] = await Promise.all([
    reads.groups.list(),
    reads.stats.breakdown(parseStatsQuery({ range: '1y', top: '50' }, now, { zone: rt.env.REPORT_TIMEZONE }), 'group'),
    reads.stats.breakdown(parseStatsQuery({ top: '50' }, now, { zone: rt.env.REPORT_TIMEZONE }), 'group'),
  ]);
  const yearBy = new Map(year.rows.map((r) => [r.key, r]));
  const allBy = new Map(all.rows.map((r) => [r.key, r]));
  const sorted = [...groups].sort(
    (a, b) =>
      (allBy.get(b.id)?.incidents ?? 0) - (allBy.get(a.id)?.incidents ?? 0) || a.shortName.localeCompare(b.shortName),
  );
  const th = 'px-3 py-2 text-left text-xs font-semibold text-muted whitespace-nowrap';

  return (
    <main id="main" className="mx-auto max-w-[1600px] space-y-4 px-3 py-4 sm:px-5">
      <PageHeading
        title="Groups"
        subtitle="Militant organisations, their published strength estimates and the incidents recorded against them"
        actions={<CsvLink href="/api/export/groups.csv">Export this table as CSV</CsvLink>}
      />
      <LiveListNotice snapshot={position} entity="group" filter={{}} noun="group" />
      <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-card">
        <table className="w-full min-w-[900px] border-collapse text-sm">
          <caption className="sr-only">Groups with their latest strength estimate and recorded incidents</caption>
          <thead className="bg-surface-2">
            <tr>
              <th scope="col" className={th}>
                Group
              </th>
              <th scope="col" className={th}>
                Based in
              </th>
              <th scope="col" className={th}>
                Latest strength estimate
              </th>
              <th scope="col" className={`${th} text-right`}>
                Incidents, last 12 months
              </th>
              <th scope="col" className={`${th} text-right`}>
                Killed, last 12 months
              </th>
              <th scope="col" className={`${th} text-right`}>
                Incidents, all recorded
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((g) => {
              const est = [...g.strengthEstimates].sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
              const y = yearBy.get(g.id);
              return (
                <tr key={g.id} className="border-t border-line align-top hover:bg-surface-2/60">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={`/groups/${g.id}`} className="font-semibold text-fg hover:underline">
                      {g.shortName}
                    </Link>
                    {g.proscribed && (
                      <span className="ml-2 rounded bg-danger-soft px-1.5 py-0.5 text-[11px] font-semibold text-danger uppercase">
                        Proscribed
                      </span>
                    )}
                    <span className="block text-xs text-muted">{g.fullName}</span>
                  </th>
                  <td className="px-3 py-2 text-fg">{g.baseCountry ?? '—'}</td>
                  <td className="px-3 py-2 text-fg">
                    {est ? (
                      <>
                        {formatFigures({ low: est.low, high: est.high })}{' '}
                        <span className="text-xs text-muted">as of {formatDay(est.asOf)}</span>
                      </>
                    ) : (
                      <span className="text-muted">None published</span>
                    )}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(y?.incidents ?? 0)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{y ? formatFigures(y.killed) : '0'}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(allBy.get(g.id)?.incidents ?? 0)}</td>
                </tr>
              );
            })}
            {[
              { key: OTHER_GROUP, label: OTHER_GROUP_LABEL },
              { key: UNKNOWN_GROUP, label: UNKNOWN_GROUP_LABEL },
            ].map(({ key, label }) => (
              <tr key={key} className="border-t border-line text-muted">
                <th scope="row" className="px-3 py-2 text-left font-normal italic">
                  {label}
                </th>
                <td className="px-3 py-2">—</td>
                <td className="px-3 py-2">—</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(yearBy.get(key)?.incidents ?? 0)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {yearBy.get(key) ? formatFigures(yearBy.get(key)!.killed) : '0'}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(allBy.get(key)?.incidents ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
