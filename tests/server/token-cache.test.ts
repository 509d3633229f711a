/**
 * API token look-ups kept for a moment (server/auth/token-cache.ts), on both drivers: a kept owner
 * saves the read; a revocation recorded on this node, or on another node (PostgreSQL: NOTIFY),
 * empties the cache before the next request; revoked and disabled owners are never kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../db/client';
import { recordRevocation } from '../../db/queries/revocations';
import type { TokenOwner } from '../../db/queries/users';
import { TokenCache } from '../../server/auth/token-cache';
import { drivers, openTestDatabase, type TestDatabase } from '../support/test-database';

const TOKEN_ID = randomUUID();

const owner = (over: Partial<TokenOwner> = {}): TokenOwner => ({
  tokenId: TOKEN_ID,
  tokenName: 'script',
  revoked: false,
  lastUsedAt: new Date(),
  userId: 'u1',
  email: 'script@example.org',
  role: 'operator',
  banned: false,
  ...over,
});

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each(drivers)('the token cache on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A cache whose reads are counted; on PostgreSQL, once its LISTEN is in place. */
  async function cacheWithReads(answer: () => TokenOwner | null) {
    const cache = new TokenCache(database);
    let reads = 0;
    const lookup = () =>
      cache.lookup('hash', async () => {
        reads++;
        return answer();
      });
    // Nothing is kept until the listener is in place: look until a second look-up is answered kept.
    await until(async () => {
      const before = reads;
      await lookup();
      await lookup();
      return reads === before + 1;
    }, 'the revocation listener');
    return { lookup, reads: () => reads };
  }

  it('keeps a live owner and reads again after a revocation on this node', async () => {
    const c = await cacheWithReads(() => owner());
    const n = c.reads();
    await c.lookup();
    expect(c.reads()).toBe(n);
    await recordRevocation(database, { scope: 'token', userId: 'u1', tokenId: TOKEN_ID, reason: 'token-revoked' });
    await c.lookup();
    expect(c.reads()).toBe(n + 1);
  });

  it('never keeps a revoked or disabled owner', async () => {
    for (const refused of [owner({ revoked: true }), owner({ banned: true })]) {
      const cache = new TokenCache(database);
      let reads = 0;
      for (let i = 0; i < 3; i++)
        await cache.lookup('hash', async () => {
          reads++;
          return refused;
        });
      expect(reads).toBe(3);
    }
  });

  it.runIf(driver === 'postgres')('empties on a revocation recorded by another node', async () => {
    const c = await cacheWithReads(() => owner());
    const other = await openDatabase({ url: database.url!, max: 2 });
    try {
      const n = c.reads();
      await recordRevocation(other, { scope: 'account', userId: 'u1', reason: 'disabled' });
      // NOTIFY arrives shortly after the other node's commit: the next look-up after it reads.
      await until(async () => {
        await c.lookup();
        return c.reads() > n;
      }, 'the other node’s revocation');
    } finally {
      await other.close();
    }
  });
});
