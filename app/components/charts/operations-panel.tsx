'use client';
/**
 * Operations over time in their own panel: hundreds a day against incidents' handful, so they get
 * their own scale instead of a second axis on the incidents chart that would invite a comparison.
 */
import dynamic from 'next/dynamic';
import type { StatsTimeseries } from '@/core/stats/stats-types';
import { DataTable, Panel } from '../panel';
import { ChartSkeleton, EmptyChart } from './chart-skeleton';
import { bucketWords, bucketLabel } from './trend-panel';

const OperationsChart = dynamic(() => import('./operations-chart'), { ssr: false, loading: ChartSkeleton });

export function OperationsPanel({ series, className = '' }: { series: StatsTimeseries; className?: string }) {
  return (
    <Panel
      id="operations-trend"
      className={className}
      title="Operations over time"
      caption={`Per ${bucketWords(series.bucket)}: operations (bars, left) and militants killed in them (line, right)`}
    >
      <div className="relative h-[220px]">
        <OperationsChart series={series} height={220} />
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
