/**
 * ingest.api: W concurrent writers send incidents through the API until R rows are in; rows/s over
 * the whole run, and each request's latency. Two modes, both with 16 writers:
 * - `batch` (`ingest.api`, target ≥ 1,000 rows/s): POST /api/incidents/batch with B items per request
 *   (one transaction per chunk of 100, docs/adr/0025-write-throughput.md);
 * - `single` (`ingest.api.single`, target ≥ 400 rows/s): POST /api/incidents, one record each (the
 *   server's group commit still combines concurrent ones into one transaction).
 * The load average is read before and after the run and kept beside the figure.
 */
import { loadavg } from 'node:os';
import type { CreateIncidentInput } from '../core/incident/schema';
import { postIncident, postIncidentBatch, type IncidentSource } from './api-writer';
import { distribution, nowMs, round } from './percentiles';
import type { BenchResult } from './result';

export interface IngestRun {
  serverUrl: string;
  token: string;
  source: IncidentSource;
  writers: number;
  rows: number;
  /** Items per request; 1 = single creates (POST /api/incidents). */
  batch?: number;
  name?: string;
  /** CPU seconds the app's own processes used during the run, when measurable. */
  cpu?: () => Promise<() => Promise<{ server: number; postgres: number }>>;
  log(m: string): void;
}

const load = () => loadavg().map((l) => round(l));

export async function measureIngestApi(run: IngestRun): Promise<BenchResult> {
  const tag = Date.now().toString(36);
  const per = Math.max(1, run.batch ?? 1);
  const single = per === 1;
  // Warm-up: connections, JIT and the first rollup rows of the day.
  for (let i = 0; i < 20; i++)
    await postIncident(run.serverUrl, run.token, run.source.next(`bench-ingest-warm-${tag}-${i}`));
  if (!single)
    await postIncidentBatch(
      run.serverUrl,
      run.token,
      Array.from({ length: per }, (_, i) => run.source.next(`bench-ingest-warmb-${tag}-${i}`)),
    );
  const requests: CreateIncidentInput[][] = [];
  for (let i = 0; i < run.rows; i += per)
    requests.push(
      Array.from({ length: Math.min(per, run.rows - i) }, (_, j) => run.source.next(`bench-ingest-${tag}-${i + j}`)),
    );
  const ms: number[] = [];
  const refused = new Map<number, number>();
  const refuse = (status: number) => refused.set(status, (refused.get(status) ?? 0) + 1);
  let created = 0;
  let next = 0;
  const loadBefore = load();
  const stopMeter = run.cpu ? await run.cpu() : null;
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: run.writers }, async () => {
      while (next < requests.length) {
        const inputs = requests[next++]!;
        if (single) {
          const r = await postIncident(run.serverUrl, run.token, inputs[0]!);
          ms.push(r.ms);
          if (r.change) created++;
          else refuse(r.status);
        } else {
          const r = await postIncidentBatch(run.serverUrl, run.token, inputs);
          ms.push(r.ms);
          created += r.created;
          r.refused.forEach(refuse);
        }
      }
    }),
  );
  const elapsed = nowMs() - t0;
  const cpu = stopMeter ? await stopMeter() : null;
  const loadAfter = load();
  const rate = (created / elapsed) * 1000;
  const d = distribution(ms);
  const name = run.name ?? (single ? 'ingest.api.single' : 'ingest.api');
  const target = single ? 400 : 1000;
  const cpuBound = cpu && cpu.server + cpu.postgres > 0 ? created / (cpu.server + cpu.postgres) : null;
  run.log(
    `  ${name}: ${created} rows in ${round(elapsed)} ms = ${round(rate)} rows/s (${single ? 'single creates' : `${per} per request`}; request p50 ${round(d.p50)} p99 ${round(d.p99)} ms; load ${loadBefore.join(' ')} → ${loadAfter.join(' ')})` +
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
    target: single
      ? '≥ 400 rows/s with 16 concurrent writers, POST /api/incidents'
      : '≥ 1,000 rows/s with 16 concurrent writers, POST /api/incidents/batch',
    met: rate >= target && refused.size === 0,
    details: {
      writers: run.writers,
      itemsPerRequest: per,
      rows: created,
      seconds: round(elapsed / 1000),
      requestMs: { p50: round(d.p50), p95: round(d.p95), p99: round(d.p99) },
      refused: Object.fromEntries(refused),
      loadAverage: { before: loadBefore, after: loadAfter },
      ...(cpu
        ? {
            cpuSeconds: { server: round(cpu.server), postgres: round(cpu.postgres) },
            rowsPerCpuSecond: round(cpuBound),
          }
        : {}),
    },
  };
}
