'use client';
/** The operations page's figures and chart, refetched (throttled) when operations change. */
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Position } from '@/core/change/change';
import type { IncidentFilter } from '@/core/filters';
import type { Operation } from '@/core/operation/schema';
import { operationMatches } from '@/core/stats/match-filter';
import { changeAgainst } from '@/core/stats/summary';
import type { StatsOverview, StatsSummary, StatsTimeseries } from '@/core/stats/stats-types';
import { useLiveChanges } from '@/app/live/use-live-changes';
import { useThrottledRefresh } from '@/app/live/use-throttled-refresh';
import { ChartSkeleton } from './charts/chart-skeleton';
import { bucketLabel, bucketWords } from './charts/trend-panel';
import { LiveIndicator } from './live-indicator';
import { DataTable, Panel } from './panel';
import { formatBig, formatCount, formatRatio } from './number-format';

const OperationsChart = dynamic(() => import('./charts/operations-chart'), { ssr: false, loading: ChartSkeleton });

export interface OperationsSnapshot {
  position: Position;
  summary: StatsSummary;
  series: StatsTimeseries;
}

export function OperationsLive({
  snapshot,
  viewParams,
  periodLabel,
  listFilter,
  children,
}: {
  snapshot: OperationsSnapshot;
  viewParams: string;
  periodLabel: string;
  listFilter: IncidentFilter;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [data, setData] = useState(snapshot);
  const [adopted, setAdopted] = useState(snapshot);
  const [listChanges, setListChanges] = useState(0);
  if (adopted !== snapshot) {
    setAdopted(snapshot);
    setData(snapshot);
    setListChanges(0);
  }
  const refresh = useThrottledRefresh<StatsOverview>(
    () => `/api/stats/overview?${viewParams}`,
    (o) => setData((d) => ({ ...d, summary: o.summary, series: o.timeseries })),
  );
  const { status } = useLiveChanges({
    snapshot: snapshot.position,
    onChanges: (changes) => {
      const ops = changes.filter((c) => c.entity === 'operation');
      if (ops.length === 0) return;
      refresh.refresh();
      // The table below is server-rendered: offer a reload rather than moving rows under the reader.
      const listed = ops.filter((c) => operationMatches(c.data as Operation, listFilter)).length;
      if (listed > 0) setListChanges((n) => n + listed);
    },
    onResync: () => router.refresh(),
  });
  const s = data.summary.current.operations;
  const p = data.summary.previous?.operations ?? null;
  const tiles: [string, number, number | null][] = [
    ['Operations', s.operations, p?.operations ?? null],
    ['Records', s.records, p?.records ?? null],
    ['Militants killed', s.militantsKilled, p?.militantsKilled ?? null],
    ['Militants arrested', s.militantsArrested, p?.militantsArrested ?? null],
    ['Forces killed', s.securityKilled, p?.securityKilled ?? null],
    ['Forces injured', s.securityInjured, p?.securityInjured ?? null],
  ];
  return (
    <div className="space-y-3">
      <LiveIndicator status={status} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {tiles.map(([label, value, prev]) => {
          const c = prev === null ? null : changeAgainst(value, prev);
          return (
            <section
              key={label}
              aria-label={label}
              className="flex h-28 flex-col justify-between rounded-xl border border-line bg-surface p-4 shadow-card"
            >
              <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</h2>
              <p className="text-3xl font-semibold tracking-tight text-fg tabular-nums">{formatBig(value)}</p>
              <p className="truncate text-xs text-muted">
                {c
                  ? `${formatRatio(c.ratio, c.delta)} vs prev. ${periodLabel} (${formatCount(prev!)})`
                  : 'All recorded time'}
              </p>
            </section>
          );
        })}
      </div>
      <Panel
        title="Operations over time"
        caption={`Per ${bucketWords(data.series.bucket)}: operations (bars, left) and militants killed in them (line, right)`}
      >
        <div className="h-[260px]">
          <OperationsChart series={data.series} height={260} />
        </div>
        <DataTable
          caption="Operations and outcomes per bucket"
          download={{ name: 'operations-over-time', label: 'Operations over time', chart: true }}
          head={['Bucket', 'Operations', 'Militants killed', 'Militants arrested']}
          rows={data.series.points.map((pt) => [
            bucketLabel(pt.start, data.series.bucket),
            pt.operations,
            pt.militantsKilled,
            pt.militantsArrested,
          ])}
        />
      </Panel>
      <p role="status" aria-live="polite" className="min-h-8">
        {listChanges > 0 && (
          <button
            type="button"
            onClick={() => router.refresh()}
            className="h-8 rounded-full bg-accent px-3 text-sm font-medium text-surface shadow-card"
          >
            {listChanges} operation {listChanges === 1 ? 'record' : 'records'} changed · Refresh the list
          </button>
        )}
      </p>
      {children}
    </div>
  );
}
