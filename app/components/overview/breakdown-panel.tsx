/**
 * A breakdown as a ranked bar list. It is a real table (name, incidents, killed) whose incident
 * cell carries a proportional bar, so the chart is its own accessible data. Each name links to the
 * same view narrowed to that value.
 */
import Link from 'next/link';
import type { IncidentType } from '@/core/enums';
import type { BreakdownRow, StatsBreakdown } from '@/core/stats/stats-types';
import { withProvinceParents, type ProvinceRow } from '@/core/stats/province-parents';
import { TYPE_COLORS } from '../palette';
import { formatCount, formatFigures } from '../number-format';
import { ExportButtons } from '../exports/export-buttons';

const PARAM: Record<StatsBreakdown['by'], string> = {
  province: 'province',
  group: 'group',
  type: 'type',
  target: 'target',
};

function barColor(by: StatsBreakdown['by'], r: BreakdownRow): string {
  if (by === 'type') return TYPE_COLORS[r.key as IncidentType] ?? 'var(--faint)';
  if (r.kind === 'unknown' || r.kind === 'other') return 'var(--faint)';
  if (r.kind === 'others') return 'var(--line-strong)';
  return 'var(--accent)';
}

export function BreakdownTable({
  breakdown,
  title,
  viewParams,
}: {
  breakdown: StatsBreakdown;
  title: string;
  viewParams: string;
}) {
  const rows: ProvinceRow[] = breakdown.by === 'province' ? withProvinceParents(breakdown.rows) : breakdown.rows;
  const max = Math.max(1, ...rows.map((r) => r.incidents));
  const narrow = (key: string) => {
    const p = new URLSearchParams(viewParams);
    p.set(PARAM[breakdown.by], key);
    return `/?${p.toString()}`;
  };
  if (breakdown.rows.length === 0)
    return <p className="py-6 text-center text-sm text-muted">No incidents in this view.</p>;
  return (
    <>
      <table className="w-full table-fixed border-collapse text-sm">
        <caption className="sr-only">
          {title}: incidents and killed (at least, up to) per value, {formatCount(breakdown.total.incidents)} incidents
          in all
        </caption>
        <thead>
          <tr className="text-left text-xs text-muted">
            <th scope="col" className="w-[38%] pb-1 font-medium">
              Name
            </th>
            <th scope="col" className="pb-1 font-medium">
              Incidents
            </th>
            <th scope="col" className="w-[22%] pb-1 text-right font-medium">
              Killed
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`border-t border-line/60 ${r.parent ? 'font-semibold' : ''}`}>
              <th scope="row" className={`truncate py-1.5 pr-2 text-left font-normal ${r.member ? 'pl-3' : ''}`}>
                {r.kind === 'others' ? (
                  <span className="text-muted" title={`${r.members} groups with fewer incidents`}>
                    {r.label}
                  </span>
                ) : (
                  <Link
                    prefetch={false}
                    href={narrow(breakdown.by === 'group' && r.kind === 'value' ? r.label : r.key)}
                    className={`hover:underline ${r.kind === 'unknown' || r.kind === 'other' ? 'text-muted italic' : 'text-fg'} ${r.parent ? 'font-semibold' : ''}`}
                    title={`Show only ${r.label}`}
                  >
                    {r.label}
                  </Link>
                )}
              </th>
              <td className="py-1.5 pr-2">
                <div className="flex items-center gap-2">
                  <span className="h-2.5 min-w-0 flex-1" aria-hidden>
                    <span
                      className="block h-full rounded-sm"
                      style={{
                        width: `${Math.max(2, (r.incidents / max) * 100)}%`,
                        background: barColor(breakdown.by, r),
                      }}
                    />
                  </span>
                  <span className="w-[5.5rem] shrink-0 text-right text-xs whitespace-nowrap text-fg tabular-nums">
                    {formatCount(r.incidents)} <span className="text-muted">· {Math.round(r.share * 100)}%</span>
                  </span>
                </div>
              </td>
              <td className="py-1.5 text-right text-xs text-fg tabular-nums">{formatFigures(r.killed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-2 flex justify-end">
        <ExportButtons
          name={`by-${breakdown.by}`}
          label={title}
          head={['Name', 'Incidents', 'Share of incidents', 'Killed, at least', 'Killed, up to', 'Part of']}
          rows={rows.map((r) => [
            r.label,
            r.incidents,
            Math.round(r.share * 1000) / 1000,
            r.killed.low,
            r.killed.high,
            r.member ? 'Khyber Pakhtunkhwa (all)' : '',
          ])}
        />
      </div>
    </>
  );
}
