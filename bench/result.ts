/** One measurement in bench/results/latest.json (the contract in issue 6). */
export interface BenchResult {
  name: string;
  unit: string;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** The headline figure (p95 for latencies, the rate for throughputs, …). */
  value: number | null;
  baseline: Record<string, unknown> | null;
  ratio: number | null;
  target: string;
  met: boolean;
  /** Measured for comparison only: the table's met column reads n/a. */
  information?: boolean;
  /** Counts, settings and anything a reader needs to trust the figure. */
  details?: Record<string, unknown>;
  /** Why a figure is missing or a target not met. */
  note?: string;
}

/** A measurement that could not run: recorded as not met, with the reason, never a made-up number. */
export function notMeasured(name: string, unit: string, target: string, note: string): BenchResult {
  return {
    name,
    unit,
    p50: null,
    p95: null,
    p99: null,
    value: null,
    baseline: null,
    ratio: null,
    target,
    met: false,
    note,
  };
}

/** A measurement that threw: the bench goes on with the others and reports the error. */
export function failed(name: string, unit: string, target: string, err: unknown): BenchResult {
  const message = err instanceof Error ? err.message : String(err);
  return notMeasured(name, unit, target, `failed: ${message}`);
}
