/**
 * API token look-ups kept for a moment: a script that sends hundreds of requests a second would
 * otherwise read its token (a round trip and a transaction) on every one. An entry lives at most
 * TTL_MS, and every revocation empties the cache at once: this node's (the in-process event that
 * recordRevocation emits) and any node's (NOTIFY on the revocations channel, db/queries/revocations.ts).
 * On PostgreSQL nothing is kept until that LISTEN is in place, and a look-up that was in flight
 * when a revocation arrived is not kept, so a revoked token is refused from the next request on;
 * a change outside the revocation log (a database edit by hand) takes effect within TTL_MS.
 */
import type { Database } from '../../db/client';
import { REVOCATIONS_CHANNEL } from '../../db/queries/revocations';
import type { TokenOwner } from '../../db/queries/users';

export const TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

export class TokenCache {
  private readonly entries = new Map<string, { owner: TokenOwner; until: number }>();
  /** Reads in flight: requests that arrive together share one (never one begun before a revocation). */
  private readonly reading = new Map<string, { generation: number; owner: Promise<TokenOwner | null> }>();
  /** Bumped by every revocation: a look-up that started before one is not kept. */
  private generation = 0;
  private listening: 'no' | 'starting' | 'yes';
  private readonly flush = () => {
    this.generation++;
    this.entries.clear();
    this.reading.clear();
  };

  constructor(private readonly database: Database) {
    database.events.on('revocation', this.flush);
    this.listening = database.sql ? 'no' : 'yes';
  }

  /** The owner of the token with this hash, read through `read` unless kept (live, not revoked). */
  async lookup(tokenHash: string, read: () => Promise<TokenOwner | null>): Promise<TokenOwner | null> {
    this.listen();
    const kept = this.entries.get(tokenHash);
    if (kept && kept.until > Date.now()) return kept.owner;
    const generation = this.generation;
    const inFlight = this.reading.get(tokenHash);
    if (inFlight && inFlight.generation === generation) return inFlight.owner;
    const pending = read();
    this.reading.set(tokenHash, { generation, owner: pending });
    let owner: TokenOwner | null;
    try {
      owner = await pending;
    } finally {
      if (this.reading.get(tokenHash)?.owner === pending) this.reading.delete(tokenHash);
    }
    if (owner && !owner.revoked && !owner.banned && this.listening === 'yes' && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(tokenHash, { owner, until: Date.now() + TTL_MS });
    } else this.entries.delete(tokenHash);
    return owner;
  }

  private listen(): void {
    const { sql } = this.database;
    if (this.listening !== 'no' || !sql) return;
    this.listening = 'starting';
    sql
      .listen(REVOCATIONS_CHANNEL, this.flush, () => {
        // (Re)connected: revocations may have been missed while the listener was away.
        this.flush();
        this.listening = 'yes';
      })
      .catch(() => {
        this.listening = 'no';
      });
  }
}

const caches = new WeakMap<Database, TokenCache>();

export function tokenCacheOf(database: Database): TokenCache {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new TokenCache(database)));
  return cache;
}
