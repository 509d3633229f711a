/**
 * The one runtime of a process, shared through globalThis. Next compiles app/ in its own module
 * graph, so a module-level singleton would exist twice (and with PGlite, a second instance would
 * be a second database). server/main.ts sets it; pages and route code read it with getRuntime().
 * app/ imports only getRuntime and types from the server (enforced in eslint.config.mjs).
 */
import type { Logger } from 'pino';
import type { Actor, Ctx, Store } from '../core/ports';
import type { Database } from '../db/client';
import type { LiveHub } from './live/hub';
import type { Env } from './env';
import type { ReadModel } from './read-model';
import type { AuthService } from './auth/auth-service';
import type { Principal } from './auth/principal';
import type { AlertStore } from '../core/alert/ports';
import type { WriteVerbs } from '../core/write/write-verbs';
import type { ImportJobs } from './api/import-jobs';

export interface Runtime {
  env: Env;
  database: Database;
  store: Store;
  log: Logger;
  hub: LiveHub;
  reads: ReadModel;
  /** The write verbs every transport calls (core/write/write-verbs.ts), built once here. */
  writes: WriteVerbs;
  ctx(actor: Actor): Ctx;
  /** File imports of this node, kept in the database (server/api/import-jobs.ts). */
  importJobs: ImportJobs;
  /** Runs `stop` when the server closes, before the live hub and the database (start-up parts' timers). */
  onClose(stop: () => Promise<void>): void;
  /** Sign-in and sessions, built before the runtime (server/auth/auth-service.ts). */
  auth: AuthService;
  /** Who a request's headers sign in as (server/auth/principal.ts), for pages. */
  principalOf(headers: Headers): Promise<Principal | null>;
  /** The alert rules, views and deliveries (server/alerts/alert-context.ts), for pages. */
  alerts(): AlertStore;
  /** The read model of an anonymous reader of a public dashboard (server/public-reads.ts). */
  publicReads: ReadModel;
  /** Demo accounts that still use the public demo password (server/auth/demo-password.ts), for pages. */
  demoPassword: {
    accounts(): Promise<string[]>;
    credentials(): Promise<{ accounts: { email: string; role: string }[]; password: string } | null>;
  };
}

/** The request header that carries a page's CSP nonce (set by server/page-security.ts, read by the layout). */
export const NONCE_HEADER = 'x-bw-nonce';

const KEY = Symbol.for('border-watch.runtime');
type Holder = { [KEY]?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as Holder)[KEY] = runtime;
}

export function getRuntime(): Runtime {
  const runtime = (globalThis as Holder)[KEY];
  if (!runtime)
    throw new Error(
      'The server runtime is not started: run the app with `npm start` or `npm run dev` (server/main.ts).',
    );
  return runtime;
}
