'use client';
/** The trend panel: legend, the chart (its own chunk), the annotations and the numbers. */
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useMemo } from 'react';
import { INCIDENT_TYPE_INFO, INCIDENT_TYPES } from '@/core/enums';
import type { StatsTimeseries } from '@/core/stats/stats-types';
import { DataTable, Panel } from '../panel';
import { TYPE_COLORS } from '../palette';
import { formatDay, formatBucket } from '../time-format';
import { zoneLabel } from '../report-zone';
import { placeMarks, type AnnotationMark } from './annotation-marks';
import { ChartSkeleton, EmptyChart } from './chart-skeleton';

const TrendChart = dynamic(() => import('./trend-chart'), { ssr: false, loading: ChartSkeleton });

const BUCKET_NAMES = { hour: 'hour', day: 'day', week: 'ISO week', month: 'month' } as const;

/** "day (PKT)": buckets are the reporting zone's, said once in the caption. */
export const bucketWords = (bucket: StatsTimeseries['bucket']): string => `${BUCKET_NAMES[bucket]} (${zoneLabel()})`;

export function bucketLabel(start: string, bucket: StatsTimeseries['bucket']): string {
  if (bucket === 'hour') return `${formatDay(start)} ${formatBucket(start, 'hour')}`;
  return bucket === 'week'
    ? `Week of ${formatDay(start)}`
    : bucket === 'month'
      ? formatBucket(start, 'month')
      : formatDay(start);
}

const DAY_MS = 86_400_000;

/** Bucket choices for the period: hours only up to 7 days (the server's limit), never more than 2,000 points. */
function bucketChoices(series: StatsTimeseries): StatsTimeseries['bucket'][] {
  const from = series.from ?? series.points[0]?.start ?? series.to;
  const days = (Date.parse(series.to) - Date.parse(from)) / DAY_MS;
  return (['hour', 'day', 'week', 'month'] as const).filter((b) =>
    b === 'hour' ? days <= 7 : b === 'day' ? days <= 2000 : true,
  );
}

export function BucketChooser({ series, href }: { series: StatsTimeseries; href: (bucket: string) => string }) {
  return (
    <nav aria-label="Bucket" className="flex rounded-lg border border-line bg-surface p-0.5 text-xs">
      {bucketChoices(series).map((b) => (
        <Link
          key={b}
          href={href(b)}
          scroll={false}
          aria-current={series.bucket === b ? 'true' : undefined}
          className={`rounded-md px-2 py-1 font-medium ${series.bucket === b ? 'bg-fg text-surface' : 'text-muted hover:bg-surface-2 hover:text-fg'}`}
        >
          {b === 'hour' ? 'Hour' : b === 'day' ? 'Day' : b === 'week' ? 'Week' : 'Month'}
        </Link>
      ))}
    </nav>
  );
}

export function TrendPanel({
  series,
  annotations,
  className = '',
  bucketHref,
}: {
  series: StatsTimeseries;
  annotations: AnnotationMark[];
  className?: string;
  /** Where choosing a bucket leads (the same view with `bucket=`); no chooser without it. */
  bucketHref?: (bucket: string) => string;
}) {
  const marks = useMemo(
    () =>
      placeMarks(
        annotations,
        series.points.map((p) => p.start),
        series.bucket,
      ),
    [annotations, series],
  );
  const types = INCIDENT_TYPES.filter((t) => series.points.some((p) => p.byType[t] > 0));
  const partial = series.points.some((p) => p.partial);
  return (
    <Panel
      id="trend"
      className={className}
      title="Incidents over time"
      caption={`Per ${bucketWords(series.bucket)}, stacked by type${partial ? '; edge buckets are partial' : ''}`}
      actions={bucketHref ? <BucketChooser series={series} href={bucketHref} /> : undefined}
    >
      <div className="relative h-[300px]">
        <TrendChart series={series} marks={marks} height={300} />
        {series.points.every((p) => p.incidents === 0) && <EmptyChart text="No incidents recorded in this period" />}
      </div>
      <ul className="mt-2 flex min-h-5 flex-wrap gap-x-3 gap-y-1 text-xs text-muted" aria-label="Legend">
        {types.map((t) => (
          <li key={t} className="inline-flex items-center gap-1">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: TYPE_COLORS[t] }} />
            {INCIDENT_TYPE_INFO[t].label}
          </li>
        ))}
      </ul>
      {marks.length > 0 && (
        <ol className="mt-2 space-y-0.5 text-xs text-muted" aria-label="Timeline annotations">
          {marks.map((m) => (
            <li key={m.mark.id}>
              <span className="mr-1 inline-flex h-4 w-4 items-center justify-center rounded-full bg-accent text-[10px] font-bold text-surface">
                {m.n}
              </span>
              {formatDay(m.mark.date)}
              {m.mark.datePrecision !== 'day' && ` (${m.mark.datePrecision})`} — {m.mark.title}
            </li>
          ))}
        </ol>
      )}
      <DataTable
        caption="Incidents by type per bucket"
        download={{ name: 'incidents-over-time', label: 'Incidents over time', chart: true }}
        head={['Bucket', 'Incidents', ...types.map((t) => INCIDENT_TYPE_INFO[t].label)]}
        rows={series.points.map((p) => [
          bucketLabel(p.start, series.bucket) + (p.partial ? ' (partial)' : ''),
          p.incidents,
          ...types.map((t) => p.byType[t]),
        ])}
      />
    </Panel>
  );
}
