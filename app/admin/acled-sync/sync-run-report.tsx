'use client';
/** One sync run's report: the events read by outcome with their fatalities (as a file import's), the deletions, the requests. */
import type { AcledSyncRun } from './sync-status';
import { OutcomeTable } from '../../record/import/outcome-table';

const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

export function SyncRunReport({ run }: { run: AcledSyncRun }) {
  const result = run.result;
  if (!result) return <p className="text-sm text-muted">{run.error ?? 'No report.'}</p>;
  const report = result.report;
  const d = result.deletions;
  return (
    <div className="space-y-3 text-sm">
      {run.error ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-fg">
          <strong>The run failed:</strong> {run.error}. Rows read before it are saved; the next run asks ACLED again
          from the same point.
        </p>
      ) : null}
      {report ? (
        <OutcomeTable
          report={report}
          caption="Where every event ACLED sent went, and its fatalities"
          outcomeHeading="Events by outcome"
          totalLabel="Sent by ACLED"
        />
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
