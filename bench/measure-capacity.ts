/**
 * live.memoryPerClient: a fresh server process with N websocket clients connected; the memory it
 * holds per client: JS heap + external memory after a full collection, read through the V8
 * inspector from outside the app (bench/inspector.ts), before and after the clients connected,
 * divided by N. RSS from /proc is reported beside it. The same on the bare Socket.IO server shows
 * what Socket.IO itself costs per connection. Target ≤ 20 KB per client.
 */
import { spawnTs, stopChild } from './children';
import { ClientFleet } from './client-fleet';
import { inspectMemory, type MemoryUsage } from './inspector';
import { round } from './percentiles';
import type { BenchResult } from './result';
import { freePort, startServerProcess, waitHealthy } from './server-process';

export interface CapacityRun {
  databaseUrl: string;
  clients: number;
  perProcess: number;
  log(m: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const live = (m: MemoryUsage) => m.heapUsed + m.external;

interface PerClient {
  before: MemoryUsage;
  after: MemoryUsage;
  kb: number;
  rssKb: number;
}

async function perClient(url: string, inspectPort: number, run: CapacityRun): Promise<PerClient> {
  // A few clients first: lazily loaded code and first-connection buffers are not per-client costs.
  const warm = await ClientFleet.connect(url, 20, { perProcess: run.perProcess });
  await warm.close();
  await sleep(2000);
  const before = await inspectMemory(inspectPort);
  // Reconnection on: a handshake that times out while thousands arrive retries instead of failing the step.
  const fleet = await ClientFleet.connect(url, run.clients, {
    perProcess: run.perProcess,
    reconnection: true,
    timeoutMs: 180_000,
  });
  try {
    await sleep(3000);
    const after = await inspectMemory(inspectPort);
    return {
      before,
      after,
      kb: (live(after) - live(before)) / 1024 / run.clients,
      rssKb: (after.rss - before.rss) / 1024 / run.clients,
    };
  } finally {
    await fleet.close();
  }
}

export async function measureMemory(run: CapacityRun): Promise<BenchResult> {
  const port = await freePort();
  const bareInspect = await freePort();
  const bare = spawnTs(
    'bench/bare-broadcast.ts',
    [],
    { env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port) }, stdio: 'ignore' },
    [`--inspect=127.0.0.1:${bareInspect}`],
  );
  let baseline: PerClient;
  try {
    await waitHealthy(`http://127.0.0.1:${port}`, 30_000, bare);
    baseline = await perClient(`http://127.0.0.1:${port}`, bareInspect, run);
  } finally {
    await stopChild(bare, 5000);
  }
  run.log(`  bare Socket.IO: ${round(baseline.kb)} KB heap + external per client (RSS ${round(baseline.rssKb)} KB)`);
  const inspect = await freePort();
  const server = await startServerProcess({
    port: await freePort(),
    databaseUrl: run.databaseUrl,
    nodeArgs: [`--inspect=127.0.0.1:${inspect}`],
  });
  try {
    const app = await perClient(server.url, inspect, run);
    run.log(
      `  app: ${round(app.kb)} KB heap + external per client (RSS ${round(app.rssKb)} KB) with ${run.clients} clients`,
    );
    const mb = (m: MemoryUsage) => ({
      heapUsedMb: round(m.heapUsed / 1048576),
      externalMb: round(m.external / 1048576),
      rssMb: round(m.rss / 1048576),
    });
    return {
      name: 'live.memoryPerClient',
      unit: 'KB',
      p50: null,
      p95: null,
      p99: null,
      value: round(app.kb),
      baseline: {
        what: 'bare Socket.IO server, same clients, same method',
        value: round(baseline.kb),
        rssKb: round(baseline.rssKb),
      },
      ratio: round(app.kb / baseline.kb),
      target: '≤ 20 KB per connected client (server heap + external after GC, per client)',
      met: app.kb <= 20,
      details: {
        clients: run.clients,
        transport: 'websocket',
        before: mb(app.before),
        after: mb(app.after),
        rssKbPerClient: round(app.rssKb),
        method:
          'V8 inspector: two full collections, then process.memoryUsage(); (heapUsed + external) growth / clients',
      },
    };
  } finally {
    await server.stop();
  }
}
