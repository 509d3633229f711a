/**
 * The better-auth instance: email and password, sessions in our database through its Drizzle
 * adapter, roles and bans from its admin plugin, a database-backed sign-in rate limit. Built per
 * process from the parsed env (nothing at import time); server and CLI share this one definition.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { admin } from 'better-auth/plugins/admin';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements } from 'better-auth/plugins/admin/access';
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { account, rateLimit, session, user, verification } from '../../db/schema';
import type { Env } from '../env';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy';

/** Set by our server from the socket's address (and stripped from what clients send), for rate limits. */
export const CLIENT_IP_HEADER = 'x-bw-client-ip';
export const COOKIE_PREFIX = 'bw';
/** Sign-in attempts per client address per minute before 429. */
export const SIGN_IN_LIMIT = { window: 60, max: 10 };

const ac = createAccessControl(defaultStatements);
// Only admins may use the admin plugin's user management; viewers and operators get no rights.
const roles = {
  viewer: ac.newRole({ user: [], session: [] }),
  operator: ac.newRole({ user: [], session: [] }),
  admin: adminAc,
};

export function secureCookies(env: Pick<Env, 'BASE_URL'>): boolean {
  return env.BASE_URL?.startsWith('https://') ?? false;
}

export function buildBetterAuth(opts: { env: Env; db: Db; secret: string; log: Logger }) {
  const { env, db, secret, log } = opts;
  return betterAuth({
    appName: 'border-watch',
    basePath: '/api/auth',
    // Without BASE_URL the address is taken from each request's Host (origin checks compare to it).
    baseURL: env.BASE_URL ?? { allowedHosts: ['*'], protocol: 'http', fallback: 'http://localhost' },
    secret,
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification, rateLimit } }),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by admins (API, admin page, CLI), never by visitors.
      disableSignUp: true,
      // The full policy (zxcvbn) runs in our schemas before a password reaches better-auth.
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { ...SIGN_IN_LIMIT, max: env.SIGN_IN_RATE_LIMIT } },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: secureCookies(env),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    plugins: [admin({ defaultRole: 'viewer', adminRoles: ['admin'], roles })],
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message) => {
        if (level === 'error') log.error({ part: 'auth' }, message);
        else if (level === 'warn') log.warn({ part: 'auth' }, message);
        else log.debug({ part: 'auth' }, message);
      },
    },
  });
}

export type BetterAuthInstance = ReturnType<typeof buildBetterAuth>;
