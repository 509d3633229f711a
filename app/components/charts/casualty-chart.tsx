'use client';
/**
 * Casualties over time: killed or injured per bucket, stacked by category ("at least" figures),
 * with the "up to" total as a dashed line where records give one. Loaded on demand.
 */
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CASUALTY_CATEGORIES, CASUALTY_LABELS, type CasualtyCategory } from '@/core/enums';
import type { StatsTimeseries } from '@/core/stats/stats-types';
import { CATEGORY_COLORS } from '../palette';
import { formatCount } from '../number-format';
import { formatBucket, formatDay } from '../time-format';
import { zoneLabel } from '../report-zone';

type Row = { key: string; total: number; high: number } & Record<CasualtyCategory, number>;

export default function CasualtyChart({
  series,
  side,
  height,
}: {
  series: StatsTimeseries;
  side: 'killed' | 'injured';
  height: number;
}) {
  const rows: Row[] = series.points.map((p) => {
    const byCat = p[side];
    const total = CASUALTY_CATEGORIES.reduce((s, c) => s + byCat[c], 0);
    return { key: p.start, total, high: side === 'killed' ? p.killedHigh : p.injuredHigh, ...byCat };
  });
  const showHigh = rows.some((r) => r.high > r.total);
  const tick = { fontSize: 11, fill: 'var(--muted)' };
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: -8 }} barCategoryGap="12%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="key"
            tickFormatter={(k: string) => formatBucket(k, series.bucket)}
            tick={tick}
            tickLine={false}
            axisLine={{ stroke: 'var(--line)' }}
            minTickGap={18}
          />
          <YAxis allowDecimals={false} tick={tick} tickLine={false} axisLine={false} width={40} />
          <Tooltip
            cursor={{ fill: 'var(--surface-2)', opacity: 0.6 }}
            content={({ active, payload }) => {
              const row = active && payload?.[0] ? (payload[0].payload as Row) : null;
              if (!row) return null;
              return (
                <div className="rounded-lg border border-line bg-surface p-2.5 text-xs shadow-lg">
                  <p className="mb-1 font-semibold text-fg">
                    {series.bucket === 'hour'
                      ? `${formatDay(row.key)} ${formatBucket(row.key, 'hour')} ${zoneLabel(row.key)}`
                      : formatDay(row.key)}
                  </p>
                  <p className="text-fg">
                    <b className="tabular-nums">{formatCount(row.total)}</b> {side} (at least)
                    {row.high > row.total ? `, up to ${formatCount(row.high)}` : ''}
                  </p>
                  {CASUALTY_CATEGORIES.map((c) => (
                    <p key={c} className="flex items-center gap-1.5 text-muted">
                      <span className="h-2 w-2 rounded-sm" style={{ background: CATEGORY_COLORS[c] }} />
                      {CASUALTY_LABELS[c]} <span className="ml-auto pl-3 text-fg tabular-nums">{row[c]}</span>
                    </p>
                  ))}
                </div>
              );
            }}
          />
          {CASUALTY_CATEGORIES.map((c) => (
            <Bar
              key={c}
              dataKey={c}
              stackId="c"
              fill={CATEGORY_COLORS[c]}
              isAnimationActive={false}
              name={CASUALTY_LABELS[c]}
            />
          ))}
          {showHigh && (
            <Line
              dataKey="high"
              type="stepAfter"
              stroke="var(--muted)"
              strokeDasharray="4 3"
              dot={false}
              isAnimationActive={false}
              name="Up to"
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
