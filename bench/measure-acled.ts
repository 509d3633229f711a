/**
 * ingest.acled: runs the import engineer's bench/ingest-acled.ts (its own fresh database, a
 * generated ACLED CSV through importAcled → the import sink) as a child process and takes the
 * first pass (every row new) as the figure; the re-import passes go into the details.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, spawnTs } from './children';
import { round } from './percentiles';
import { notMeasured, type BenchResult } from './result';

const TARGET = '≥ 5,000 rows/s (ACLED CSV import on PostgreSQL)';

interface AcledOutput {
  value: number;
  rows: number;
  batchSize?: number;
  passes?: { name: string; seconds: number; rowsPerSecond: number; cpuBoundRowsPerSecond?: number }[];
}

export async function measureAcled(opts: {
  rows: number;
  baseUrl: string;
  log(m: string): void;
}): Promise<BenchResult> {
  const script = path.join(ROOT, 'bench', 'ingest-acled.ts');
  if (!existsSync(script))
    return notMeasured(
      'ingest.acled',
      'rows/s',
      TARGET,
      'bench/ingest-acled.ts (the import bench) is not in this tree',
    );
  const child = spawnTs('bench/ingest-acled.ts', ['--rows', String(opts.rows)], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', BENCH_DATABASE_URL: opts.baseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const last = stdout.trim().split('\n').pop() ?? '';
  let out: AcledOutput;
  try {
    out = JSON.parse(last) as AcledOutput;
  } catch {
    throw new Error(`bench/ingest-acled.ts exited ${code} without a JSON result: ${stderr.slice(-500)}`);
  }
  opts.log(`  ingest.acled: ${out.value} rows/s over ${out.rows} rows`);
  return {
    name: 'ingest.acled',
    unit: 'rows/s',
    p50: null,
    p95: null,
    p99: null,
    value: round(out.value),
    baseline: null,
    ratio: null,
    target: TARGET,
    met: out.value >= 5000,
    details: {
      rows: out.rows,
      batchSize: out.batchSize,
      passes: out.passes?.map((p) => ({
        name: p.name,
        seconds: p.seconds,
        rowsPerSecond: p.rowsPerSecond,
        cpuBoundRowsPerSecond: p.cpuBoundRowsPerSecond,
      })),
      by: 'bench/ingest-acled.ts',
    },
  };
}
