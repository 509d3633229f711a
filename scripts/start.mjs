#!/usr/bin/env node
// `npm start`: builds the pages when there is no build yet (or the sources are newer), then runs
// the server in production mode. Environment: see README "Configuration".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const buildId = path.join(root, '.next', 'BUILD_ID');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const sources = ['app', 'core', 'components', 'next.config.ts', 'package-lock.json']
  .map((p) => path.join(root, p))
  .filter(existsSync);
const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const stale = sources.some((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs) > built);
if (stale) {
  console.log(
    built
      ? 'Sources changed since the last build: building the pages…'
      : 'No build yet: building the pages (about a minute)…',
  );
  const r = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// One server process (tsx as a loader, not its CLI, which would fork again); it handles SIGTERM and
// SIGINT itself, and this launcher passes them on.
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
