/**
 * Whole stats answers, serialised, shared between requests at one change-log position. Every
 * write appends to the change log in its transaction, so an answer computed after reading
 * position P holds for every later request that also reads P; the first request at a new position
 * starts the cache over. A request that read an older position than the cache's computes its own
 * answer and does not store it.
 *
 * A period that follows the clock (a preset, or no `to`) also ages with time, not only with
 * writes: its answer is fresh for CLOCK_TTL_MS (the window's edges, a record dated a few minutes
 * ahead coming into it). Past that, for up to CLOCK_STALE_MS more, the held answer is still served
 * while one refresh at the same position computes the next, so no request waits for a recompute
 * of a busy period's answer (the overview's, once a second); an answer older than that is computed
 * by the request. A write still ends every answer at once (a new position starts the cache over).
 * Size is bounded by entries and by characters; the oldest entry goes first.
 */
import type { Position } from '../../core/change/change';

export const CLOCK_TTL_MS = 1000;
export const CLOCK_STALE_MS = 5000;
const MAX_ENTRIES = 128;
const MAX_CHARS = 32 * 1024 * 1024;

interface Entry {
  json: Promise<string>;
  /** ms since epoch after which it is refreshed; Infinity for fixed periods. */
  expires: number;
  chars: number;
  /** Computed (not pending, not failed): only such an answer is served past `expires`. */
  ready: boolean;
  /** A refresh has started from this entry. */
  refreshing: boolean;
}

export class AnswerCache {
  private epoch = '';
  private seq = -1;
  private entries = new Map<string, Entry>();
  private chars = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The answer for `key` at `position`, computed by `load` when not held. `followsClock`: the
   * period's end is the clock's now (see above).
   */
  get(position: Position, key: string, followsClock: boolean, load: () => Promise<string>): Promise<string> {
    if (position.epoch !== this.epoch || position.seq > this.seq) {
      this.epoch = position.epoch;
      this.seq = position.seq;
      this.clear();
    }
    if (position.seq < this.seq) return load();
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.json;
    if (hit && hit.ready && now < hit.expires + CLOCK_STALE_MS) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        // The refresh takes the entry's place once computed; until then the held answer is served.
        this.store(key, load(), now, followsClock, hit).catch(() => undefined);
      }
      return hit.json;
    }
    if (hit) this.remove(key);
    return this.store(key, load(), now, followsClock);
  }

  /** Holds `json` for `key` now, or (a refresh) once computed, if `replacing` is still the entry then. */
  private store(key: string, json: Promise<string>, now: number, followsClock: boolean, replacing?: Entry) {
    const entry: Entry = {
      json,
      expires: followsClock ? now + CLOCK_TTL_MS : Infinity,
      chars: 0,
      ready: false,
      refreshing: false,
    };
    if (!replacing) this.entries.set(key, entry);
    json.then(
      (text) => {
        if (replacing) {
          if (this.entries.get(key) !== replacing) return;
          this.remove(key);
          this.entries.set(key, entry);
        } else if (this.entries.get(key) !== entry) return;
        entry.ready = true;
        entry.chars = text.length;
        this.chars += text.length;
        this.trim();
      },
      () => {
        if (replacing) replacing.refreshing = false;
        else if (this.entries.get(key) === entry) this.remove(key);
      },
    );
    this.trim();
    return json;
  }

  /** Entries held now (tests). */
  get size(): number {
    return this.entries.size;
  }

  private trim(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES && this.chars <= MAX_CHARS) return;
      this.remove(key);
    }
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.chars -= e.chars;
    this.entries.delete(key);
  }

  private clear(): void {
    this.entries = new Map();
    this.chars = 0;
  }
}
