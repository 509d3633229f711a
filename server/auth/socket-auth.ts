/**
 * The live socket's handshake check: the session cookie (browsers) or `auth.token` (scripts, an
 * API token). Without PUBLIC_DASHBOARD a socket needs one of them; a refused handshake reaches the
 * client as a connect_error whose message says why and whose `data.code` is the API error code.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '../../core/errors';
import type { LiveServer } from '../live/hub';
import type { Runtime } from '../runtime';
import type { AuthService } from './auth-service';
import { hasSessionCookie, resolvePrincipal, type Principal } from './principal';
import { assertSameSite, type OriginEnv } from './site-origin';

export interface Handshake {
  headers: IncomingHttpHeaders;
  auth: Record<string, unknown> | undefined;
}

function toHeaders(h: Handshake): Headers {
  const headers = new Headers();
  if (typeof h.headers.cookie === 'string') headers.set('cookie', h.headers.cookie);
  if (typeof h.headers.host === 'string') headers.set('host', h.headers.host);
  const token = h.auth?.token;
  if (typeof token === 'string' && token) headers.set('authorization', `Bearer ${token}`);
  else if (typeof h.headers.authorization === 'string') headers.set('authorization', h.headers.authorization);
  return headers;
}

/**
 * The cross-site rule of HTTP writes (site-origin.ts), at the handshake: a socket that signs in by
 * cookie must come from a page of this site. A foreign Origin is refused even without a cookie: a
 * browser always sends Origin on a WebSocket, and no page of another origin has a reason to open ours.
 */
export function checkHandshakeOrigin(env: OriginEnv, h: Handshake): void {
  const origin = typeof h.headers.origin === 'string' ? h.headers.origin : undefined;
  const host = typeof h.headers.host === 'string' ? h.headers.host : undefined;
  const byToken = typeof h.auth?.token === 'string' && h.auth.token !== '';
  const byCookie = !byToken && hasSessionCookie(typeof h.headers.cookie === 'string' ? h.headers.cookie : null);
  if (origin || byCookie) assertSameSite(env, { origin, host }, 'live connection');
}

/** Resolves the socket's principal, or throws a DomainError (unauthenticated) when it may not connect. */
export async function authenticateSocket(service: AuthService, handshake: Handshake): Promise<Principal | null> {
  checkHandshakeOrigin(service.env, handshake);
  const { principal } = await resolvePrincipal(service, toHeaders(handshake));
  if (!principal && !service.env.PUBLIC_DASHBOARD) {
    throw new DomainError('unauthenticated', 'Sign in to receive live updates (or pass an API token as auth.token).');
  }
  return principal;
}

/** Installs the check as Socket.IO middleware: it runs before the hub's handshake. */
export function installSocketAuth(io: LiveServer, runtime: Runtime): void {
  const service = runtime.auth;
  io.use((socket, next) => {
    authenticateSocket(service, {
      headers: socket.handshake.headers,
      auth: socket.handshake.auth as Record<string, unknown> | undefined,
    }).then(
      (principal) => {
        // The hub finds a principal's sockets by it when the account changes (revocations).
        socket.data.principal = principal;
        next();
      },
      (err: unknown) => {
        const known = err instanceof DomainError;
        if (!known) runtime.log.warn({ err: (err as Error).message }, 'live handshake could not be authenticated');
        const refused = new Error(
          known
            ? err.message
            : 'Live updates are unavailable: the server could not check your sign-in. Try again shortly.',
        ) as Error & {
          data?: { code: string };
        };
        refused.data = { code: known ? err.code : 'unavailable' };
        next(refused);
      },
    );
  });
}
