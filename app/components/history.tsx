/** A record's history from the change log: who did what, when, and which fields changed. */
import type { ChangeRecord } from '@/core/change/change';
import { changeWords } from './history-words';
import { diffRecords } from './record-diff';
import { formatWhenYear } from './time-format';

const ACTION: Record<ChangeRecord['action'], { label: string; tone: string }> = {
  created: { label: 'Recorded', tone: 'bg-ok' },
  updated: { label: 'Corrected', tone: 'bg-accent' },
  retracted: { label: 'Retracted', tone: 'bg-danger' },
};

export function History({ records }: { records: ChangeRecord[] }) {
  if (records.length === 0) return <p className="text-sm text-muted">No history recorded.</p>;
  return (
    <ol className="relative space-y-4 border-l border-line pl-4">
      {records.map((r) => {
        const changes = r.action === 'updated' ? diffRecords(r.before, r.data) : [];
        return (
          <li key={r.seq} className="relative">
            <span
              aria-hidden
              className={`absolute top-1.5 -left-[21px] h-2.5 w-2.5 rounded-full ${ACTION[r.action].tone}`}
            />
            <p className="text-sm font-medium text-fg">
              {ACTION[r.action].label} · version {r.version}
            </p>
            <p className="text-xs text-muted" title={`Change-log position ${r.seq}`}>
              {formatWhenYear(r.at)} by {r.actor ?? 'unknown'}
            </p>
            {r.action === 'retracted' && (
              <p className="mt-1 text-xs text-fg">
                Reason: {(r.data as { retractionReason?: string } | null)?.retractionReason ?? '—'}
              </p>
            )}
            {changes.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-xs">
                {changes.slice(0, 12).map((c) => {
                  const w = changeWords(c, r.before, r.data);
                  return (
                    <li key={c.field} className="break-words">
                      <span className="text-muted">{w.label}</span>:{' '}
                      <span className="text-muted line-through">{w.before}</span> →{' '}
                      <span className="text-fg">{w.after}</span>
                    </li>
                  );
                })}
                {changes.length > 12 && <li className="text-muted">and {changes.length - 12} more fields</li>}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
