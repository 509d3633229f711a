/**
 * Which accounts still have the public demo password. The sign-in page lists the demo accounts
 * only while they do (and demo data is on and loaded); admins see a banner while any account does.
 * Checking means verifying password hashes (scrypt, deliberately slow), so the answer is kept for
 * a minute per process rather than recomputed on every anonymous page view.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { account, user } from '../../db/schema';
import type { Runtime } from '../runtime';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../core/demo/demo-accounts';

const TTL_MS = 60_000;
// Keyed by the database: user changes (server/auth/users.ts) see only the auth service's database.
const cache = new WeakMap<Database, { at: number; value: Promise<string[]> }>();

/** Emails of the accounts whose password is the demo password. */
export function accountsWithDemoPassword(runtime: Runtime): Promise<string[]> {
  const hit = cache.get(runtime.database);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = (async () => {
    const ctx = await runtime.auth.betterAuth.$context;
    const rows = await runtime.database.db
      .select({ email: user.email, hash: account.password })
      .from(account)
      .innerJoin(user, eq(user.id, account.userId))
      .where(and(eq(account.providerId, 'credential'), isNotNull(account.password)));
    const out: string[] = [];
    for (const r of rows) if (await ctx.password.verify({ hash: r.hash!, password: DEMO_PASSWORD })) out.push(r.email);
    return out;
  })();
  value.catch(() => cache.delete(runtime.database));
  cache.set(runtime.database, { at: Date.now(), value });
  return value;
}

/** A password change or a new account makes the cached answer stale. */
export function forgetDemoPasswordCheck(database: Database): void {
  cache.delete(database);
}

/**
 * The demo accounts the sign-in page may show, with the password: only when demo data is on
 * (DEMO_DATA not off, synthetic records loaded) and only the accounts that still use the demo password.
 */
export async function demoCredentials(
  runtime: Runtime,
): Promise<{ accounts: { email: string; role: string }[]; password: string } | null> {
  if (runtime.env.DEMO_DATA === 'off') return null;
  if (!(await runtime.reads.dashboard.syntheticPresent())) return null;
  const withDemo = new Set(await accountsWithDemoPassword(runtime));
  const accounts = DEMO_ACCOUNTS.filter((a) => withDemo.has(a.email)).map((a) => ({ email: a.email, role: a.role }));
  return accounts.length > 0 ? { accounts, password: DEMO_PASSWORD } : null;
}
