/**
 * Whole stats answers, serialised, shared between requests at one change-log position. Every
 * write appends to the change log in its transaction, so an answer computed after reading
 * position P holds for every later request that also reads P; the first request at a new position
 * starts the cache over. A request that read an older position than the cache's computes its own
 * answer and does not store it.
 *
 * A period that follows the clock (a preset, or no `to`) also ages with time, not only with
 * writes: its answer is kept for at most CLOCK_TTL_MS, so it is never more than that behind the
 * moment it is served (the window's edges, a record dated a few minutes ahead coming into it).
 * Size is bounded by entries and by characters; the oldest entry goes first.
 */
import type { Position } from '../../core/change/change';

export const CLOCK_TTL_MS = 1000;
const MAX_ENTRIES = 128;
const MAX_CHARS = 32 * 1024 * 1024;

interface Entry {
  json: Promise<string>;
  /** ms since epoch after which it is not served; Infinity for fixed periods. */
  expires: number;
  chars: number;
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
    if (hit) this.remove(key);
    const entry: Entry = { json: load(), expires: followsClock ? now + CLOCK_TTL_MS : Infinity, chars: 0 };
    this.entries.set(key, entry);
    entry.json.then(
      (json) => {
        if (this.entries.get(key) !== entry) return;
        entry.chars = json.length;
        this.chars += json.length;
        this.trim();
      },
      () => {
        if (this.entries.get(key) === entry) this.remove(key);
      },
    );
    this.trim();
    return entry.json;
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
