'use client';
/** One sync run's report: the events read by outcome with their fatalities (as a file import's), the deletions, the requests. */
import type { AcledSyncRun } from './sync-status';
import { accountFor } from '../../record/import/report-accounting';

const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

export function SyncRunReport({ run }: { run: AcledSyncRun }) {
  const result = run.result;
  if (!result) return <p className="text-sm text-muted">{run.error ?? 'No report.'}</p>;
  const report = result.report;
  const account = report ? accountFor(report) : null;
  const d = result.deletions;
  return (
    <div className="space-y-3 text-sm">
      {run.error ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-fg">
          <strong>The run failed:</strong> {run.error}. Rows read before it are saved; the next run asks ACLED again
          from the same point.
        </p>
      ) : null}
      {report && account ? (
        <table className="w-full max-w-xl">
          <caption className="sr-only">Where every event ACLED sent went, and its fatalities</caption>
          <thead>
            <tr className="border-b border-line text-xs text-muted">
              <th scope="col" className="py-1 text-left font-medium">
                Events by outcome
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
                <th scope="row" className="py-1 pr-4 text-left font-normal text-fg">
                  {l.label}
                </th>
                <td className="py-1 text-right tabular-nums text-fg">{n(l.count)}</td>
                <td className="py-1 text-right tabular-nums text-fg">{n(l.deaths)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="py-1 pr-4 text-left font-semibold text-fg">
                Sent by ACLED
              </th>
              <td className="py-1 text-right font-bold tabular-nums text-fg">{n(report.rows)}</td>
              <td className="py-1 text-right font-bold tabular-nums text-fg">{n(report.fatalities.total)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      <p className="text-fg">
        Deleted by ACLED (Pakistan, Afghanistan): {n(d.listed)} listed · {n(d.retracted)} retracted ·{' '}
        {n(d.alreadyRetracted)} already retracted · {n(d.notHeld)} not held here
        {d.errors.length > 0 ? ` · ${n(d.errors.length)} failed` : ''}
      </p>
      <p className="text-xs text-muted">
        {plural(result.pages.events, 'page')} of events, {n(result.pages.deleted)} of deletions ·{' '}
        {plural(result.requests, 'request')}
        {result.rateLimitWaits > 0 ? ` · waited out ${n(result.rateLimitWaits)} rate limits` : ''}
        {result.reauthentications > 0 ? ` · ${n(result.reauthentications)} new tokens` : ''}
      </p>
      {report && report.errors.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold text-fg">Row errors ({n(report.errorCount)})</summary>
          <ol className="mt-2 max-h-72 space-y-1 overflow-y-auto rounded-md border border-line p-2 font-mono text-xs">
            {report.errors.map((e, i) => (
              <li key={`${e.line}-${i}`} className="text-fg">
                {e.message}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {d.errors.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold text-fg">
            Retractions that failed ({n(d.errors.length)})
          </summary>
          <ul className="mt-2 space-y-1 font-mono text-xs">
            {d.errors.map((e) => (
              <li key={e.eventId}>
                {e.eventId}: {e.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
