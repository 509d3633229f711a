/**
 * API tokens for scripts: `bw_` + 32 random bytes in base64url. Only the SHA-256 of the secret is
 * stored (a token is high-entropy, so a fast hash is enough; no salt or KDF needed), plus a short
 * prefix so an admin can tell tokens apart. The secret is shown once, at creation.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { insertToken, type TokenRow } from '../../db/queries/users';

export const TOKEN_PREFIX = 'bw_';
const TOKEN_SHAPE = /^bw_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function looksLikeToken(secret: string): boolean {
  return TOKEN_SHAPE.test(secret);
}

export interface CreatedToken {
  token: TokenRow;
  /** The bearer secret; not stored, not retrievable later. */
  secret: string;
}

export async function createApiToken(db: Db, userId: string, name: string): Promise<CreatedToken> {
  const secret = generateTokenSecret();
  const token = await insertToken(db, {
    id: randomUUID(),
    userId,
    name,
    tokenHash: hashTokenSecret(secret),
    prefix: secret.slice(0, 10),
  });
  return { token, secret };
}
