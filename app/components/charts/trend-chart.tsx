'use client';
/**
 * The trend: incidents per bucket stacked by type, and timeline annotations as numbered markers (bands for months, years and spans) with a tooltip
 * on hover or focus. A dumb component: it draws the series it is given. Loaded on demand
 * (next/dynamic) so pages without it never download Recharts.
 */
import { useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { INCIDENT_TYPE_INFO, INCIDENT_TYPES, type IncidentType } from '@/core/enums';
import type { StatsTimeseries } from '@/core/stats/stats-types';
import { TYPE_COLORS } from '../palette';
import { formatCount } from '../number-format';
import { formatBucket, formatDay } from '../time-format';
import { zoneLabel } from '../report-zone';
import type { PlacedMark } from './annotation-marks';

type Row = { key: string; incidents: number; operations: number } & Partial<Record<IncidentType, number>>;

export interface TrendChartProps {
  series: StatsTimeseries;
  marks: PlacedMark[];
  height: number | string;
  /** Wallboard: larger type. */
  large?: boolean;
  /** A shared top of the scale, so small multiples compare by height. */
  yMax?: number;
}

export default function TrendChart({ series, marks, height, large = false, yMax }: TrendChartProps) {
  const [active, setActive] = useState<PlacedMark | null>(null);
  const types = INCIDENT_TYPES.filter((t) => series.points.some((p) => p.byType[t] > 0));
  const rows: Row[] = series.points.map((p) => ({
    key: p.start,
    incidents: p.incidents,
    operations: p.operations,
    ...p.byType,
  }));
  // The wall's ticks follow the screen like its text (16 px up to 1920 wide, 32 px at 4K); the chart is client-only.
  const big = large ? Math.max(16, Math.round(window.innerWidth / 120)) : 11;
  const tick = { fontSize: big, fill: 'var(--muted)' };

  return (
    <div className="relative" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 18, right: 4, bottom: 0, left: -8 }} barCategoryGap="12%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="key"
            tickFormatter={(k: string) => formatBucket(k, series.bucket)}
            tick={tick}
            tickLine={false}
            axisLine={{ stroke: 'var(--line)' }}
            minTickGap={18}
            height={large ? Math.round(big * 1.9) : 30}
          />
          <YAxis
            yAxisId="incidents"
            allowDecimals={false}
            domain={yMax ? [0, yMax] : undefined}
            tick={tick}
            tickLine={false}
            axisLine={false}
            width={large ? big * 3.5 : 40}
          />
          <Tooltip
            cursor={{ fill: 'var(--surface-2)', opacity: 0.6 }}
            content={({ active: on, payload }) => {
              const row = on && payload?.[0] ? (payload[0].payload as Row) : null;
              if (!row) return null;
              return (
                <div className="rounded-lg border border-line bg-surface p-2.5 text-xs shadow-lg">
                  <p className="mb-1 font-semibold text-fg">
                    {series.bucket === 'hour'
                      ? `${formatDay(row.key)} ${formatBucket(row.key, 'hour')} ${zoneLabel(row.key)}`
                      : `${series.bucket === 'week' ? 'Week of ' : ''}${formatDay(row.key)}`}
                  </p>
                  <p className="text-fg">
                    <b className="tabular-nums">{formatCount(row.incidents)}</b> incidents
                  </p>
                  {types
                    .filter((t) => (row[t] ?? 0) > 0)
                    .map((t) => (
                      <p key={t} className="flex items-center gap-1.5 text-muted">
                        <span className="h-2 w-2 rounded-sm" style={{ background: TYPE_COLORS[t] }} />
                        {INCIDENT_TYPE_INFO[t].label}{' '}
                        <span className="ml-auto pl-3 text-fg tabular-nums">{row[t]}</span>
                      </p>
                    ))}
                </div>
              );
            }}
          />
          {marks.map((m) =>
            m.x2 ? (
              <ReferenceArea
                key={m.mark.id}
                yAxisId="incidents"
                x1={m.x1}
                x2={m.x2}
                fill="var(--accent)"
                fillOpacity={0.07}
                stroke="none"
                ifOverflow="hidden"
              />
            ) : null,
          )}
          {types.map((t) => (
            <Bar
              key={t}
              yAxisId="incidents"
              dataKey={t}
              stackId="incidents"
              fill={TYPE_COLORS[t]}
              isAnimationActive={false}
              name={INCIDENT_TYPE_INFO[t].label}
            />
          ))}
          {marks.map((m) => (
            <ReferenceLine
              key={`l-${m.mark.id}`}
              yAxisId="incidents"
              x={m.x1}
              stroke="var(--accent)"
              strokeDasharray="3 3"
              ifOverflow="hidden"
              label={(props: { viewBox?: { x?: number; y?: number } }) => {
                const x = props.viewBox?.x ?? 0;
                const y = (props.viewBox?.y ?? 0) - 10 + m.row * (large ? 26 : 19);
                return (
                  <g
                    tabIndex={0}
                    role="button"
                    aria-label={`Annotation ${m.n}: ${m.mark.title}`}
                    onMouseEnter={() => setActive(m)}
                    onMouseLeave={() => setActive(null)}
                    onFocus={() => setActive(m)}
                    onBlur={() => setActive(null)}
                    style={{ cursor: 'help' }}
                  >
                    <circle cx={x} cy={y} r={large ? 11 : 8} fill="var(--accent)" />
                    <text
                      x={x}
                      y={y + (large ? 5 : 3.5)}
                      textAnchor="middle"
                      fontSize={large ? 13 : 10}
                      fontWeight={700}
                      fill="var(--surface)"
                    >
                      {m.n}
                    </text>
                  </g>
                );
              }}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
      {active && (
        <div
          role="tooltip"
          className="pointer-events-none absolute top-0 left-1/2 z-10 w-72 -translate-x-1/2 rounded-lg border border-line bg-surface p-2.5 text-xs shadow-lg"
        >
          <p className="font-semibold text-fg">
            {active.n}. {active.mark.title}
          </p>
          <p className="text-muted">
            {formatDay(active.mark.date)}
            {active.mark.datePrecision !== 'day'
              ? ` (${active.mark.datePrecision}${active.mark.endDate ? ` to ${formatDay(active.mark.endDate)}` : ''})`
              : ''}{' '}
            · {active.mark.kind}
          </p>
          {active.mark.description && <p className="mt-1 text-fg">{active.mark.description}</p>}
          {active.mark.sourceName && <p className="mt-1 text-muted">Source: {active.mark.sourceName}</p>}
        </div>
      )}
    </div>
  );
}
