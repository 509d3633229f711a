/**
 * A tiny seeded PRNG for the synthetic demo data. Math.random cannot be seeded, and the demo set
 * must be reproducible (tests, screenshots, benchmarks), so we carry our own generator: mulberry32
 * (32-bit state, good enough for synthetic data, a few lines, no dependency).
 */

/** FNV-1a over the parts: turns (seed, stream name, day …) into an independent 32-bit seed. */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  const text = parts.map(String).join('\u001f');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A key drawn with probability proportional to its weight (zero and missing weights never drawn). */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K;
  /** Poisson count; Knuth's method, fine for the small means used here. */
  poisson(mean: number): number;
  /** Geometric count ≥ 0 with the given mean: mostly small, with a long tail (casualties). */
  geometric(mean: number): number;
  /** Roughly normal noise with standard deviation `sd` (Irwin–Hall: sum of 4 uniforms). */
  jitter(sd: number): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
      // Object.entries keeps insertion order, so the draw is deterministic for a given table.
      const entries = (Object.entries(weights) as Array<[K, number | undefined]>).filter(
        (e): e is [K, number] => typeof e[1] === 'number' && e[1] > 0,
      );
      const total = entries.reduce((s, [, w]) => s + w, 0);
      if (entries.length === 0 || total <= 0) throw new Error('weighted draw needs a positive weight');
      let r = next() * total;
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
    poisson(mean) {
      if (mean <= 0) return 0;
      // Knuth multiplies uniforms until below e^-mean; beyond ~30 that underflows slowly, so
      // fall back to a rounded normal approximation for large means.
      if (mean > 30) return Math.max(0, Math.round(mean + rng.jitter(Math.sqrt(mean))));
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    geometric(mean) {
      if (mean <= 0) return 0;
      const p = 1 / (mean + 1);
      // Inverse CDF; 1 - next() is in (0, 1] so the log is finite.
      return Math.floor(Math.log(1 - next()) / Math.log(1 - p));
    },
    jitter(sd) {
      const u = next() + next() + next() + next() - 2; // variance 4/12 = 1/3
      return u * sd * Math.sqrt(3);
    },
  };
  return rng;
}
