/**
 * live.latency: N clients, one incident through the API every 100 ms; latency = client receipt −
 * request send, on the machine-wide monotonic clock. Baseline: bench/bare-broadcast.ts sends the
 * same payload to the same number of clients at the same rate, with no database. Target: p99 ≤
 * 1.5× the baseline's, every client receives every change.
 *
 * live.burst: with the clients still connected, B incidents from 16 concurrent writers as fast as
 * the API takes them: every client gets all B in order, and how long until the last one has.
 */
import type { Change } from '../core/change/change';
import { expectCreated, postIncident, type IncidentSource } from './api-writer';
import { spawnTs, stopChild } from './children';
import { ClientFleet } from './client-fleet';
import { distribution, nowMs, round } from './percentiles';
import type { BenchResult } from './result';
import { freePort, waitHealthy } from './server-process';

export interface LiveRun {
  serverUrl: string;
  token: string;
  source: IncidentSource;
  clients: number;
  perProcess: number;
  intervalMs: number;
  durationMs: number;
  burst: number;
  burstWriters: number;
  log(m: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `tick(i)` every `intervalMs` for `durationMs` (drift-corrected), then waits for all of them. */
async function paced(intervalMs: number, durationMs: number, tick: (i: number) => Promise<void>): Promise<number> {
  const pending: Promise<void>[] = [];
  const start = nowMs();
  const n = Math.floor(durationMs / intervalMs);
  for (let i = 0; i < n; i++) {
    const due = start + i * intervalMs;
    const wait = due - nowMs();
    if (wait > 0) await sleep(wait);
    pending.push(tick(i));
  }
  await Promise.all(pending);
  return n;
}

function latencies(sent: Map<string, number>, receipts: Map<string, number[]>, clients: number) {
  const values: number[] = [];
  let missing = 0;
  for (const [marker, at] of sent) {
    const got = receipts.get(marker) ?? [];
    missing += Math.max(0, clients - got.length);
    for (const t of got) values.push(t - at);
  }
  return { dist: distribution(values), delivered: values.length, expected: sent.size * clients, missing };
}

/** The bare server and its own fleet, kept connected while the app's segments run. */
async function startBare(run: LiveRun, template: Change) {
  const port = await freePort();
  const child = spawnTs('bench/bare-broadcast.ts', [], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port) },
    stdio: 'inherit',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, 30_000, child);
    const fleet = await ClientFleet.connect(url, run.clients, { perProcess: run.perProcess, recordMarkers: true });
    const emit = async (marker: string, seq: number) => {
      const change = { ...template, seq, data: { ...(template.data as object), externalId: marker } };
      const res = await fetch(`${url}/emit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([change]),
      });
      await res.arrayBuffer();
    };
    return { fleet, emit, stop: async () => (await fleet.close(), await stopChild(child, 5000)) };
  } catch (err) {
    await stopChild(child, 5000);
    throw err;
  }
}

/**
 * Latency needs the baseline under the same conditions, and this machine's load drifts by the
 * second: the bare server and the app take turns in short segments (each with its own 1,000
 * clients, idle while the other runs), and a pause lets each segment drain before the next.
 */
async function latency(run: LiveRun, fleet: ClientFleet, tag: string, template: Change): Promise<BenchResult> {
  const bare = await startBare(run, template);
  try {
    for (let i = 0; i < 20; i++) await bare.emit(`warm-${i}`, i + 1);
    for (let i = 0; i < 20; i++)
      expectCreated(
        await postIncident(run.serverUrl, run.token, run.source.next(`bench-warm-${tag}-${i}`)),
        'warm-up write',
      );
    await sleep(500);
    await Promise.all([bare.fleet.reset(), fleet.reset()]);
    const bareSent = new Map<string, number>();
    const appSent = new Map<string, number>();
    const requestMs: number[] = [];
    let refused = 0;
    const segments = 10;
    for (let k = 0; k < segments; k++) {
      await paced(run.intervalMs, run.durationMs / segments, async (i) => {
        const marker = `bare-${k}-${i}`;
        bareSent.set(marker, nowMs());
        await bare.emit(marker, 100 + k * 1000 + i);
      });
      await sleep(400);
      await paced(run.intervalMs, run.durationMs / segments, async (i) => {
        const marker = `bench-live-${tag}-${k}-${i}`;
        const r = await postIncident(run.serverUrl, run.token, run.source.next(marker));
        requestMs.push(r.ms);
        if (r.change) appSent.set(marker, r.sentAt);
        else refused++;
      });
      await sleep(400);
    }
    await sleep(2000);
    const [b, a] = await Promise.all([bare.fleet.report({ markers: true }), fleet.report({ markers: true })]);
    const base = latencies(bareSent, b.receipts, run.clients);
    const app = latencies(appSent, a.receipts, run.clients);
    const req = distribution(requestMs);
    const ratio = app.dist.p99 / base.dist.p99;
    run.log(
      `  bare: p50 ${round(base.dist.p50)} p95 ${round(base.dist.p95)} p99 ${round(base.dist.p99)} ms, ${base.delivered}/${base.expected} delivered`,
    );
    run.log(
      `  app: p50 ${round(app.dist.p50)} p95 ${round(app.dist.p95)} p99 ${round(app.dist.p99)} ms, ${app.delivered}/${app.expected} delivered (${round(ratio)}× bare p99); POST p50 ${round(req.p50)} p99 ${round(req.p99)} ms`,
    );
    return {
      name: 'live.latency',
      unit: 'ms',
      p50: round(app.dist.p50),
      p95: round(app.dist.p95),
      p99: round(app.dist.p99),
      value: round(app.dist.p99),
      baseline: {
        what: 'bare Socket.IO broadcast of the same payload to as many clients at the same rate, no database; interleaved with the app in 10 segments',
        p50: round(base.dist.p50),
        p95: round(base.dist.p95),
        p99: round(base.dist.p99),
        delivered: base.delivered,
        expected: base.expected,
      },
      ratio: round(ratio),
      target: 'p99 ≤ 1.5× bare Socket.IO p99; every client receives every change',
      met: ratio <= 1.5 && app.missing === 0 && refused === 0,
      details: {
        clients: run.clients,
        changes: appSent.size,
        intervalMs: run.intervalMs,
        delivered: app.delivered,
        expected: app.expected,
        missing: app.missing,
        refusedWrites: refused,
        max: round(app.dist.max),
        postMs: { p50: round(req.p50), p95: round(req.p95), p99: round(req.p99) },
      },
    };
  } finally {
    await bare.stop();
  }
}

export async function measureLive(run: LiveRun, want: (name: string) => boolean): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const tag = Date.now().toString(36);
  // A real change, for the baseline's payload (same shape and size as the app's broadcasts).
  const template = expectCreated(
    await postIncident(run.serverUrl, run.token, run.source.next(`bench-template-${tag}`)),
    'template write',
  );
  const fleet = await ClientFleet.connect(run.serverUrl, run.clients, {
    perProcess: run.perProcess,
    recordMarkers: true,
  });
  try {
    if (want('live.latency')) {
      run.log(
        `  ${run.clients} clients on the app and on a bare Socket.IO server, taking turns, one change every ${run.intervalMs} ms for ${run.durationMs / 1000} s each`,
      );
      out.push(await latency(run, fleet, tag, template));
    }
    if (want('live.burst')) out.push(await burst(run, fleet, tag));
  } finally {
    await fleet.close();
  }
  return out;
}

async function burst(run: LiveRun, fleet: ClientFleet, tag: string): Promise<BenchResult> {
  await fleet.reset();
  const inputs = Array.from({ length: run.burst }, (_, i) => run.source.next(`bench-burst-${tag}-${i}`));
  const seqs: number[] = [];
  let next = 0;
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: run.burstWriters }, async () => {
      while (next < inputs.length) {
        const input = inputs[next++]!;
        seqs.push(expectCreated(await postIncident(run.serverUrl, run.token, input), 'burst write').seq);
      }
    }),
  );
  const written = nowMs() - t0;
  const range = { from: Math.min(...seqs), to: Math.max(...seqs) };
  const deadline = Date.now() + 60_000;
  let report = await fleet.report({ range });
  while (report.clients.some((c) => c.inRange < run.burst) && Date.now() < deadline) {
    await sleep(500);
    report = await fleet.report({ range });
  }
  const done = report.clients.map((c) => c.lastAt - t0);
  const dist = distribution(done);
  const complete = report.clients.filter((c) => c.inRange === run.burst).length;
  const disordered = report.clients.filter((c) => c.outOfOrder > 0 || c.duplicates > 0).length;
  const contiguous = range.to - range.from + 1 === run.burst;
  run.log(
    `  burst: ${run.burst} writes in ${round(written)} ms; drained to all ${run.clients} clients in ${round(dist.max)} ms; complete ${complete}, out of order ${disordered}`,
  );
  return {
    name: 'live.burst',
    unit: 'ms',
    p50: round(dist.p50),
    p95: round(dist.p95),
    p99: round(dist.p99),
    value: round(dist.max),
    baseline: {
      what: 'time for the API to accept the writes (last 201 after the first request)',
      value: round(written),
    },
    ratio: round(dist.max / written),
    target: 'all delivered to every client, in order; report time to drain',
    met: complete === run.clients && disordered === 0 && contiguous,
    details: {
      incidents: run.burst,
      writers: run.burstWriters,
      clients: run.clients,
      clientsComplete: complete,
      clientsOutOfOrderOrDuplicated: disordered,
      seqsContiguous: contiguous,
      writesPerSecond: round((run.burst / written) * 1000),
    },
    note: 'value = time from the first request to the last client holding all changes; p50/p95/p99 over clients',
  };
}
