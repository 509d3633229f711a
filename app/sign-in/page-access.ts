/**
 * Who is signed in, for server-rendered pages, and the role guard of the record and admin pages:
 * anonymous → /sign-in?next=…, signed in without the role → the caller renders a 403 page.
 * The principal is resolved by the shared runtime (runtime.principalOf, server/auth's own rules):
 * Next compiles app/ in its own module graph, so pages reach server code only through the runtime.
 */
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { hasRole, type Role } from '@/core/enums';
import type { Principal } from '@/server/auth/principal';
import { getRuntime } from '@/server/runtime';

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
    return await runtime.principalOf(forwarded);
  } catch (err) {
    runtime.log.warn({ err: (err as Error).message }, 'could not resolve the session of a page request');
    return null;
  }
}

export type PageAccess = { ok: true; principal: Principal };

/**
 * Redirects anonymous visitors to sign in (coming back to `path`); answers a signed-in person
 * without the role with Next's forbidden(): status 403, rendered by app/forbidden.tsx.
 */
export async function requireRole(needed: Role, path: string): Promise<PageAccess> {
  const principal = await currentPrincipal();
  if (!principal) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (hasRole(principal.actor.role, needed)) return { ok: true, principal };
  forbidden();
}
