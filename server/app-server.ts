/**
 * The composition root: database, migrations, live hub, JSON API, Next and Socket.IO on one HTTP
 * server and one port. `startServer` is what server/main.ts runs and what tests start on port 0.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { Server as SocketServer } from 'socket.io';
import type { Logger } from 'pino';
import { openDatabase, type Database } from '../db/client';
import { ensureStream } from '../db/change-log';
import { acquireStartupLock } from '../db/startup-lock';
import { createWriteContext } from '../db/write-context';
import { checkRollupZone } from '../db/rollups/zone';
import type { Env } from './env';
import { createLogger } from './logger';
import { LiveHub, type LiveServer } from './live/hub';
import { RevocationWatcher } from './live/revocation-watcher';
import { createReadModel } from './read-model';
import { createAuthService } from './auth/auth-service';
import { resolvePrincipal } from './auth/principal';
import { alertParts } from './alerts/alert-context';
import { publicReadModel } from './public-reads';
import { accountsWithDemoPassword, demoCredentials } from './auth/demo-password';
import { createPageSecurity } from './page-security';
import { setRuntime, type Runtime } from './runtime';
import { createApi } from './api/app';
import { ImportJobs, nodeIdOf } from './api/import-jobs';
import type { RouteModule } from './api/route-spec';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface StartOptions {
  env: Env;
  /** Serve pages with Next (dev: compile on demand). Off in API and live tests. */
  next?: false | { dev: boolean; built?: Promise<void> };
  log?: Logger;
  /** Extra API route modules (sign-in, incidents, …) and start-up steps, in order. */
  routes?: RouteModule[];
  /** Start-up steps; `io` lets them add Socket.IO middleware (e.g. the handshake's sign-in check). */
  onStart?: (runtime: Runtime, parts: { io: LiveServer }) => Promise<void>;
  /** A migrated PGlite data-directory tarball to start a new embedded database from (tests). */
  databaseTemplate?: Blob | null;
  /** Live hub tuning for tests and benchmarks. */
  live?: { batchMs?: number; pollMs?: number };
}

export interface RunningServer {
  url: string;
  port: number;
  runtime: Runtime;
  io: LiveServer;
  close(): Promise<void>;
}

