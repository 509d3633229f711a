/**
 * live.latency: N clients, one incident through the API every 100 ms; latency = client receipt −
 * request send, on the machine-wide monotonic clock. Baseline: bench/bare-broadcast.ts sends the
 * same payload to the same number of clients at the same rate, with no database, measured just
 * before and just after the app in the same run; the app is judged against the faster of the two.
 * Target: p99 ≤ 1.5× that baseline, every client receives every change. Measured at two fleet
 * sizes, with the clients spread over processes (perProcess) and with all of them in one process.
 *
 * live.delivery: the same receipts counted from the commit instead of the request: the app's hub
 * logs (at debug level) when each commit reached it and when each batch went out, on the same
 * clock. So the write path (request → commit) and the live path (commit → broadcast → client)
 * are reported apart.
 *
 * live.burst: with the clients still connected, B incidents from 16 concurrent writers as fast as
 * the API takes them: every client gets all B in order, and how long until the last one has.
 */
import type { Change } from '../core/change/change';
import { expectCreated, postIncident, type IncidentSource } from './api-writer';
import { spawnTs, stopChild } from './children';
import { ClientFleet } from './client-fleet';
import { distribution, nowMs, round } from './percentiles';
import { failed, type BenchResult } from './result';
import { freePort, startServerProcess, waitHealthy } from './server-process';
import { loadAverage } from './load-average';

export interface LiveRun {
  databaseUrl: string;
  token: string;
  source: IncidentSource;
  /** Fleet sizes: the first also runs the burst. */
  clients: number[];
  perProcess: number;
  intervalMs: number;
  /** Per segment: bare before, app, bare after. */
  durationMs: number;
  burst: number;
  burstWriters: number;
  log(m: string): void;
}

/** Hub timings from the app's debug log: seq → monotonic ms. */
interface HubTimes {
  commit: Map<number, number>;
  broadcast: Map<number, number>;
}

function hubTimes(): { times: HubTimes; onLine: (line: string) => void } {
  const times: HubTimes = { commit: new Map(), broadcast: new Map() };
  const onLine = (line: string) => {
    if (!line.includes('"live commit"') && !line.includes('"live broadcast"')) return;
    try {
      const entry = JSON.parse(line) as { msg: string; from: number; to: number; t: number };
      const into = entry.msg === 'live commit' ? times.commit : times.broadcast;
      for (let seq = entry.from; seq <= entry.to; seq++) into.set(seq, entry.t);
    } catch {
      // not a log line of ours
    }
  };
  return { times, onLine };
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

/** Receipt − a per-marker start time, pooled over every client. */
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
async function startBare(run: LiveRun, template: Change, clients: number, perProcess: number) {
  const port = await freePort();
  const child = spawnTs('bench/bare-broadcast.ts', [], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port) },
    stdio: 'inherit',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, 30_000, child);
    const fleet = await ClientFleet.connect(url, clients, { perProcess, recordMarkers: true, timeoutMs: 120_000 });
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

interface Config {
  name: string;
  clients: number;
  perProcess: number;
  layout: string;
}

const dist3 = (d: { p50: number; p95: number; p99: number }) => ({
  p50: round(d.p50),
  p95: round(d.p95),
  p99: round(d.p99),
});
const show = (d: { p50: number; p95: number; p99: number }) =>
  `p50 ${round(d.p50)} p95 ${round(d.p95)} p99 ${round(d.p99)} ms`;

/**
 * One fleet size and layout: the bare server before, the app, the bare server after, each for
 * `durationMs` with the other fleets idle, and a pause between them to drain.
 */
