/**
 * Where every row of an import went, with its fatalities: one table for a file import's report and
 * for an ACLED sync run's, so both read the same and add up the same (report-accounting.ts).
 */
import type { ImportReport } from '@/core/import/import-report';
import { accountFor } from './report-accounting';

const n = (x: number) => x.toLocaleString('en');
const TONE = { ok: 'text-ok', muted: 'text-fg', danger: 'text-danger' } as const;

export function OutcomeTable({
  report,
  caption,
  outcomeHeading = 'Outcome',
  totalLabel,
  toned = false,
}: {
  report: ImportReport;
  caption: string;
  outcomeHeading?: string;
  /** The last line's label: the rows of the file, or what ACLED sent. */
  totalLabel: string;
  /** Colour the counts by outcome (saved, skipped, failed). */
  toned?: boolean;
}) {
  const account = accountFor(report);
  return (
    <table className="w-full max-w-xl text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-line text-xs text-muted">
          <th scope="col" className="py-1 text-left font-medium">
            {outcomeHeading}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Rows
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Fatalities
          </th>
        </tr>
      </thead>
      <tbody>
        {account.lines.map((l) => (
          <tr key={l.label} className="border-b border-line">
            <th scope="row" className="py-1.5 pr-4 text-left font-normal text-fg">
              {l.label}
            </th>
            <td
              className={`py-1.5 text-right tabular-nums ${toned ? `font-semibold ${l.count > 0 ? TONE[l.tone] : 'text-muted'}` : 'text-fg'}`}
            >
              {n(l.count)}
            </td>
            <td className="py-1.5 text-right tabular-nums text-fg">{n(l.deaths)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row" className="py-1.5 pr-4 text-left font-semibold text-fg">
            {totalLabel}
          </th>
          <td className="py-1.5 text-right font-bold tabular-nums text-fg">{n(report.rows)}</td>
          <td className="py-1.5 text-right font-bold tabular-nums text-fg">{n(report.fatalities.total)}</td>
        </tr>
      </tbody>
    </table>
  );
}
