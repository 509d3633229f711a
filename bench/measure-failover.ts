/**
 * live.failover: nodes A and B on one PostgreSQL behind nginx (Debian's package, started here
 * with its own config: tests/support/nginx.ts), N clients and a writer (one incident every 100 ms)
 * through nginx, which spreads the clients over both nodes. A gets SIGTERM: it stops accepting,
 * tells its clients to reconnect (live.reconnect, with jitter) and closes after LIVE_DRAIN_MS.
 * Per moved client: the time from the SIGTERM until it holds `live.hello` with recovered: true
 * from the other node and everything up to that hello's seq. Target: p95 ≤ 2 s, every change
 * written meanwhile delivered to every client once, no write refused.
 */
import { distribution, nowMs, round } from './percentiles';
import type { BenchResult } from './result';
import { loadAverage } from './load-average';
import { sleep, withTwoNodes, type TwoNodeRun } from './two-node-fleet';

export interface FailoverRun extends TwoNodeRun {
  drainMs: number;
}

const TARGET_MS = 2000;

export function measureFailover(run: FailoverRun): Promise<BenchResult> {
  const options = {
    env: { LIVE_DRAIN_MS: String(run.drainMs) },
    nginx: true,
    writeTo: 'a',
    clientsOn: 'a',
    tag: `bench-failover-${Date.now().toString(36)}`,
  } as const;
  return withTwoNodes(run, options, async (nodes) => {
    const { fleet, refused } = nodes;
    await sleep(3000);
    const firstSeq = nodes.lastSeq();
    const load = loadAverage();
    run.log(`  ${run.clients} clients through nginx on A and B; SIGTERM to A (drain ${run.drainMs} ms); load ${load}`);
    const tKill = nowMs();
    const stopMs = await nodes.a!.stop();
    nodes.a = null;
    run.log(`  A drained and exited in ${stopMs} ms`);
    const deadline = Date.now() + 60_000;
    let report = await fleet.report();
    const moved = () => report.clients.filter((c) => c.storm.drains.some((t) => t > tKill));
    const resumedAt = (c: (typeof report.clients)[number]) => {
      const hello = c.storm.hellos.find((h) => h.t > tKill && h.recovered);
      return hello && c.storm.caughtUpAt !== null && c.storm.caughtUpAt >= hello.t ? c.storm.caughtUpAt : null;
    };
    while (moved().some((c) => resumedAt(c) === null) && Date.now() < deadline) {
      await sleep(500);
      report = await fleet.report();
    }
    await sleep(1000);
    const { range, share, duplicates, outOfOrder, ...counted } = await nodes.finish(firstSeq);
    report = counted.report;
    const movedClients = moved();
    const ok = movedClients.filter((c) => resumedAt(c) !== null);
    const d = distribution(ok.map((c) => resumedAt(c)! - tKill));
    const hint = distribution(ok.map((c) => c.storm.drains.find((t) => t > tKill)! - tKill));
    const helloAfterLeave = distribution(
      ok.map((c) => {
        const left = c.storm.disconnects.find((t) => t > tKill) ?? tKill;
        return c.storm.hellos.find((h) => h.t > tKill && h.recovered)!.t - left;
      }),
    );
    const notRecovered = report.clients.filter((c) => c.storm.hellos.some((h) => h.t > tKill && !h.recovered)).length;
    const after = loadAverage();
    run.log(
      `  moved ${ok.length}/${movedClients.length} (of ${run.clients}): resumed p50 ${round(d.p50)} p95 ${round(d.p95)} p99 ${round(d.p99)} max ${round(d.max)} ms after SIGTERM; leave → hello p50 ${round(helloAfterLeave.p50)} p95 ${round(helloAfterLeave.p95)} ms; delivered ${round(share * 100)} %, duplicates ${duplicates}, refused writes ${refused.length}; load ${after}`,
    );
    return {
      name: 'live.failover',
      unit: 'ms',
      p50: round(d.p50),
      p95: round(d.p95),
      p99: round(d.p99),
      value: round(d.p95),
      baseline: {
        what: 'when the drain hint reached the moved clients, after the SIGTERM',
        p50: round(hint.p50),
        p95: round(hint.p95),
      },
      ratio: null,
      target:
        'p95 ≤ 2,000 ms from SIGTERM until resumed (recovered: true) and caught up on the other node; 100 % delivered, none repeated',
      met:
        movedClients.length > 0 &&
        ok.length === movedClients.length &&
        d.p95 <= TARGET_MS &&
        share === 1 &&
        duplicates === 0 &&
        outOfOrder === 0 &&
        notRecovered === 0 &&
        refused.length === 0,
      details: {
        clients: run.clients,
        moved: movedClients.length,
        resumed: ok.length,
        helloNotRecovered: notRecovered,
        drainMs: run.drainMs,
        stopMs,
        changesDuringFailover: range.to - range.from + 1,
        deliveredShare: round(share * 100),
        duplicates,
        outOfOrder,
        refusedWrites: refused.length,
        leaveToHelloMs: { p50: round(helloAfterLeave.p50), p95: round(helloAfterLeave.p95) },
        loadAverage: after,
        loadAverageAtSigterm: load,
        loadBalancer: 'nginx (Debian), round robin, proxy_next_upstream error',
      },
    };
  });
}
