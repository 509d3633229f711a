/**
 * Every process the bench starts is registered here and ended by its pid when the bench exits,
 * fails or is interrupted, so a broken run never leaves servers or client fleets behind.
 */
import { fork, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const live = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Node with tsx's loader, so TypeScript entry points run without a build and the pid is the script's. */
export function spawnTs(script: string, args: string[], opts: SpawnOptions, nodeArgs: string[] = []): ChildProcess {
  return track(spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, script, ...args], { cwd: ROOT, ...opts }));
}

/** A TypeScript child with an IPC channel (load generators report over it). */
export function forkTs(script: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return track(
    fork(path.join(ROOT, script), args, {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
}

export function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (!(await exited(child, graceMs))) {
    child.kill('SIGKILL');
    await exited(child, 5000);
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((c) => stopChild(c, 5000)));
}

let installed = false;
/** Ends every child on exit and on SIGINT/SIGTERM (then exits with 130/143). */
export function installCleanup(extra: () => Promise<void>): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping children and cleaning up`);
      void stopAll()
        .then(extra)
        .finally(() => process.exit(code));
    });
  }
}
