/**
 * startup.firstStart: a first `npm start` as after `npm install` on a fresh clone: no `.next`
 * (removed first; the build this makes is the one page.* measures next) and a new embedded
 * database (a temporary DATA_DIR, demo data loaded as on a first start). Timed from the spawn of
 * `node scripts/start.mjs` until `/` answers 200 (PUBLIC_DASHBOARD=1: no sign-in redirect).
 * Phases are read from the output: the build's end, and the server's log lines (their own clock).
 * Target ≤ 30 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT, stopChild } from './children';
import { round } from './percentiles';
import type { BenchResult } from './result';
import { freePort } from './server-process';
import { loadAverage } from './load-average';

const TARGET = '≤ 30 s from `npm start` (no build, new database) to / answering 200';

export async function measureFirstStart(run: { log(m: string): void }): Promise<BenchResult> {
  rmSync(path.join(ROOT, '.next'), { recursive: true, force: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bw-first-start-'));
  const port = await freePort();
  const load = loadAverage();
  const t0 = Date.now();
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      NODE_ENV: 'production',
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_DASHBOARD: '1',
      LOG_LEVEL: 'info',
    },
  });
  const phases: Record<string, number | null> = {};
  const mark = (name: string, at = Date.now()) => (phases[name] ??= round((at - t0) / 1000));
  let tail = '';
  const read = (b: Buffer) => {
    tail = (tail + b.toString()).slice(-4000);
    for (const line of b.toString().split('\n')) {
      if (/Compiled successfully/.test(line)) mark('compiled');
      if (/Finalizing page optimization/.test(line)) mark('built');
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { msg?: string; time?: number };
        if (entry.msg && entry.time) mark(entry.msg.replace(/ \(.*$|…$/, ''), entry.time);
      } catch {
        // Not a log line.
      }
    }
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  try {
    const deadline = t0 + 600_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}\n${tail}`);
      const res = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' }).catch(() => null);
      if (res) await res.arrayBuffer();
      if (res?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`/ did not answer 200 within 10 minutes\n${tail}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const elapsed = (Date.now() - t0) / 1000;
    const seconds = round(elapsed);
    run.log(
      `  first start: ${seconds} s (load ${load} before, ${loadAverage()} after); phases ${JSON.stringify(phases)}`,
    );
    return {
      name: 'startup.firstStart',
      unit: 's',
      p50: null,
      p95: null,
      p99: null,
      value: seconds,
      baseline: null,
      ratio: null,
      target: TARGET,
      met: elapsed <= 30,
      details: { phasesSeconds: phases, loadAverage: { before: load, after: loadAverage() } },
    };
  } finally {
    await stopChild(child, 15_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
