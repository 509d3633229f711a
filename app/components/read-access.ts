/**
 * The dashboard pages follow the API's "read" rule: anyone when PUBLIC_DASHBOARD is set, otherwise
 * a signed-in account (else to /sign-in and back). Without it a page would render data whose live
 * updates the API and the socket then refuse.
 */
import { redirect } from 'next/navigation';
import { getRuntime } from '@/server/runtime';
import type { ReadModel } from '@/server/read-model';
import { currentPrincipal } from '../sign-in/page-access';

export async function mayRead(): Promise<boolean> {
  return getRuntime().env.PUBLIC_DASHBOARD || (await currentPrincipal()) !== null;
}

/**
 * Sends a visitor who may not read to sign in; returns the reads this visitor gets: an anonymous
 * reader of a public dashboard sees the public projection (no staff identities, no audit trail).
 */
export async function requireReader(path: string): Promise<ReadModel> {
  const rt = getRuntime();
  const principal = await currentPrincipal();
  if (!principal && !rt.env.PUBLIC_DASHBOARD) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return principal ? rt.reads : rt.publicReads;
}

/** The page's own address with its query, for the way back after signing in. */
export function pathWithQuery(path: string, raw: Record<string, string | string[] | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(raw))
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, x);
  const q = p.toString();
  return q ? `${path}?${q}` : path;
}
