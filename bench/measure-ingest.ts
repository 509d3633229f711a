/**
 * ingest.api: W concurrent writers POST incidents (each its own request, transaction, change-log
 * row, rollup upsert and NOTIFY) until R rows are in; rows/s over the whole run, and each
 * request's latency. Target ≥ 1,000 rows/s with 16 writers.
 */
import { postIncident, type IncidentSource } from './api-writer';
import { distribution, nowMs, round } from './percentiles';
import type { BenchResult } from './result';

export interface IngestRun {
  serverUrl: string;
  token: string;
  source: IncidentSource;
  writers: number;
  rows: number;
  name?: string;
  /** CPU seconds the app's own processes used during the run, when measurable. */
  cpu?: () => Promise<() => Promise<{ server: number; postgres: number }>>;
  log(m: string): void;
}

export async function measureIngestApi(run: IngestRun): Promise<BenchResult> {
  const tag = Date.now().toString(36);
  // Warm-up: connections, JIT and the first rollup rows of the day.
  for (let i = 0; i < 20; i++)
    await postIncident(run.serverUrl, run.token, run.source.next(`bench-ingest-warm-${tag}-${i}`));
  const inputs = Array.from({ length: run.rows }, (_, i) => run.source.next(`bench-ingest-${tag}-${i}`));
  const ms: number[] = [];
  const refused = new Map<number, number>();
  let next = 0;
  const stopMeter = run.cpu ? await run.cpu() : null;
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: run.writers }, async () => {
      while (next < inputs.length) {
        const r = await postIncident(run.serverUrl, run.token, inputs[next++]!);
        ms.push(r.ms);
        if (!r.change) refused.set(r.status, (refused.get(r.status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = nowMs() - t0;
  const cpu = stopMeter ? await stopMeter() : null;
  const created = ms.length - [...refused.values()].reduce((s, n) => s + n, 0);
  const rate = (created / elapsed) * 1000;
  const d = distribution(ms);
  const name = run.name ?? 'ingest.api';
  const cpuBound = cpu && cpu.server + cpu.postgres > 0 ? created / (cpu.server + cpu.postgres) : null;
  run.log(
    `  ${name}: ${created} rows in ${round(elapsed)} ms = ${round(rate)} rows/s (request p50 ${round(d.p50)} p99 ${round(d.p99)} ms)` +
      (cpu
        ? `; CPU server ${round(cpu.server)} s + postgres ${round(cpu.postgres)} s = ${round(cpuBound)} rows per CPU second`
        : ''),
  );
  return {
    name,
    unit: 'rows/s',
    p50: null,
    p95: null,
    p99: null,
    value: round(rate),
    baseline: null,
    ratio: null,
    target: '≥ 1,000 rows/s with 16 concurrent writers',
    met: rate >= 1000 && refused.size === 0,
    details: {
      writers: run.writers,
      rows: created,
      seconds: round(elapsed / 1000),
      requestMs: { p50: round(d.p50), p95: round(d.p95), p99: round(d.p99) },
      refused: Object.fromEntries(refused),
      ...(cpu
        ? {
            cpuSeconds: { server: round(cpu.server), postgres: round(cpu.postgres) },
            rowsPerCpuSecond: round(cpuBound),
          }
        : {}),
    },
  };
}
