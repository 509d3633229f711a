/**
 * The real server as a separate process (`tsx server/main.ts --api-only`), for tests that kill,
 * restart or run several nodes. Resolves once it answers health.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function spawnServer(
  env: Record<string, string>,
  opts: { waitForHealth?: boolean; pages?: boolean } = {},
): Promise<ServerProcess> {
  const port = Number(env.PORT);
  // Vitest puts Vite's BASE_URL ('/') into process.env; it is not the app's BASE_URL.
  const { BASE_URL: _viteBase, ...inherited } = process.env;
  // tsx as a loader in this one process (its CLI would fork a child that a SIGKILL leaves running).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...(opts.pages ? [] : ['--api-only'])], {
    cwd: ROOT,
    env: { ...inherited, HOST: '127.0.0.1', DEMO_DATA: 'off', LOG_LEVEL: 'info', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    port,
    child,
    output: () => out,
    exited,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  if (opts.waitForHealth === false) return server;
  // A loaded 2-core machine can take minutes to migrate and seed; the child's exit ends the wait early.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy in 600 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
