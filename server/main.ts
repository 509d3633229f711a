/**
 * Entry point: `npm start` (production, after `next build`) and `npm run dev` (`--dev`: Next
 * compiles on demand). Parses the environment once, starts everything on one port, and stops
 * gracefully on SIGTERM/SIGINT: live clients are drained (LIVE_DRAIN_MS), the rest within 10 s.
 */
import { parseEnv } from './env';
import { createLogger } from './logger';
import { startServer } from './app-server';
import { productRoutes, productStartup } from './product';

const dev = process.argv.includes('--dev');
// --api-only: API and live updates without pages (fault tests and benchmark nodes need no build).
const pages = !process.argv.includes('--api-only');
let env;
try {
  env = parseEnv({ ...process.env, NODE_ENV: dev ? 'development' : 'production' });
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const log = createLogger(env.LOG_LEVEL);

/**
 * --after-build (scripts/start.mjs, while `next build` runs): the database is opened, migrated and
 * loaded meanwhile, and the pages are served once the launcher reports the build done over IPC.
 */
function buildReported(): Promise<void> | undefined {
  if (!process.argv.includes('--after-build') || !process.send) return undefined;
  const built = new Promise<void>((resolve, reject) => {
    process.on('message', (m) => {
      if (m === 'build-done') resolve();
      else if (m === 'build-failed') reject(new Error('the page build failed'));
    });
    process.once('disconnect', () => reject(new Error('the launcher went away before the build ended')));
  });
  built.catch(() => {}); // Awaited by startServer; a failure before that is not unhandled.
  return built;
}

try {
  const server = await startServer({
    env,
    log,
    next: pages ? { dev, built: buildReported() } : false,
    routes: productRoutes,
    onStart: productStartup,
  });
  const drainMs = env.LIVE_DRAIN_MS;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // The live drain (LIVE_DRAIN_MS) comes first, then 10 s for the rest.
    const force = setTimeout(() => {
      log.error('shutdown took longer than 10 s after the drain; exiting');
      process.exit(1);
    }, drainMs + 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (err) {
  const e = err as Error;
  log.fatal(
    { err: { name: e.name, message: e.message } },
    e.name === 'DataDirLockedError' ? e.message : 'could not start',
  );
  console.error(`\nborder-watch could not start: ${e.message}\n`);
  process.exit(1);
}