async function latency(
  run: LiveRun,
  appUrl: string,
  hub: HubTimes,
  cfg: Config,
  tag: string,
  template: Change,
  fleet: ClientFleet,
): Promise<BenchResult[]> {
  const bare = await startBare(run, template, cfg.clients, cfg.perProcess);
  try {
    for (let i = 0; i < 20; i++) await bare.emit(`warm-${i}`, i + 1);
    for (let i = 0; i < 20; i++)
      expectCreated(
        await postIncident(appUrl, run.token, run.source.next(`bench-warm-${tag}-${cfg.name}-${i}`)),
        'warm-up write',
      );
    await sleep(1000);
    await Promise.all([bare.fleet.reset(), fleet.reset()]);
    const bareSegment = async (phase: string) => {
      const sent = new Map<string, number>();
      await paced(run.intervalMs, run.durationMs, async (i) => {
        const marker = `bare-${cfg.name}-${phase}-${i}`;
        sent.set(marker, nowMs());
        await bare.emit(marker, 100 + i);
      });
      await sleep(1000);
      return { sent, load: loadAverage() };
    };
    const before = await bareSegment('before');
    const appSent = new Map<string, number>();
    const appCommit = new Map<string, number>();
    const appBroadcast = new Map<string, number>();
    const seqOf = new Map<string, number>();
    const requestMs: number[] = [];
    let refused = 0;
    await paced(run.intervalMs, run.durationMs, async (i) => {
      const marker = `bench-live-${tag}-${cfg.name}-${i}`;
      const r = await postIncident(appUrl, run.token, run.source.next(marker));
      requestMs.push(r.ms);
      if (r.change) {
        appSent.set(marker, r.sentAt);
        seqOf.set(marker, r.change.seq);
      } else refused++;
    });
    await sleep(1000);
    const appLoad = loadAverage();
    const after = await bareSegment('after');
    await sleep(1000);
    const [b, a] = await Promise.all([bare.fleet.report({ markers: true }), fleet.report({ markers: true })]);
    const n = cfg.clients;
    const bb = latencies(before.sent, b.receipts, n);
    const ba = latencies(after.sent, b.receipts, n);
    const app = latencies(appSent, a.receipts, n);
    // The hub's clock readings for each write (this node's own commits).
    const writeToCommit: number[] = [];
    const commitToBroadcast: number[] = [];
    for (const [marker, seq] of seqOf) {
      const c = hub.commit.get(seq);
      const t = hub.broadcast.get(seq);
      if (c !== undefined) {
        appCommit.set(marker, c);
        writeToCommit.push(c - appSent.get(marker)!);
      }
      if (t !== undefined) appBroadcast.set(marker, t);
      if (c !== undefined && t !== undefined) commitToBroadcast.push(t - c);
    }
    const delivery = latencies(appCommit, a.receipts, n);
    const fanout = latencies(appBroadcast, a.receipts, n);
    const req = distribution(requestMs);
    const toCommit = distribution(writeToCommit);
    const hubWait = distribution(commitToBroadcast);
    const faster = bb.dist.p99 <= ba.dist.p99 ? bb : ba;
    const fasterLoad = faster === bb ? before.load : after.load;
    const ratio = app.dist.p99 / faster.dist.p99;
    const deliveryRatio = delivery.dist.p99 / faster.dist.p99;
    const label = `${cfg.clients} clients, ${cfg.layout}`;
    run.log(`  [${label}] bare before: ${show(bb.dist)}, ${bb.delivered}/${bb.expected} (load ${before.load})`);
    run.log(
      `  [${label}] app, request → client: ${show(app.dist)}, ${app.delivered}/${app.expected} (${round(ratio)}× the faster bare p99; load ${appLoad})`,
    );
    run.log(
      `  [${label}] app, commit → client: ${show(delivery.dist)} (${round(deliveryRatio)}×); broadcast → client ${show(fanout.dist)}; commit → broadcast ${show(hubWait)}; request → commit ${show(toCommit)}; POST ${show(req)}`,
    );
    run.log(`  [${label}] bare after: ${show(ba.dist)}, ${ba.delivered}/${ba.expected} (load ${after.load})`);
    const baseline = {
      what: `bare Socket.IO broadcast of the same payload to as many clients (${cfg.layout}) at the same rate, no database; measured before and after the app, the faster p99 taken`,
      p50: round(faster.dist.p50),
      p95: round(faster.dist.p95),
      p99: round(faster.dist.p99),
      before: { ...dist3(bb.dist), delivered: bb.delivered, expected: bb.expected, loadAverage: before.load },
      after: { ...dist3(ba.dist), delivered: ba.delivered, expected: ba.expected, loadAverage: after.load },
      loadAverage: fasterLoad,
    };
    const common = {
      clients: cfg.clients,
      clientsPerProcess: cfg.perProcess,
      changes: appSent.size,
      intervalMs: run.intervalMs,
      refusedWrites: refused,
      loadAverage: appLoad,
      postMs: dist3(req),
      requestToCommitMs: dist3(toCommit),
      commitToBroadcastMs: dist3(hubWait),
      broadcastToClientMs: dist3(fanout.dist),
      hubTimings: hub.commit.size > 0 ? 'from the hub debug log' : 'missing (hub not at debug level)',
    };
    const bareOk = bb.missing === 0 && ba.missing === 0;
    return [
      {
        name: cfg.name,
        unit: 'ms',
        ...dist3(app.dist),
        value: round(app.dist.p99),
        baseline,
        ratio: round(ratio),
        target: 'p99 ≤ 1.5× bare Socket.IO p99 (the faster of before/after); every client receives every change',
        met: ratio <= 1.5 && app.missing === 0 && refused === 0 && bareOk,
        details: {
          ...common,
          delivered: app.delivered,
          expected: app.expected,
          missing: app.missing,
          max: round(app.dist.max),
        },
        note: `request sent → client; load ${appLoad} (bare ${fasterLoad})`,
      },
      {
        name: cfg.name.replace('live.latency', 'live.delivery'),
        unit: 'ms',
        ...dist3(delivery.dist),
        value: round(delivery.dist.p99),
        baseline,
        ratio: round(deliveryRatio),
        target: 'commit → client, beside the same bare baseline (profile of live.latency)',
        met: deliveryRatio <= 1.5 && delivery.missing === 0 && bareOk,
        details: { ...common, delivered: delivery.delivered, expected: delivery.expected, missing: delivery.missing },
        note: `commit (the hub's in-process wake-up) → client; load ${appLoad}`,
      },
      // Item 6's write latency: the same POSTs, timed to their answer, while 1,000 clients listen.
      ...(cfg.name === 'live.latency'
        ? [
            {
              name: 'write.latency',
              unit: 'ms',
              ...dist3(req),
              value: round(req.p99),
              baseline: null,
              ratio: null,
              target: `single create's POST p50 ≤ 10 ms and p99 ≤ 40 ms (one every ${run.intervalMs} ms, ${cfg.clients} clients listening)`,
              met: req.p50 <= 10 && req.p99 <= 40 && refused === 0,
              details: { ...common, requestToCommitMs: dist3(toCommit) },
              note: `request sent → answer read, inside live.latency; request → commit p50 ${round(toCommit.p50)}, p99 ${round(toCommit.p99)} ms; load ${appLoad}`,
            } satisfies BenchResult,
          ]
        : []),
    ];
  } finally {
    await bare.stop();
  }
}

