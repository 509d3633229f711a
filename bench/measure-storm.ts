/**
 * live.reconnectStorm: nodes A and B on one PostgreSQL; N clients on A (reconnecting with the
 * browser hook's backoff and resuming from their last position); writes continue through B every
 * 100 ms. A is stopped (SIGTERM) and started again on the same port. Per client: the time from A
 * listening again until it received `live.hello` with recovered: true and then everything up to
 * that hello's seq (the storm the restarted node must absorb; the restart itself, SIGTERM to
 * listening, depends on the deployment and is reported beside it). Target: p95 ≤ 5 s, and 100 %
 * of the changes written meanwhile delivered.
 */
import { distribution, nowMs, round } from './percentiles';
import type { BenchResult } from './result';
import { startServerProcess } from './server-process';
import { sleep, withTwoNodes, type TwoNodeRun } from './two-node-fleet';

export type StormRun = TwoNodeRun;

export function measureReconnectStorm(run: StormRun): Promise<BenchResult> {
  const options = {
    nginx: false,
    writeTo: 'b',
    clientsOn: 'a',
    tag: `bench-storm-${Date.now().toString(36)}`,
  } as const;
  return withTwoNodes(run, options, async (nodes) => {
    const { fleet } = nodes;
    const portA = nodes.a!.port;
    await sleep(3000);
    const firstSeq = nodes.lastSeq();
    run.log(`  ${run.clients} clients on A; stopping A (writes continue on B)`);
    const tKill = nowMs();
    const stopMs = await nodes.a!.stop();
    nodes.a = null;
    nodes.a = await startServerProcess({ port: portA, databaseUrl: run.databaseUrl, env: nodes.env });
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
    const { range, share, duplicates, outOfOrder, ...counted } = await nodes.finish(firstSeq);
    report = counted.report;
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
        duplicates,
        outOfOrder,
        refusedWrites: nodes.refused.length,
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
  });
}
