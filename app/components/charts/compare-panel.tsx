'use client';
/**
 * Compare mode: with two or more provinces, groups or types chosen, one small chart per value on
 * the same scale and buckets, instead of a single series that merges them. Each is read from the
 * stats API for the view narrowed to that value.
 */
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import type { StatsTimeseries } from '@/core/stats/stats-types';
import { DataTable, Panel } from '../panel';
import { ChartSkeleton } from './chart-skeleton';
import { bucketWords, bucketLabel } from './trend-panel';

const TrendChart = dynamic(() => import('./trend-chart'), { ssr: false, loading: ChartSkeleton });

export interface CompareSeries {
  value: string;
  label: string;
}

const FIELD_WORDS = { province: 'province', group: 'group', type: 'type' } as const;

export function ComparePanel({
  field,
  values,
  viewParams,
  refreshKey,
  className = '',
}: {
  field: keyof typeof FIELD_WORDS;
  values: CompareSeries[];
  viewParams: string;
  /** Changes when the view's data may have moved (live changes), to refetch. */
  refreshKey: number;
  className?: string;
}) {
  const [series, setSeries] = useState<Record<string, StatsTimeseries>>({});
  useEffect(() => {
    let cancelled = false;
    void Promise.all(
      values.map(async (v) => {
        const p = new URLSearchParams(viewParams);
        p.set(field, v.value);
        const res = await fetch(`/api/stats/timeseries?${p.toString()}`, { cache: 'no-store' });
        return [v.value, res.ok ? ((await res.json()) as StatsTimeseries) : null] as const;
      }),
    )
      .then((pairs) => {
        if (cancelled) return;
        setSeries(Object.fromEntries(pairs.filter((x): x is readonly [string, StatsTimeseries] => x[1] !== null)));
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [field, values, viewParams, refreshKey]);
  const max = Math.max(1, ...Object.values(series).flatMap((s) => s.points.map((p) => p.incidents)));
  const first = Object.values(series)[0];
  return (
    <Panel
      id="compare"
      className={className}
      title={`Compared by ${FIELD_WORDS[field]}`}
      caption={`One chart per ${FIELD_WORDS[field]}, same scale${first ? `, per ${bucketWords(first.bucket)}` : ''}`}
    >
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {values.map((v) => {
          const s = series[v.value];
          const total = s ? s.points.reduce((n, p) => n + p.incidents, 0) : null;
          return (
            <li key={v.value} className="min-w-0 rounded-lg border border-line p-2" data-compare={v.value}>
              <p className="truncate text-sm font-semibold text-fg" title={v.label}>
                {v.label}
                <span className="ml-2 font-normal text-muted tabular-nums">
                  {total === null ? '…' : `${total} incidents`}
                </span>
              </p>
              <div className="h-[140px]">{s && <TrendChart series={s} marks={[]} height={140} yMax={max} />}</div>
            </li>
          );
        })}
      </ul>
      {first && (
        <DataTable
          caption={`Incidents per bucket, one column per ${FIELD_WORDS[field]}`}
          download={{ name: `compared-by-${field}`, label: `Compared by ${FIELD_WORDS[field]}` }}
          head={['Bucket', ...values.map((v) => v.label)]}
          rows={first.points.map((p, i) => [
            bucketLabel(p.start, first.bucket),
            ...values.map((v) => series[v.value]?.points[i]?.incidents ?? 0),
          ])}
        />
      )}
    </Panel>
  );
}
