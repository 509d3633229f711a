/**
 * live.reconnectStorm: nodes A and B on one PostgreSQL; N clients on A (reconnecting with the
 * browser hook's backoff and resuming from their last position); writes continue through B every
 * 100 ms. A is stopped (SIGTERM) and started again on the same port. Per client: the time from A
 * listening again until it received `live.hello` with recovered: true and then everything up to
 * that hello's seq (the storm the restarted node must absorb; the restart itself, SIGTERM to
 * listening, depends on the deployment and is reported beside it). Target: p95 ≤ 5 s, and 100 %
 * of the changes written meanwhile delivered.
 */
import { postIncident, type IncidentSource } from './api-writer';
import { ClientFleet } from './client-fleet';
import { distribution, nowMs, round } from './percentiles';
import type { BenchResult } from './result';
import { freePort, startServerProcess, type ServerProcess } from './server-process';

export interface StormRun {
  databaseUrl: string;
  token: string;
  source: IncidentSource;
  clients: number;
  perProcess: number;
  writeIntervalMs: number;
  log(m: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureReconnectStorm(run: StormRun): Promise<BenchResult> {
  const portA = await freePort();
  let a: ServerProcess | null = await startServerProcess({ port: portA, databaseUrl: run.databaseUrl });
  const b = await startServerProcess({ port: await freePort(), databaseUrl: run.databaseUrl });
  const seqs: number[] = [];
  let refused = 0;
  let writing = true;
  const tag = Date.now().toString(36);
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      const t = nowMs();
      const r = await postIncident(b.url, run.token, run.source.next(`bench-storm-${tag}-${i}`));
      if (r.change) seqs.push(r.change.seq);
      else refused++;
      await sleep(Math.max(0, run.writeIntervalMs - (nowMs() - t)));
    }
  })();
  let fleet: ClientFleet | null = null;
  try {
    // Inside the try: a fleet that cannot connect must still stop the writer and both nodes.
    fleet = await ClientFleet.connect(a.url, run.clients, {
      perProcess: run.perProcess,
      reconnection: true,
      timeoutMs: 120_000,
    });
    await sleep(3000);
    const firstSeq = seqs[seqs.length - 1] ?? 0;
    run.log(`  ${run.clients} clients on A; stopping A (writes continue on B)`);
    const tKill = nowMs();
    const stopMs = await a.stop();
    a = null;
    a = await startServerProcess({ port: portA, databaseUrl: run.databaseUrl });
    const tReady = nowMs();
    run.log(`  A stopped in ${stopMs} ms and was listening again ${round(tReady - tKill)} ms after SIGTERM`);
    const deadline = Date.now() + 60_000;
    let report = await fleet.report();
    const resumed = () =>
      report.clients.filter(
        (c) =>
          c.storm.hellos.some((h) => h.t > tKill && h.recovered) &&
          c.storm.caughtUpAt !== null &&
          c.storm.caughtUpAt > tKill,
      );
    while (resumed().length < run.clients && Date.now() < deadline) {
      await sleep(500);
      report = await fleet.report();
    }
    await sleep(2000);
    writing = false;
    await writer;
    await sleep(2000);
    const lastSeq = seqs[seqs.length - 1] ?? firstSeq;
    const range = { from: firstSeq + 1, to: lastSeq };
    report = await fleet.report({ range });
    const ok = resumed();
    const fromKill = distribution(ok.map((c) => c.storm.caughtUpAt! - tKill));
    const d = distribution(ok.map((c) => c.storm.caughtUpAt! - tReady));
    // Where the time goes: waiting to reconnect (backoff) vs. handshake and replay on the server.
    const helloAt = ok.map((c) => c.storm.hellos.find((h) => h.t > tKill && h.recovered)!.t);
    const hello = distribution(helloAt.map((t) => t - tReady));
    const catchUp = distribution(ok.map((c, i) => c.storm.caughtUpAt! - helloAt[i]!));
    // The attempt that succeeded, counted from A being back: how long clients sat in their backoff.
    const lastAttempt = distribution(
      ok.map((c, i) => Math.max(...c.storm.attempts.filter((a) => a <= helloAt[i]!)) - tReady),
    );
    const attempts = distribution(ok.map((c) => c.storm.attempts.filter((a) => a > tKill).length));
    const notRecovered = report.clients.filter((c) => c.storm.hellos.some((h) => h.t > tKill && !h.recovered)).length;
    const expected = (range.to - range.from + 1) * run.clients;
    const delivered = report.clients.reduce((s, c) => s + c.inRange, 0);
    const share = expected > 0 ? delivered / expected : 0;
    run.log(
      `  successful attempt after A was back: p50 ${round(lastAttempt.p50)} p95 ${round(lastAttempt.p95)} ms; attempts per client p50 ${attempts.p50} max ${attempts.max}`,
    );
    run.log(
      `  hello after A was back: p50 ${round(hello.p50)} p95 ${round(hello.p95)} ms; hello to caught up: p50 ${round(catchUp.p50)} p95 ${round(catchUp.p95)} ms`,
    );
    run.log(
      `  resumed ${ok.length}/${run.clients}: p50 ${round(d.p50)} p95 ${round(d.p95)} p99 ${round(d.p99)} ms after A was back (${round(fromKill.p95)} ms p95 after SIGTERM); delivered ${round(share * 100)} %`,
    );
    return {
      name: 'live.reconnectStorm',
      unit: 'ms',
      p50: round(d.p50),
      p95: round(d.p95),
      p99: round(d.p99),
      value: round(d.p95),
      baseline: {
        what: 'the same clients counted from the SIGTERM (includes the restart itself)',
        p50: round(fromKill.p50),
        p95: round(fromKill.p95),
        p99: round(fromKill.p99),
        restartMs: round(tReady - tKill),
      },
      ratio: null,
      target: 'p95 ≤ 5,000 ms from node A listening again until resumed and caught up; 100 % of changes delivered',
      met: ok.length === run.clients && d.p95 <= 5000 && share === 1 && notRecovered === 0,
      details: {
        clients: run.clients,
        resumed: ok.length,
        helloNotRecovered: notRecovered,
        changesDuringStorm: range.to - range.from + 1,
        deliveredShare: round(share * 100),
        duplicates: report.clients.reduce((s, c) => s + c.duplicates, 0),
        outOfOrder: report.clients.reduce((s, c) => s + c.outOfOrder, 0),
        refusedWrites: refused,
        stopMs,
        restartReadyMs: round(tReady - tKill),
        helloAfterReadyMs: { p50: round(hello.p50), p95: round(hello.p95), max: round(hello.max) },
        successfulAttemptAfterReadyMs: {
          p50: round(lastAttempt.p50),
          p95: round(lastAttempt.p95),
          max: round(lastAttempt.max),
        },
        attemptsPerClient: { p50: attempts.p50, max: attempts.max },
        connectErrors: report.clients.reduce((s, c) => s + c.storm.connectErrors, 0),
        helloToCaughtUpMs: { p50: round(catchUp.p50), p95: round(catchUp.p95), max: round(catchUp.max) },
        backoff: "the browser hook's (app/live/live-socket.ts): 250 ms doubling to 2 s, ±50 % jitter",
      },
    };
  } finally {
    writing = false;
    await writer.catch(() => undefined);
    await fleet?.close();
    if (a) await a.stop();
    await b.stop();
  }
}
