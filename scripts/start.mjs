#!/usr/bin/env node
// `npm start`: builds the pages when there is no build yet (or the sources are newer), then runs
// the server in production mode. Environment: see README "Configuration".
import { spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const buildId = path.join(root, '.next', 'BUILD_ID');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
// The build here skips TypeScript's check (next.config.ts reads this): `npm run typecheck` and the
// CI build do it, and on a first start it is a third of the time. SKIP_BUILD_TYPECHECK=0 keeps it.
env.SKIP_BUILD_TYPECHECK ??= '1';

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
const server = (args) =>
  spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...env, NODE_ENV: 'production' },
  });

// One server process (tsx as a loader, not its CLI, which would fork again); it handles SIGTERM and
// SIGINT itself, and this launcher passes them on. When the pages need a build, the server starts
// at once with --after-build (database opened, migrated, demo data loaded while the build runs) and
// serves once told the build is done.
let child;
let build = null;
if (stale) {
  console.log(
    built
      ? 'Sources changed since the last build: building the pages…'
      : 'No build yet: building the pages (about half a minute)…',
  );
  child = server(['--after-build']);
  build = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  build.on('exit', (code) => {
    build = null;
    if (code === 0) {
      if (child.connected) child.send('build-done');
      return;
    }
    process.exitCode = code || 1;
    if (child.connected) child.send('build-failed');
    child.kill('SIGTERM');
  });
} else {
  child = server([]);
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    build?.kill(signal);
    child.kill(signal);
  });
child.on('exit', (code, signal) => {
  build?.kill('SIGTERM');
  process.exit(process.exitCode || (code ?? (signal ? 1 : 0)));
});
