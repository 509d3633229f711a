/**
 * live.memoryPerClient: a fresh server process; VmRSS (from /proc, outside the process) before and
 * after N websocket clients have connected and settled; delta / N. The same on the bare Socket.IO
 * server shows what Socket.IO itself costs per connection. Target ≤ 20 KB per client.
 *
 * Both servers run with bench/gc-settle.ts preloaded (a full collection every second): without it
 * the "before" figure holds start-up garbage that the clients' allocations then trigger the
 * collection of, and the delta came out at 2 KB, less than a bare socket costs.
 */
import { spawnTs, stopChild } from './children';
import { ClientFleet } from './client-fleet';
import { round } from './percentiles';
import type { BenchResult } from './result';
import { freePort, rssKbOf, startServerProcess, waitHealthy } from './server-process';

export interface CapacityRun {
  databaseUrl: string;
  clients: number;
  perProcess: number;
  log(m: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const GC_SETTLE = ['--expose-gc', '--import', './bench/gc-settle.ts'];

/** The lowest of a few samples over a settling pause: garbage still awaiting collection inflates single reads. */
async function settledRss(pid: number, pauseMs: number): Promise<number> {
  await sleep(pauseMs);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(rssKbOf(pid));
    await sleep(400);
  }
  return Math.min(...samples);
}

async function perClient(url: string, pid: number, run: CapacityRun): Promise<{ before: number; after: number; kb: number }> {
  // A few clients first: lazily loaded code and first-connection buffers are not per-client costs.
  const warm = await ClientFleet.connect(url, 20, { perProcess: run.perProcess });
  await warm.close();
  const before = await settledRss(pid, 3000);
  const fleet = await ClientFleet.connect(url, run.clients, { perProcess: run.perProcess, timeoutMs: 120_000 });
  try {
    const after = await settledRss(pid, 5000);
    return { before, after, kb: (after - before) / run.clients };
  } finally {
    await fleet.close();
  }
}

export async function measureMemory(run: CapacityRun): Promise<BenchResult> {
  const port = await freePort();
  const bare = spawnTs('bench/bare-broadcast.ts', [], { env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port) }, stdio: 'inherit' }, GC_SETTLE);
  let baseline: { before: number; after: number; kb: number };
  try {
    await waitHealthy(`http://127.0.0.1:${port}`, 30_000, bare);
    baseline = await perClient(`http://127.0.0.1:${port}`, bare.pid!, run);
  } finally {
    await stopChild(bare, 5000);
  }
  run.log(`  bare Socket.IO: ${round(baseline.kb)} KB per client`);
  const server = await startServerProcess({ port: await freePort(), databaseUrl: run.databaseUrl, nodeArgs: GC_SETTLE });
  try {
    const app = await perClient(server.url, server.pid, run);
    run.log(`  app: RSS ${app.before} → ${app.after} KB with ${run.clients} clients = ${round(app.kb)} KB per client`);
    return {
      name: 'live.memoryPerClient',
      unit: 'KB',
      p50: null,
      p95: null,
      p99: null,
      value: round(app.kb),
      baseline: { what: 'bare Socket.IO server, same clients', value: round(baseline.kb), rssBeforeKb: baseline.before, rssAfterKb: baseline.after },
      ratio: round(app.kb / baseline.kb),
      target: '≤ 20 KB per connected client (server RSS delta / clients)',
      met: app.kb <= 20,
      details: { clients: run.clients, transport: 'websocket', rssBeforeKb: app.before, rssAfterKb: app.after, gc: 'full collection every second in both servers (bench/gc-settle.ts)' },
    };
  } finally {
    await server.stop();
  }
}
