'use client';
/** The import's report: every row of the file accounted for, the stop reason if any, the errors by line. */
import Link from 'next/link';
import type { ImportReport } from '@/core/import/import-report';
import { accountFor } from './report-accounting';
import { OutcomeTable } from './outcome-table';

const n = (x: number) => x.toLocaleString('en');

export function ReportView({
  report,
  fileName,
  focus = true,
}: {
  report: ImportReport;
  fileName: string;
  /** Move focus to the report (when it arrives after an upload; not on a page that opens with it). */
  focus?: boolean;
}) {
  const account = accountFor(report);
  return (
    <section
      aria-labelledby="report-title"
      className="space-y-4 rounded-lg border border-line bg-surface p-4 shadow-card sm:p-5"
    >
      <h2
        id="report-title"
        tabIndex={-1}
        ref={focus ? (el) => el?.focus() : undefined}
        className="text-lg font-semibold text-fg outline-none"
      >
        Import report · {fileName}
      </h2>
      {report.stopped ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-fg">
          <strong>Reading stopped at line {report.stopped.line}:</strong> {report.stopped.message}. The rows read before
          it are saved and counted below.
        </p>
      ) : null}
      <OutcomeTable
        report={report}
        caption="Where every row of the file went, and its fatalities"
        totalLabel="In the file"
        toned
      />
      <p className={`text-sm font-medium ${account.balanced ? 'text-ok' : 'text-danger'}`}>
        {account.balanced
          ? `✓ Every row is accounted for: ${n(account.total)} of ${n(report.rows)}.`
          : `⚠ The counts add up to ${n(account.total)}, not ${n(report.rows)}: report this file to the developers.`}
      </p>
      {report.unmatchedActors.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold text-fg">
            Actor names that matched no group ({n(report.unmatchedActors.length)})
          </summary>
          <p className="mt-1 text-muted">
            Add a name as an alias on its group’s page, then re-match stored records from the groups page.
          </p>
          <table className="mt-2 text-xs">
            <tbody>
              {report.unmatchedActors.map((a) => (
                <tr key={a.name}>
                  <td className="pr-4 text-fg">{a.name}</td>
                  <td className="text-right tabular-nums text-muted">{n(a.rows)} rows</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {report.errors.length > 0 ? (
        <details open={report.errorCount <= 20} className="text-sm">
          <summary className="cursor-pointer font-semibold text-fg">
            Errors by line ({n(report.errorCount)}
            {account.unlisted > 0 ? `, first ${n(report.errors.length - (report.stopped ? 1 : 0))} listed` : ''})
          </summary>
          <p className="mt-1 text-muted">
            Fix these rows in the file and import it again: rows already imported are updated, never duplicated.
          </p>
          <ol className="mt-2 max-h-96 space-y-1 overflow-y-auto rounded-md border border-line p-2 font-mono text-xs">
            {report.errors.map((e, i) => (
              <li key={`${e.line}-${i}`}>
                <span className="text-muted">line {e.line}:</span> <span className="text-fg">{e.message}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <p className="text-sm">
        <Link href="/incidents" className="font-medium text-accent hover:underline">
          See the incidents →
        </Link>
      </p>
    </section>
  );
}
