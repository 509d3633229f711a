'use client';
/** Casualties over time, killed or injured, stacked by category; the chart is its own chunk, loaded when near. */
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { CASUALTY_CATEGORIES, CASUALTY_LABELS } from '@/core/enums';
import type { StatsTimeseries } from '@/core/stats/stats-types';
import { DataTable, Panel } from '../panel';
import { CATEGORY_COLORS } from '../palette';
import { ChartSkeleton, EmptyChart } from './chart-skeleton';
import { useChartWanted } from './use-chart-wanted';
import { bucketLabel, bucketWords } from './trend-panel';
import { missingNote } from '../number-format';

const CasualtyChart = dynamic(() => import('./casualty-chart'), { ssr: false, loading: ChartSkeleton });

export function CasualtyPanel({ series, className = '' }: { series: StatsTimeseries; className?: string }) {
  const [side, setSide] = useState<'killed' | 'injured'>('killed');
  // Below the fold on the overview: the chart's code loads when it comes near (use-chart-wanted).
  const [chartBox, chartWanted] = useChartWanted<HTMLDivElement>();
  const missingOf = (p: StatsTimeseries['points'][number]) => (side === 'killed' ? p.killedMissing : p.injuredMissing);
  // Incidents that report no figure add nothing to the bars: say how many, so "at least" is read as such.
  const missing = missingNote(
    series.points.reduce((n, p) => n + missingOf(p), 0),
    side === 'killed' ? 'a killed figure' : 'an injured figure',
  );
  const tab = (s: 'killed' | 'injured', label: string) => (
    <button
      type="button"
      aria-pressed={side === s}
      onClick={() => setSide(s)}
      className={`h-7 rounded-md px-2.5 text-xs font-medium ${side === s ? 'bg-fg text-surface' : 'text-muted hover:bg-surface-2'}`}
    >
      {label}
    </button>
  );
  return (
    <Panel
      id="casualties"
      className={className}
      title="Casualties over time"
      caption={`Per ${bucketWords(series.bucket)}, "at least" figures stacked by category; dashed: "up to"`}
      actions={
        <div
          className="flex gap-1 rounded-lg border border-line p-0.5"
          role="group"
          aria-label="Show killed or injured"
        >
          {tab('killed', 'Killed')}
          {tab('injured', 'Injured')}
        </div>
      }
    >
      <div ref={chartBox} className="relative h-[220px]" data-lazy-chart>
        {chartWanted ? <CasualtyChart series={series} side={side} height={220} /> : <ChartSkeleton />}
        {series.points.every((p) => CASUALTY_CATEGORIES.every((c) => p[side][c] === 0)) && (
          <EmptyChart text={`No one recorded ${side} in this period`} />
        )}
      </div>
      {missing && (
        <p className="mt-2 text-xs text-muted" data-testid="casualty-missing">
          At least · {missing} in this period
        </p>
      )}
      <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted" aria-label="Legend">
        {CASUALTY_CATEGORIES.map((c) => (
          <li key={c} className="inline-flex items-center gap-1">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: CATEGORY_COLORS[c] }} />
            {CASUALTY_LABELS[c]}
          </li>
        ))}
      </ul>
      <DataTable
        caption={`${side === 'killed' ? 'Killed' : 'Injured'} per bucket by category`}
        download={{
          name: `${side}-over-time`,
          label: `${side === 'killed' ? 'Killed' : 'Injured'} over time`,
          chart: true,
        }}
        head={[
          'Bucket',
          ...CASUALTY_CATEGORIES.map((c) => CASUALTY_LABELS[c]),
          'Up to (all)',
          'Incidents without a figure',
        ]}
        rows={series.points.map((p) => [
          bucketLabel(p.start, series.bucket),
          ...CASUALTY_CATEGORIES.map((c) => p[side][c]),
          side === 'killed' ? p.killedHigh : p.injuredHigh,
          missingOf(p),
        ])}
      />
    </Panel>
  );
}
