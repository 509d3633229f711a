/**
 * Bench sizes. `default` is the scale (1M incidents, 200k operation records, 1,000 live
 * clients, …); `small` exercises every measurement in a few minutes, for development. The targets
 * are stated for the default scale; a small run shows the same table with smaller counts.
 */
export interface Scale {
  name: 'default' | 'small';
  postgres: { incidents: number; operations: number; years: number };
  pglite: { incidents: number; operations: number; years: number };
  aggregates: {
    warmup: number;
    requests: number;
    baselineRuns: number;
    pgliteRequests: number;
    pgliteBaselineRuns: number;
  };
  /** Fleet sizes (each with the clients spread over processes and all in one), per-segment duration. */
  live: { clients: number[]; intervalMs: number; durationMs: number; burst: number; burstWriters: number };
  memory: { clients: number };
  ingest: {
    writers: number;
    /** Single creates (ingest.api.single). */
    apiRows: number;
    /** Rows through POST /api/incidents/batch (ingest.api), `batchItems` per request. */
    batchRows: number;
    batchItems: number;
    acledRows: number;
  };
  storm: { clients: number; writeIntervalMs: number; downMs: number };
  /** Two nodes behind nginx; one is stopped with its drain. */
  failover: { clients: number; writeIntervalMs: number; drainMs: number };
  page: { renders: number };
  /** Clients per load-generator process. */
  clientsPerProcess: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  default: {
    name: 'default',
    postgres: { incidents: 1_000_000, operations: 200_000, years: 10 },
    pglite: { incidents: 100_000, operations: 20_000, years: 10 },
    aggregates: { warmup: 100, requests: 500, baselineRuns: 7, pgliteRequests: 50, pgliteBaselineRuns: 5 },
    live: { clients: [1000, 5000], intervalMs: 100, durationMs: 20_000, burst: 500, burstWriters: 16 },
    memory: { clients: 5000 },
    ingest: { writers: 16, apiRows: 5000, batchRows: 20_000, batchItems: 100, acledRows: 20_000 },
    storm: { clients: 2000, writeIntervalMs: 100, downMs: 0 },
    failover: { clients: 2000, writeIntervalMs: 100, drainMs: 1000 },
    page: { renders: 50 },
    clientsPerProcess: 500,
  },
  small: {
    name: 'small',
    postgres: { incidents: 50_000, operations: 10_000, years: 3 },
    pglite: { incidents: 10_000, operations: 3_000, years: 3 },
    aggregates: { warmup: 5, requests: 40, baselineRuns: 5, pgliteRequests: 20, pgliteBaselineRuns: 3 },
    live: { clients: [200, 500], intervalMs: 100, durationMs: 5000, burst: 100, burstWriters: 16 },
    memory: { clients: 1000 },
    ingest: { writers: 16, apiRows: 800, batchRows: 4000, batchItems: 100, acledRows: 5000 },
    storm: { clients: 300, writeIntervalMs: 100, downMs: 0 },
    failover: { clients: 300, writeIntervalMs: 100, drainMs: 1000 },
    page: { renders: 15 },
    clientsPerProcess: 500,
  },
};

export interface BenchArgs {
  scale: Scale;
  /** Run only these measurements (prefixes of result names), for development. */
  only: string[] | null;
  /** Development: use an existing PostgreSQL database (no generation, not dropped). */
  reuseUrl: string | null;
  /** Leave the generated PostgreSQL database in place (development). */
  keep: boolean;
  skipPglite: boolean;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? (argv[i + 1] ?? null) : null;
  };
  const name = value('--scale') ?? 'default';
  if (name !== 'default' && name !== 'small') throw new Error(`--scale must be "default" or "small", not "${name}"`);
  const only = value('--only');
  return {
    scale: SCALES[name],
    only: only
      ? only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : null,
    reuseUrl: value('--reuse'),
    keep: argv.includes('--keep'),
    skipPglite: argv.includes('--skip-pglite'),
  };
}

export const wants = (args: BenchArgs, name: string): boolean =>
  !args.only || args.only.some((p) => name.startsWith(p) || p.startsWith(name));
