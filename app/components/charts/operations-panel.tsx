'use client';
/**
 * Operations over time in their own panel: hundreds a day against incidents' handful, so they get
 * their own scale instead of a second axis on the incidents chart that would invite a comparison.
 */
import dynamic from 'next/dynamic';
import type { StatsTimeseries } from '@/core/stats/stats-types';
import { DataTable, Panel } from '../panel';
import { ChartSkeleton, EmptyChart } from './chart-skeleton';
import { useChartWanted } from './use-chart-wanted';
import { bucketWords, bucketLabel } from './trend-panel';

const OperationsChart = dynamic(() => import('./operations-chart'), { ssr: false, loading: ChartSkeleton });

export function OperationsPanel({ series, className = '' }: { series: StatsTimeseries; className?: string }) {
  // Below the fold on the overview: the chart's code loads when it comes near (use-chart-wanted).
  const [chartBox, chartWanted] = useChartWanted<HTMLDivElement>();
  return (
    <Panel
      id="operations-trend"
      className={className}
      title="Operations over time"
      caption={`Per ${bucketWords(series.bucket)}: operations (bars, left) and militants killed in them (line, right)`}
    >
      <div ref={chartBox} className="relative h-[220px]" data-lazy-chart>
        {chartWanted ? <OperationsChart series={series} height={220} /> : <ChartSkeleton />}
        {series.points.every((p) => p.operations === 0) && <EmptyChart text="No operations recorded in this period" />}
      </div>
      <DataTable
        caption="Operations and outcomes per bucket"
        download={{ name: 'operations-over-time', label: 'Operations over time', chart: true }}
        head={['Bucket', 'Operations', 'Militants killed', 'Militants arrested']}
        rows={series.points.map((p) => [
          bucketLabel(p.start, series.bucket) + (p.partial ? ' (partial)' : ''),
          p.operations,
          p.militantsKilled,
          p.militantsArrested,
        ])}
      />
    </Panel>
  );
}
