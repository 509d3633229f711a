/**
 * How every process (server, CLI import, seed, bench) makes the Store, a caller's Ctx and the write
 * verbs: one way, so they all write through the same verbs, transactions and error translation
 * (core/write/write-verbs.ts, db/store.ts). The server keeps the result in its runtime.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, Ctx, Store } from '../core/ports';
import { DEFAULT_RETRY, type RetryPolicy } from '../core/write/exactly-once';
import { createWriteVerbs, type WriteVerbs } from '../core/write/write-verbs';
import type { Database } from './client';
import { isConnectionFailure, translateDriverError } from './driver-errors';
import { listGroups } from './queries/reference';
import { createStore } from './store';

export interface WriteContext {
  store: Store;
  ctx(actor: Actor): Ctx;
  writes: WriteVerbs;
}

/** A read is safe to repeat: on a lost connection, again (as writes do), then a typed store error (503). */
async function readAgainOnLostConnection<T>(read: () => Promise<T>, retry: RetryPolicy): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await read();
    } catch (err) {
      if (!isConnectionFailure(err) || n + 1 >= retry.attempts) throw translateDriverError(err);
      await retry.pause(n);
    }
  }
}

export function createWriteContext(database: Database, opts: { retry?: RetryPolicy } = {}): WriteContext {
  const store = createStore(database);
  const writes = createWriteVerbs({
    retry: opts.retry,
    imports: {
      groups: async () =>
        (await readAgainOnLostConnection(() => listGroups(database.db), opts.retry ?? DEFAULT_RETRY)).map((g) => ({
          id: g.id,
          shortName: g.shortName,
          fullName: g.fullName,
          aliases: g.aliases,
        })),
    },
  });
  return {
    store,
    ctx: (actor) => ({
      store,
      actor,
      now: () => new Date(),
      newId: () => randomUUID(),
      reportZone: database.reportZone,
    }),
    writes,
  };
}
