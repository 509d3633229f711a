/**
 * Whole-day stats cells shared between requests until the next write. Every dashboard refreshes
 * after each change, so the same cells are asked for by every open screen; they depend only on
 * the rollups, and every write that changes a rollup appends to the change log in the same
 * transaction. So cells read at position P serve any later request that also read P: its data may
 * be newer than P, which the snapshot contract allows ("at least as new as its position"), and it
 * can never be older. The partial days at a period's edges are always read fresh.
 */
import type { Position } from '../../core/change/change';

export type Cached = <T>(key: string, load: () => Promise<T>) => Promise<T>;

/** Enough for every chart of a few filtered views; beyond it the cache starts over. */
const MAX_ENTRIES = 256;

export class StatsCache {
  private epoch = '';
  private seq = -1;
  private entries = new Map<string, Promise<unknown>>();

  /** The cache as seen by a request that read `position` before its data. */
  at(position: Position): Cached {
    if (position.epoch !== this.epoch || position.seq > this.seq) {
      this.epoch = position.epoch;
      this.seq = position.seq;
      this.entries = new Map();
    }
    // A request that read an older position than the cache's holds reads its own data: what it
    // reads must not be stored where requests at the newer position would find it.
    if (position.seq < this.seq) return (_key, load) => load();
    const entries = this.entries;
    return <T>(key: string, load: () => Promise<T>): Promise<T> => {
      const hit = entries.get(key);
      if (hit) return hit as Promise<T>;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const loading = load();
      entries.set(key, loading);
      loading.catch(() => entries.delete(key));
      return loading;
    };
  }
}
