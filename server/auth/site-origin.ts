/**
 * The one rule for "does this come from a page of this site": cross-site HTTP writes and the live
 * socket's handshake both use it. A browser attaches cookies to requests a foreign page starts (and
 * to a WebSocket from another port or a sibling subdomain), so anything that authenticates by
 * cookie must carry an Origin (or Referer) that is BASE_URL's, this request's own host, or one of
 * ALLOWED_ORIGINS.
 */
import { DomainError } from '../../core/errors';
import type { Env } from '../env';

export type OriginEnv = Pick<Env, 'BASE_URL' | 'ALLOWED_ORIGINS'>;

export function originOf(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

/** The origins a signed-in request may come from, lower-cased, the canonical one first. */
export function siteOrigins(env: OriginEnv, host: string | null | undefined): string[] {
  const origins: string[] = [];
  if (env.BASE_URL) origins.push(new URL(env.BASE_URL).origin);
  for (const o of env.ALLOWED_ORIGINS) origins.push(o);
  if (host) origins.push(`http://${host}`, `https://${host}`);
  return origins.map((o) => o.toLowerCase());
}

export interface OriginFacts {
  origin: string | null | undefined;
  referer?: string | null;
  host: string | null | undefined;
}

/**
 * Throws `forbidden` unless the request names an allowed origin. `what` is said in the message
 * ("write", "live connection") so the refusal explains itself.
 */
export function assertSameSite(env: OriginEnv, facts: OriginFacts, what: string): void {
  const origin = originOf(facts.origin) ?? originOf(facts.referer);
  if (!origin) {
    throw new DomainError(
      'forbidden',
      `Cross-site check failed: a signed-in ${what} must carry an Origin (or Referer) header from this site. Scripts should use an API token instead of a cookie.`,
    );
  }
  const allowed = siteOrigins(env, facts.host);
  if (!allowed.includes(origin.toLowerCase())) {
    throw new DomainError(
      'forbidden',
      `Cross-site ${what} refused: it came from ${origin}, not from this site (${allowed[0] ?? 'unknown'}).`,
    );
  }
}
