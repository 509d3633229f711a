/** How numbers read on the dashboard: grouped thousands, compact on tiles, ranges as "5–9". */
import type { Figures } from '@/core/stats/stats-types';

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });

export const formatCount = (n: number): string => whole.format(n);

/** Compact above 100,000 ("1.2M"), exact below: tiles stay narrow without rounding small counts. */
export const formatBig = (n: number): string => (Math.abs(n) >= 100_000 ? compact.format(n) : whole.format(n));

/** "5" or "5–9": the "at least" figure, and the "up to" figure where it is higher. */
export const formatFigures = (f: Pick<Figures, 'low' | 'high'>): string =>
  f.high > f.low ? `${whole.format(f.low)}–${whole.format(f.high)}` : whole.format(f.low);

/** One record's figure: "—" when the source gave none (not reported), unlike a reported "0". */
export const formatFigure = (f: { low: number | null; high: number | null }): string =>
  f.low === null ? '—' : formatFigures({ low: f.low, high: f.high ?? f.low });

/** One record's count, "—" when not reported. */
export const formatOptionalCount = (n: number | null): string => (n === null ? '—' : whole.format(n));

/**
 * "31 incidents without an injured figure": how much of an "at least" total rests on records that
 * report nothing. Empty when every record reports one.
 */
export function missingNote(missing: number, what: string, records = 'incident'): string {
  if (missing <= 0) return '';
  return `${whole.format(missing)} ${records}${missing === 1 ? '' : 's'} without ${what}`;
}

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
