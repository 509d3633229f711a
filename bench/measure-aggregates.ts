/**
 * aggregates.*: each dashboard aggregate over HTTP (sequential requests after a warm-up, timed from
 * the request to the last byte of the body), against the raw GROUP BY run directly on the database.
 * Target: p95 ≤ 15 ms and the raw query's p95 at least 20× ours.
 */
import { AGGREGATE_CASES, type AggregateCase } from './aggregate-queries';
import { distribution, nowMs, round } from './percentiles';
import type { BenchResult } from './result';
import { loadAverage } from './load-average';

export interface AggregateRun {
  serverUrl: string;
  /** The baseline's timings (ms) for a case: its raw statements run directly on the database. */
  baseline(c: AggregateCase): Promise<number[]>;
  warmup: number;
  requests: number;
  /** Result names get this prefix (the PGlite section). */
  prefix?: string;
  log(m: string): void;
}

/** Times `runs` executions of a case's raw statements (concurrently, as the API reads), after one untimed warm run. */
export async function timeRaw(
  c: AggregateCase,
  runs: number,
  exec: (text: string) => Promise<unknown>,
): Promise<number[]> {
  await Promise.all(c.raw.map((q) => exec(q)));
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    await Promise.all(c.raw.map((q) => exec(q)));
    out.push(nowMs() - t0);
  }
  return out;
}

export const AGGREGATE_TARGET = 'p95 ≤ 15 ms and raw GROUP BY p95 / ours ≥ 20×';

async function timeRequest(url: string): Promise<{ ms: number; bytes: number }> {
  const t0 = nowMs();
  const res = await fetch(url);
  const body = await res.text();
  const ms = nowMs() - t0;
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 200)}`);
  return { ms, bytes: body.length };
}

export async function measureAggregates(run: AggregateRun, only: (name: string) => boolean): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const c of AGGREGATE_CASES) {
    if (!only(c.name)) continue;
    const url = `${run.serverUrl}${c.path}`;
    const load = loadAverage();
    for (let i = 0; i < run.warmup; i++) await timeRequest(url);
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < run.requests; i++) {
      const r = await timeRequest(url);
      samples.push(r.ms);
      bytes = r.bytes;
    }
    const base = await run.baseline(c);
    const ours = distribution(samples);
    const raw = distribution(base);
    const ratio = raw.p95 / ours.p95;
    const name = `${run.prefix ?? ''}${c.name}`;
    run.log(
      `  ${name}: p50 ${round(ours.p50)} ms, p95 ${round(ours.p95)} ms; raw p95 ${round(raw.p95)} ms (${round(ratio)}×; load ${load})`,
    );
    out.push({
      name,
      unit: 'ms',
      p50: round(ours.p50),
      p95: round(ours.p95),
      p99: round(ours.p99),
      value: round(ours.p95),
      baseline: {
        what: 'raw GROUP BY over incidents (and operations), same period and measures',
        runs: raw.n,
        p50: round(raw.p50),
        p95: round(raw.p95),
        p99: round(raw.p99),
      },
      ratio: round(ratio),
      target: c.information ?? AGGREGATE_TARGET,
      met: ours.p95 <= 15 && ratio >= 20,
      information: c.information !== undefined,
      details: {
        request: `GET ${c.path}`,
        requests: ours.n,
        warmup: run.warmup,
        responseBytes: bytes,
        max: round(ours.max),
        loadAverage: load,
        loadAverageAfter: loadAverage(),
      },
    });
  }
  return out;
}