/** How long an idle HTTP connection stays open (see startServer). */
export const KEEP_ALIVE_MS = 65_000;

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const { env } = opts;
  const log = opts.log ?? createLogger(env.LOG_LEVEL);
  const database: Database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? null : env.DATA_DIR,
    template: opts.databaseTemplate,
    reportZone: env.REPORT_TIMEZONE,
  });
  let httpServer: ReturnType<typeof createServer> | null = null;
  let releaseStartup: (() => Promise<void>) | null = null;
  try {
    // Held from the migrations to the end of the start-up steps (reference seed, demo load): a
    // second node starting at the same time waits here instead of racing on the same rows.
    releaseStartup = await acquireStartupLock(database);
    await database.migrate();
    await ensureStream(database.db);
    await checkRollupZone(database.db, env.REPORT_TIMEZONE);
    log.info(
      { database: database.kind, dataDir: database.kind === 'pglite' ? path.resolve(env.DATA_DIR) : undefined },
      'database ready',
    );

    let nextHandler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;
    let apiListener: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
    const pageSecurity = createPageSecurity(env, opts.next ? opts.next.dev : false);
    httpServer = createServer((req, res) => {
      const url = req.url ?? '/';
      pageSecurity.everyAnswer(res);
      if (url.startsWith('/api/') && apiListener) return apiListener(req, res);
      if (nextHandler) {
        pageSecurity.page(req, res);
        return void nextHandler(req, res);
      }
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Pages are not served by this process (started without Next).');
    });
    // An idle connection is kept longer than a load balancer keeps its side (nginx 60 s, most
    // cloud balancers 60 s): with Node's 5 s, a balancer or a client's pool could send a request on
    // a connection this node was closing at that moment and get a reset instead of an answer.
    httpServer.keepAliveTimeout = KEEP_ALIVE_MS;
    httpServer.headersTimeout = KEEP_ALIVE_MS + 1000;

    const io: LiveServer = new SocketServer(httpServer, {
      serveClient: false,
      // Websocket first; polling remains as a fallback (needs sticky sessions across nodes).
      transports: ['websocket', 'polling'],
      pingInterval: 25_000,
      pingTimeout: 20_000,
      maxHttpBufferSize: 64 * 1024,
    });
    const hub = new LiveHub({ database, io, log: log.child({ part: 'live' }), ...opts.live });
    const { store, ctx, writes } = createWriteContext(database);
    // Before the runtime, so every part finds it there (no start-up step sets it later).
    const auth = await createAuthService({ env, database, log });
    const closers: (() => Promise<void>)[] = [];
    const reads = createReadModel(database);
    const importJobs = new ImportJobs(database.db, nodeIdOf(env), (err) =>
      log.warn({ err: (err as Error).message }, 'import job not saved'),
    );
    // Under the start-up lock: this node's jobs its previous process left running (PGlite: every
    // running job, since one process owns the data directory) become interrupted.
    const interrupted = await importJobs.recover(database.kind === 'pglite');
    if (interrupted.length > 0) log.warn({ jobs: interrupted }, 'import jobs interrupted by a restart');
    const runtime: Runtime = {
      onClose: (stop) => void closers.push(stop),
      env,
      database,
      store,
      log,
      hub,
      reads,
      writes,
      ctx,
      importJobs,
      auth,
      principalOf: async (headers) => (await resolvePrincipal(auth, headers)).principal,
      alerts: () => alertParts(runtime).alerts,
      publicReads: publicReadModel(reads),
      demoPassword: {
        accounts: () => accountsWithDemoPassword(runtime),
        credentials: () => demoCredentials(runtime),
      },
    };
    const revocations = new RevocationWatcher({ database, io, log: log.child({ part: 'live' }) });
    setRuntime(runtime);
    await opts.onStart?.(runtime, { io });
    await releaseStartup();
    await hub.start();
    await revocations.start();
    importJobs.startSweeps();
    io.on('connection', (socket) => {
      if (!revocations.checkNew(socket, socket.handshake.issued)) return;
      hub.attach(socket).catch((err) => {
        log.warn({ err: (err as Error).message }, 'live handshake failed');
        socket.disconnect(true);
      });
    });

    const api = createApi(runtime, opts.routes ?? []);
    apiListener = getRequestListener(api.fetch);

    if (opts.next) {
      // A first start builds the pages while the database is prepared: wait for the build here.
      await opts.next.built;
      const { default: next } = await import('next');
      const app = next({ dev: opts.next.dev, dir: ROOT, hostname: env.HOST, port: env.PORT });
      await app.prepare();
      const handle = app.getRequestHandler();
      nextHandler = (req, res) => handle(req, res);
    }

    const server = httpServer;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(env.PORT, env.HOST, () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
    const url = `http://${host}:${port}`;
    log.info({ url, database: database.kind, pages: Boolean(opts.next) }, 'listening');

    let closing: Promise<void> | null = null;
    const close = () =>
      (closing ??= (async () => {
        log.info('shutting down');
        const stopped = new Promise<void>((r) => server.close(() => r()));
        server.closeIdleConnections();
        await drainLive(io, env.LIVE_DRAIN_MS, log);
        for (const stop of closers.reverse())
          await stop().catch((err) => log.warn({ err }, 'a part did not stop cleanly'));
        importJobs.stop();
        await hub.stop();
        await revocations.stop();
        // Closing the engine (not a namespace disconnect) lets clients reconnect by themselves to
        // the next process; a server-side disconnect would tell them not to.
        await new Promise<void>((r) => io.close(() => r()));
        server.closeAllConnections();
        await stopped;
        await database.close();
        setRuntime(undefined);
        log.info('stopped');
      })());
    return { url, port, runtime, io, close };
  } catch (err) {
    httpServer?.close();
    await releaseStartup?.().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
}

/**
 * The drain: the node has stopped accepting connections (the load balancer sends new ones to
 * another node); its live clients are told to reconnect at a random moment within the first three
 * quarters of `ms`, and what is still connected when `ms` is over is closed with the engine (those
 * clients reconnect by themselves). Ends early once every client has left.
 */
async function drainLive(io: LiveServer, ms: number, log: Logger): Promise<void> {
  const clients = io.engine.clientsCount;
  if (ms <= 0 || clients === 0) return;
  const started = Date.now();
  io.emit('live.reconnect', { reason: 'draining', withinMs: Math.floor((ms * 3) / 4) });
  while (io.engine.clientsCount > 0 && Date.now() - started < ms) await new Promise((r) => setTimeout(r, 25));
  log.info({ clients, left: clients - io.engine.clientsCount, ms: Date.now() - started }, 'live clients drained');
}
