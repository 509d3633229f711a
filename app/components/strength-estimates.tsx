/**
 * A group's strength estimates as ranges on one scale, newest first, each with its date and
 * source: estimates disagree, and the spread is part of what a reader should see.
 */
import type { StrengthEstimate } from '@/core/group/schema';
import { formatFigures } from './number-format';
import { formatDay } from './time-format';

export function StrengthEstimates({ estimates }: { estimates: StrengthEstimate[] }) {
  if (estimates.length === 0) return <p className="py-4 text-sm text-muted">No published estimates recorded.</p>;
  const sorted = [...estimates].sort((a, b) => b.asOf.localeCompare(a.asOf));
  const max = Math.max(...sorted.map((e) => e.high), 1);
  return (
    <ul className="space-y-3">
      {sorted.map((e, k) => (
        <li key={k}>
          <p className="flex items-baseline justify-between gap-2 text-sm">
            <span className="font-semibold text-fg tabular-nums">{formatFigures({ low: e.low, high: e.high })}</span>
            <span className="text-xs text-muted">as of {formatDay(e.asOf)}</span>
          </p>
          <div className="relative mt-1 h-2 rounded-full bg-surface-2" aria-hidden>
            <span
              className="absolute inset-y-0 rounded-full bg-accent"
              style={{ left: `${(e.low / max) * 100}%`, width: `${Math.max(1, ((e.high - e.low) / max) * 100)}%` }}
            />
          </div>
          <p className="mt-0.5 text-xs text-muted">{e.source}</p>
        </li>
      ))}
    </ul>
  );
}
