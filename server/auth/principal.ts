/**
 * Who is calling: from `Authorization: Bearer <token>` (API tokens) or the session cookie
 * (better-auth). Used by HTTP routes and the Socket.IO handshake alike, so both enforce the same rules.
 */
import { DomainError } from '../../core/errors';
import { ROLES, type Role } from '../../core/enums';
import type { Actor } from '../../core/ports';
import { findTokenByHash, touchToken } from '../../db/queries/users';
import type { AuthService } from './auth-service';
import { COOKIE_PREFIX } from './better-auth';
import { hashTokenSecret, looksLikeToken } from './api-tokens';
import { tokenCacheOf } from './token-cache';

export interface Principal {
  actor: Actor & { id: string; role: Role };
  userId: string;
  email: string;
  via: 'cookie' | 'bearer';
  tokenId: string | null;
  /** The better-auth session behind a cookie principal (sign-out and password changes end it). */
  sessionId: string | null;
}

export interface Resolved {
  principal: Principal | null;
  /** Session refresh cookies better-auth wants sent back. */
  setCookies: string[];
}

const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)(?:__Secure-)?${COOKIE_PREFIX}\\.session_token=`);

export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  return Boolean(cookieHeader && SESSION_COOKIE.test(cookieHeader));
}

/** The bearer secret of an Authorization header; throws for a malformed one. */
export function bearerOf(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match)
    throw new DomainError(
      'unauthenticated',
      'Unsupported Authorization header: send "Authorization: Bearer <token>" with an API token.',
    );
  return match[1]!;
}

const asRole = (role: string | null | undefined): Role =>
  (ROLES as readonly string[]).includes(role ?? '') ? (role as Role) : 'viewer';

async function fromToken(service: AuthService, secret: string): Promise<Principal> {
  const invalid = () =>
    new DomainError(
      'unauthenticated',
      'The API token is not valid: it is unknown, revoked or mistyped. Create a new one in the admin page or with npm run token:create.',
    );
  if (!looksLikeToken(secret)) throw invalid();
  const hash = hashTokenSecret(secret);
  const owner = await tokenCacheOf(service.database).lookup(hash, () => findTokenByHash(service.database.db, hash));
  if (!owner || owner.revoked) throw invalid();
  if (owner.banned)
    throw new DomainError('unauthenticated', `The account ${owner.email} that owns this API token is disabled.`);
  if (!owner.lastUsedAt || Date.now() - owner.lastUsedAt.getTime() > 60_000) {
    await touchToken(service.database.db, owner.tokenId);
    // The kept owner too, so the next requests within the minute do not touch it again.
    owner.lastUsedAt = new Date();
  }
  return {
    actor: { id: owner.userId, label: `token:${owner.tokenName} (${owner.email})`, role: owner.role },
    userId: owner.userId,
    email: owner.email,
    via: 'bearer',
    tokenId: owner.tokenId,
    sessionId: null,
  };
}

async function fromSession(service: AuthService, headers: Headers): Promise<Resolved> {
  const { headers: out, response } = await service.betterAuth.api.getSession({ headers, returnHeaders: true });
  const setCookies = out.getSetCookie();
  if (!response || response.user.banned) return { principal: null, setCookies };
  const { user } = response;
  const role = asRole(user.role);
  return {
    principal: {
      actor: { id: user.id, label: user.email, role },
      userId: user.id,
      email: user.email,
      via: 'cookie',
      tokenId: null,
      sessionId: response.session.id,
    },
    setCookies,
  };
}

/** Resolves the caller; an invalid bearer token is an error (401), an expired cookie is anonymity. */
export async function resolvePrincipal(service: AuthService, headers: Headers): Promise<Resolved> {
  const secret = bearerOf(headers.get('authorization'));
  if (secret) return { principal: await fromToken(service, secret), setCookies: [] };
  if (hasSessionCookie(headers.get('cookie'))) return fromSession(service, headers);
  return { principal: null, setCookies: [] };
}
