/**
 * Who is signed in, for server-rendered pages, and the role guard of the record and admin pages:
 * anonymous → /sign-in?next=…, signed in without the role → the caller renders a 403 page.
 *
 * The principal is resolved by server/auth's own resolvePrincipal. Next compiles app/ in its own
 * module graph, so the server's AuthService (kept in a module-level WeakMap by authOf) is not
 * reachable from here; until server/auth exposes it through the shared runtime, pages build their
 * own AuthService with createAuthService (the CLI does the same). It reads the same database and
 * secret, so it sees the same sessions. TODO(auth): replace with a runtime-held service.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Role } from '@/core/enums';
import { createAuthService, type AuthService } from '@/server/auth/auth-service';
import { resolvePrincipal, type Principal } from '@/server/auth/principal';
import { getRuntime, type Runtime } from '@/server/runtime';

const services = new WeakMap<Runtime, Promise<AuthService>>();

function authService(runtime: Runtime): Promise<AuthService> {
  let service = services.get(runtime);
  if (!service) {
    service = createAuthService({ env: runtime.env, database: runtime.database, log: runtime.log });
    // A failed start must not be cached: the next request tries again.
    service.catch(() => services.delete(runtime));
    services.set(runtime, service);
  }
  return service;
}

/** The signed-in person of this request, or null (no cookie, expired session, disabled account). */
export async function currentPrincipal(): Promise<Principal | null> {
  // headers() first: it makes the page dynamic, so a statically prerendered page (the 404 page
  // at build time) never reaches getRuntime(), which only exists in the running server.
  const h = await headers();
  // Pages authenticate by cookie only: a bearer token is for scripts calling the API.
  const forwarded = new Headers();
  const cookie = h.get('cookie');
  if (!cookie) return null;
  forwarded.set('cookie', cookie);
  const runtime = getRuntime();
  try {
    const { principal } = await resolvePrincipal(await authService(runtime), forwarded);
    return principal;
  } catch (err) {
    runtime.log.warn({ err: (err as Error).message }, 'could not resolve the session of a page request');
    return null;
  }
}

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export type PageAccess = { ok: true; principal: Principal } | { ok: false; principal: Principal; needed: Role };

/** A safe `next` target: a path on this site, never another origin ("//evil", "https://…"). */
export function safeNext(next: string | string[] | undefined, fallback = '/'): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

/** Redirects anonymous visitors to sign in (coming back to `path`); reports a missing role. */
export async function requireRole(needed: Role, path: string): Promise<PageAccess> {
  const principal = await currentPrincipal();
  if (!principal) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return RANK[principal.actor.role] >= RANK[needed] ? { ok: true, principal } : { ok: false, principal, needed };
}
