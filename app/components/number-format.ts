/** How numbers read on the dashboard: grouped thousands, compact on tiles, ranges as "5–9". */
import type { Figures } from '@/core/stats/stats-types';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });

export const formatCount = (n: number): string => whole.format(n);

/** Compact above 100,000 ("1.2M"), exact below: tiles stay narrow without rounding small counts. */
export const formatBig = (n: number): string => (Math.abs(n) >= 100_000 ? compact.format(n) : whole.format(n));

/** "5" or "5–9": the "at least" figure, and the "up to" figure where it is higher. */
export const formatFigures = (f: Figures): string =>
  f.high > f.low ? `${whole.format(f.low)}–${whole.format(f.high)}` : whole.format(f.low);

export function formatShare(share: number | null): string {
  if (share === null) return '—';
  return `${Math.round(share * 100)}%`;
}

/** "+12%", "−8%", or "new" when the previous period had none. */
export function formatRatio(ratio: number | null, delta: number): string {
  if (delta === 0) return '±0';
  if (ratio === null) return `+${whole.format(delta)}`;
  const pct = Math.round(ratio * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;
}
