/**
 * How every process (server, CLI import, seed, bench) makes the Store and a caller's Ctx: one
 * way, so they all write through the same transaction and error translation (db/store.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Actor, Ctx, Store } from '../core/ports';
import type { Database } from './client';
import { createStore } from './store';

export interface WriteContext {
  store: Store;
  ctx(actor: Actor): Ctx;
}

export function createWriteContext(database: Database): WriteContext {
  const store = createStore(database);
  return { store, ctx: (actor) => ({ store, actor, now: () => new Date(), newId: () => randomUUID() }) };
}
