/**
 * The app as a separate process, exactly as deployed: `server/main.ts` (with `--api-only` unless
 * pages are measured), on a loopback port, against the bench database. Its memory is read from
 * outside, from /proc/<pid>/status.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { spawnTs, stopChild } from './children';

export interface ServerOptions {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  pages?: boolean;
  /** PUBLIC_DASHBOARD=1: sockets and reads without a session (writes still need a token). */
  publicDashboard?: boolean;
  /** Extra node options (the capacity measurement opens the inspector to settle garbage). */
  nodeArgs?: string[];
  /** Further environment (e.g. LIVE_DRAIN_MS). */
  env?: Record<string, string>;
  /** LOG_LEVEL (default warn); each line of output goes to `onLine` as well. */
  logLevel?: string;
  onLine?: (line: string) => void;
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Resident set size in KB (VmRSS). */
  rssKb(): number;
  /** SIGTERM and wait (SIGKILL after 15 s); resolves with how long the exit took. */
  stop(): Promise<number>;
  /** The last lines the server printed (warnings and errors only at LOG_LEVEL=warn). */
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function rssKbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) : Number.NaN;
}

export async function waitHealthy(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`server exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`server at ${url} not healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startServerProcess(opts: ServerOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    DEMO_DATA: 'off',
    LOG_LEVEL: opts.logLevel ?? 'warn',
    PUBLIC_DASHBOARD: opts.publicDashboard === false ? '0' : '1',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}),
    ...opts.env,
  };
  const child = spawnTs(
    'server/main.ts',
    opts.pages ? [] : ['--api-only'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
    // Development: BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles every server process.
    [...(process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []), ...(opts.nodeArgs ?? [])],
  );
  let tail = '';
  let partial = '';
  const keep = (b: Buffer) => {
    const text = b.toString();
    tail = (tail + text).slice(-4000);
    if (!opts.onLine) return;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) opts.onLine(line);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${opts.port}`;
  try {
    await waitHealthy(url, opts.pages ? 120_000 : 60_000, child);
  } catch (err) {
    await stopChild(child, 2000);
    throw new Error(`${(err as Error).message}\n${tail}`);
  }
  return {
    url,
    port: opts.port,
    pid: child.pid!,
    child,
    rssKb: () => rssKbOf(child.pid!),
    async stop() {
      const t0 = Date.now();
      await stopChild(child, 15_000);
      return Date.now() - t0;
    },
    output: () => tail,
  };
}