export async function measureLive(run: LiveRun, want: (name: string) => boolean): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const tag = Date.now().toString(36);
  // A node of its own at debug level: its hub logs when each commit arrived and each batch left.
  const { times, onLine } = hubTimes();
  const server = await startServerProcess({
    port: await freePort(),
    databaseUrl: run.databaseUrl,
    logLevel: 'debug',
    onLine,
  });
  try {
    // A real change, for the baseline's payload (same shape and size as the app's broadcasts).
    const template = expectCreated(
      await postIncident(server.url, run.token, run.source.next(`bench-template-${tag}`)),
      'template write',
    );
    const configs: Config[] = run.clients.flatMap((clients, i) => {
      const base = i === 0 ? 'live.latency' : 'live.latency.large';
      return [
        { name: base, clients, perProcess: run.perProcess, layout: `${run.perProcess} per process` },
        { name: `${base}.oneProcess`, clients, perProcess: clients, layout: 'all in one process' },
      ];
    });
    for (const [i, cfg] of configs.entries()) {
      const latencyWanted =
        want(cfg.name) ||
        want(cfg.name.replace('live.latency', 'live.delivery')) ||
        (cfg.name === 'live.latency' && want('write.latency'));
      const burstHere = i === 0 && want('live.burst');
      if (!latencyWanted && !burstHere) continue;
      // One configuration failing (a fleet that cannot connect on a loaded machine) is recorded as
      // such; the others still run and keep their figures.
      let fleet: ClientFleet | null = null;
      try {
        fleet = await ClientFleet.connect(server.url, cfg.clients, {
          perProcess: cfg.perProcess,
          recordMarkers: true,
          timeoutMs: 120_000,
        });
        if (latencyWanted) {
          run.log(
            `  ${cfg.clients} clients (${cfg.layout}): bare before, app, bare after, one change every ${run.intervalMs} ms for ${run.durationMs / 1000} s each (load ${loadAverage()})`,
          );
          out.push(...(await latency(run, server.url, times, cfg, tag, template, fleet)));
        }
        if (burstHere) out.push(await burst(run, server.url, fleet, tag, cfg.clients));
      } catch (err) {
        run.log(`  [${cfg.clients} clients, ${cfg.layout}] failed: ${(err as Error).message} (load ${loadAverage()})`);
        const names = [
          ...(latencyWanted ? [cfg.name, cfg.name.replace('live.latency', 'live.delivery')] : []),
          ...(burstHere ? ['live.burst'] : []),
        ];
        out.push(
          ...names
            .filter((name) => !out.some((r) => r.name === name))
            .map((name) => ({
              ...failed(name, 'ms', 'p99 ≤ 1.5× bare', err),
              details: { clients: cfg.clients, loadAverage: loadAverage() },
            })),
        );
      } finally {
        await fleet?.close();
      }
    }
  } finally {
    await server.stop();
  }
  return out;
}

async function burst(
  run: LiveRun,
  serverUrl: string,
  fleet: ClientFleet,
  tag: string,
  clients: number,
): Promise<BenchResult> {
  await fleet.reset();
  const inputs = Array.from({ length: run.burst }, (_, i) => run.source.next(`bench-burst-${tag}-${i}`));
  const seqs: number[] = [];
  let next = 0;
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: run.burstWriters }, async () => {
      while (next < inputs.length) {
        const input = inputs[next++]!;
        seqs.push(expectCreated(await postIncident(serverUrl, run.token, input), 'burst write').seq);
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
    `  burst: ${run.burst} writes in ${round(written)} ms; drained to all ${clients} clients in ${round(dist.max)} ms; complete ${complete}, out of order ${disordered}`,
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
    met: complete === clients && disordered === 0 && contiguous,
    details: {
      incidents: run.burst,
      writers: run.burstWriters,
      clients: clients,
      clientsComplete: complete,
      clientsOutOfOrderOrDuplicated: disordered,
      seqsContiguous: contiguous,
      writesPerSecond: round((run.burst / written) * 1000),
    },
    note: 'value = time from the first request to the last client holding all changes; p50/p95/p99 over clients',
  };
}
