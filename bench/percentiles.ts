/** Percentiles by the nearest-rank method: p99 of 200 samples is the 198th smallest, a real sample. */
export interface Distribution {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Rounds for the report: 2 decimals below 10, 1 below 1000, whole numbers above. */
export function round(v: number | null | undefined): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  const a = Math.abs(v);
  const d = a < 10 ? 100 : a < 1000 ? 10 : 1;
  return Math.round(v * d) / d;
}

/** A monotonic clock shared by every process on the machine (CLOCK_MONOTONIC), in ms. */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
