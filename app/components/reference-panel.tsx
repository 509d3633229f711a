/**
 * Published reference figures, kept as reported (the source's wording with the number, the period
 * as published or "undated, reported …", the source), each beside what this dashboard recorded
 * where that counts the same thing over the same, ended period. The gap between the two is the
 * point: recorded data is a sample, not the universe.
 */
import type { ReferenceComparison } from '@/core/stats/reference-comparison';
import { COMPARABLE_LABELS, periodWording } from '@/core/stats/reference-comparison';
import type { ReferenceFigure } from '@/core/reference-figure/schema';
import { Panel } from './panel';
import { formatCount, missingNote } from './number-format';
import { formatDay } from './time-format';

const money = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });

/** The figure as the source worded it where stored, else built from its kind of value. */
export function referenceValueText(
  f: Pick<ReferenceFigure, 'valueKind' | 'value' | 'valueHigh' | 'unit' | 'valueText'>,
): string {
  return f.valueText ?? formatReferenceValue(f);
}

export function formatReferenceValue(f: Pick<ReferenceFigure, 'valueKind' | 'value' | 'valueHigh' | 'unit'>): string {
  const unit = f.unit && f.valueKind !== 'percent' && f.valueKind !== 'money' ? ` ${f.unit}` : '';
  switch (f.valueKind) {
    case 'exact':
      return `${formatCount(f.value)}${unit}`;
    case 'lower_bound':
      return `more than ${formatCount(f.value)}${unit}`;
    case 'range':
      return `${formatCount(f.value)}–${formatCount(f.valueHigh ?? f.value)}${unit}`;
    case 'percent':
      return `${f.value} %`;
    case 'money':
      return `${f.unit ?? ''} ${money.format(f.value)}`.trim();
  }
}

const KIND_WORDS: Record<ReferenceFigure['valueKind'], string> = {
  exact: 'exact figure',
  lower_bound: 'lower bound',
  range: 'range',
  percent: 'percentage',
  money: 'amount of money',
};

export function ReferencePanel({ comparisons }: { comparisons: ReferenceComparison[] }) {
  return (
    <Panel
      id="reference"
      title="Published figures"
      caption="As reported by their sources, beside what this dashboard recorded for the same period where comparable"
    >
      {comparisons.length === 0 ? (
        <p className="py-6 text-center text-sm text-muted">No reference figures recorded yet.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {comparisons.map(({ figure: f, recorded }) => (
            <li
              key={f.id}
              className="flex flex-col justify-between gap-2 rounded-lg border border-line bg-surface-2/50 p-3"
            >
              <div>
                <p className="text-sm text-fg">{f.metric}</p>
                <p className="mt-1 text-2xl font-semibold tracking-tight text-fg tabular-nums">
                  {referenceValueText(f)}
                </p>
                <p className="text-xs text-muted">
                  {periodWording(f, formatDay)} · {KIND_WORDS[f.valueKind]}
                </p>
              </div>
              {recorded && (
                <p className="rounded-md bg-accent-soft px-2 py-1.5 text-xs text-fg">
                  Recorded here, same period: {recorded.missing > 0 ? 'at least ' : ''}
                  <b className="tabular-nums">{formatCount(recorded.value)}</b> {COMPARABLE_LABELS[recorded.measure]}
                  {recorded.missing > 0
                    ? ` · ${missingNote(recorded.missing, 'a figure', recorded.measure === 'killed' ? 'incident' : 'record')}`
                    : ''}
                </p>
              )}
              <p className="text-xs text-muted">
                Source:{' '}
                {f.sourceUrl ? (
                  <a href={f.sourceUrl} className="text-accent hover:underline" rel="noreferrer" target="_blank">
                    {f.sourceName}
                  </a>
                ) : (
                  f.sourceName
                )}
                {f.citedVia ? `, cited via ${f.citedVia}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
