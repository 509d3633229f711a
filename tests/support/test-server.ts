/**
 * A real server on port 0 for tests: the product's routes and start-up, the live hub, Socket.IO,
 * on PGlite (a fresh data dir) or on a fresh PostgreSQL database. Pages are not served (no Next).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { io as ioClient, type Socket } from 'socket.io-client';
import { parseEnv, type Env } from '../../server/env';
import { startServer, type RunningServer, type StartOptions } from '../../server/app-server';
import { productRoutes, productStartup } from '../../server/product';
import type { Change } from '../../core/change/change';
import type { LiveHello, LiveReconnect } from '../../server/live/events';
import { followDrains } from '../../app/live/live-socket';
import { createPostgresDatabase, type Driver } from './test-database';
import { pgliteTemplate } from './pglite-template';

export interface TestServer extends RunningServer {
  env: Env;
  /** Stops this server and removes what it created (data dir or database). */
  destroy(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  /** Reuse a database (a PostgreSQL URL or a PGlite data dir) instead of a fresh one. */
  databaseUrl?: string;
  dataDir?: string;
  live?: StartOptions['live'];
}

export async function startTestServer(driver: Driver, opts: TestServerOptions = {}): Promise<TestServer> {
  let cleanup = async () => {};
  const vars: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_DATA: 'off',
    DEMO_LIVE: '0',
    // Tests create the groups they need; a test of the start-up seed turns it on.
    REFERENCE_DATA: 'off',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    // Closing a test server does not wait for its clients to move (the failover test drains).
    LIVE_DRAIN_MS: '0',
    ...opts.env,
  };
  if (driver === 'postgres') {
    if (opts.databaseUrl) vars.DATABASE_URL = opts.databaseUrl;
    else {
      const created = await createPostgresDatabase();
      vars.DATABASE_URL = created.url;
      cleanup = created.drop;
    }
  } else if (opts.dataDir) {
    vars.DATA_DIR = opts.dataDir;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'bw-test-'));
    vars.DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const env = parseEnv(vars as NodeJS.ProcessEnv);
  const template = driver === 'pglite' ? await pgliteTemplate() : null;
  const server = await startServer({
    env,
    log: pino({ level: env.LOG_LEVEL }),
    databaseTemplate: template,
    next: false,
    routes: productRoutes,
    onStart: productStartup,
    live: opts.live,
  });
  return {
    ...server,
    env,
    destroy: async () => {
      await server.close();
      await cleanup();
    },
  };
}

/** A Socket.IO client that records what it receives, as a dashboard would. */
export interface LiveClient {
  socket: Socket;
  hellos: LiveHello[];
  changes: Change[];
  /** `live.reconnect` hints received from a stopping node (followed as the browser does). */
  drains: LiveReconnect[];
  /** The last applied position, as the browser hook keeps it. */
  position: { epoch: string; seq: number } | null;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export function connectLive(
  url: string,
  auth: Record<string, unknown> = {},
  opts: { reconnection?: boolean; headers?: Record<string, string> } = {},
): LiveClient {
  const client: LiveClient = {
    socket: undefined as unknown as Socket,
    hellos: [],
    changes: [],
    drains: [],
    position: null,
    // Generous: a loaded 2-core machine replays a thousand changes slowly; the condition ends the wait.
    async waitFor(predicate, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline)
          throw new Error(
            `timed out after ${timeoutMs} ms (changes: ${client.changes.length}, hellos: ${client.hellos.length})`,
          );
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close() {
      client.socket.close();
    },
  };
  const socket = ioClient(url, {
    transports: ['websocket'],
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    extraHeaders: opts.headers,
    // Sent on every (re)connection: resume from the last applied position.
    auth: (cb) => cb({ ...auth, ...(client.position ? client.position : {}) }),
  });
  socket.on('live.hello', (hello: LiveHello) => {
    client.hellos.push(hello);
    if (!hello.recovered) client.position = { epoch: hello.epoch, seq: hello.seq };
  });
  socket.on('live.changes', (batch: Change[]) => {
    for (const c of batch) {
      client.changes.push(c);
      client.position = { epoch: c.epoch, seq: c.seq };
    }
  });
  socket.on('live.reconnect', (hint: LiveReconnect) => client.drains.push(hint));
  followDrains(socket);
  client.socket = socket;
  return client;
}
