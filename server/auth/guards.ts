/**
 * Route guards for the Hono API. Every route declares one access level; the principal is resolved
 * lazily (once per request), so public routes such as health never touch the session tables.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../../core/errors';
import { hasRole } from '../../core/enums';
import type { Runtime } from '../runtime';
import { resolvePrincipal, type Principal, type Resolved } from './principal';

/**
 * public: anyone. read: dashboard data, anonymous only with PUBLIC_DASHBOARD. signed-in: any
 * account (audit trail, own session). operator / admin: that role or higher.
 */
export type Access = 'public' | 'read' | 'signed-in' | 'operator' | 'admin';

const resolved = new WeakMap<Request, Promise<Resolved>>();

export function principalOf(c: Context, runtime: Runtime): Promise<Principal | null> {
  let p = resolved.get(c.req.raw);
  if (!p) {
    p = resolvePrincipal(runtime.auth, c.req.raw.headers);
    resolved.set(c.req.raw, p);
  }
  return p.then((r) => r.principal);
}

const SIGN_IN = 'Sign in first, or send an API token as "Authorization: Bearer <token>".';

/** Checks `access`; throws 401 / 403 as DomainErrors for the one error mapper. */
export async function checkAccess(c: Context, runtime: Runtime, access: Access): Promise<Principal | null> {
  const hasCredentials = Boolean(c.req.header('authorization') || c.req.header('cookie'));
  if (access === 'public' && !hasCredentials) return null;
  const principal = await principalOf(c, runtime);
  const r = await resolved.get(c.req.raw)!;
  for (const cookie of r.setCookies) c.header('set-cookie', cookie, { append: true });
  if (access === 'public') return principal;
  if (access === 'read' && runtime.env.PUBLIC_DASHBOARD) return principal;
  if (!principal) throw new DomainError('unauthenticated', SIGN_IN);
  if (access === 'operator' || access === 'admin') {
    if (!hasRole(principal.actor.role, access)) {
      throw new DomainError(
        'forbidden',
        `This needs the ${access} role; ${principal.email} has the ${principal.actor.role} role.`,
      );
    }
  }
  return principal;
}

export function allow(runtime: Runtime, access: Access): MiddlewareHandler {
  return async (c, next) => {
    await checkAccess(c, runtime, access);
    await next();
  };
}

/** The signed-in caller of a route guarded above 'read'; a programming error otherwise. */
export async function requirePrincipal(c: Context, runtime: Runtime): Promise<Principal> {
  const principal = await principalOf(c, runtime);
  if (!principal) throw new DomainError('unauthenticated', SIGN_IN);
  return principal;
}
