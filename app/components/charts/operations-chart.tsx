'use client';
/** Operations per bucket (bars) and militants killed in them (line, right axis). Loaded on demand. */
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsTimeseries } from '@/core/stats/stats-types';
import { formatCount, missingNote } from '../number-format';
import { formatBucket, formatDay } from '../time-format';

export default function OperationsChart({ series, height }: { series: StatsTimeseries; height: number }) {
  const rows = series.points.map((p) => ({
    key: p.start,
    operations: p.operations,
    killed: p.militantsKilled,
    arrested: p.militantsArrested,
    killedMissing: p.militantsKilledMissing,
  }));
  const tick = { fontSize: 11, fill: 'var(--muted)' };
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: -4 }} barCategoryGap="12%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="key"
            tickFormatter={(k: string) => formatBucket(k, series.bucket)}
            tick={tick}
            tickLine={false}
            axisLine={{ stroke: 'var(--line)' }}
            minTickGap={18}
          />
          <YAxis yAxisId="ops" allowDecimals={false} tick={tick} tickLine={false} axisLine={false} width={48} />
          <YAxis
            yAxisId="people"
            orientation="right"
            allowDecimals={false}
            tick={tick}
            tickLine={false}
            axisLine={false}
            width={40}
          />
          <Tooltip
            cursor={{ fill: 'var(--surface-2)', opacity: 0.6 }}
            content={({ active, payload }) => {
              const row = active && payload?.[0] ? (payload[0].payload as (typeof rows)[number]) : null;
              if (!row) return null;
              return (
                <div className="rounded-lg border border-line bg-surface p-2.5 text-xs shadow-lg">
                  <p className="mb-1 font-semibold text-fg">{formatDay(row.key)}</p>
                  <p className="text-fg">{formatCount(row.operations)} operations</p>
                  <p className="text-muted">
                    {formatCount(row.killed)} militants killed · {formatCount(row.arrested)} arrested
                  </p>
                  {row.killedMissing > 0 && (
                    <p className="text-muted">{missingNote(row.killedMissing, 'a killed figure', 'record')}</p>
                  )}
                </div>
              );
            }}
          />
          <Bar
            yAxisId="ops"
            dataKey="operations"
            fill="var(--accent)"
            fillOpacity={0.75}
            isAnimationActive={false}
            name="Operations"
          />
          <Line
            yAxisId="people"
            dataKey="killed"
            type="linear"
            stroke="var(--danger)"
            strokeWidth={1.75}
            dot={false}
            isAnimationActive={false}
            name="Militants killed"
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
