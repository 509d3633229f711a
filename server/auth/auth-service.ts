/**
 * The authentication service of one process: the better-auth instance and the database it uses.
 * The server builds it before its runtime (server/app-server.ts) and carries it as runtime.auth;
 * the CLI builds its own with createAuthService.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../../db/client';
import { readOrCreateSecret } from '../../db/queries/users';
import type { Env } from '../env';
import { buildBetterAuth, type BetterAuthInstance } from './better-auth';

export interface AuthService {
  env: Env;
  database: Database;
  log: Logger;
  betterAuth: BetterAuthInstance;
}

/**
 * AUTH_SECRET when given; otherwise a secret generated once and kept in the database (app_secrets),
 * so all nodes and the CLI agree. It signs session cookies whose tokens the database holds anyway,
 * so storing it beside them reveals nothing a database reader does not already have.
 */
export async function resolveAuthSecret(env: Env, database: Database): Promise<string> {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  return readOrCreateSecret(database.db, 'auth', () => randomBytes(32).toString('base64url'));
}

export async function createAuthService(opts: { env: Env; database: Database; log: Logger }): Promise<AuthService> {
  const secret = await resolveAuthSecret(opts.env, opts.database);
  const betterAuth = buildBetterAuth({
    env: opts.env,
    db: opts.database.db,
    secret,
    log: opts.log.child({ part: 'auth' }),
  });
  // Surface configuration errors at start, not on the first sign-in.
  await betterAuth.$context;
  return { ...opts, betterAuth };
}
