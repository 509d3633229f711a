import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from '../../../core/demo/random';

const draw = (seed: number, n = 20) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('createRng', () => {
  it('repeats its sequence for the same seed and changes it for another', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in [0, 1)', () => {
    expect(draw(7, 10_000).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('int covers both ends of its range and nothing outside', () => {
    const rng = createRng(1);
    const seen = new Set(Array.from({ length: 2_000 }, () => rng.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('weighted follows the weights and never draws a zero weight', () => {
    const rng = createRng(5);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[rng.weighted({ a: 3, b: 1, c: 0 })]++;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.7);
    expect(counts.a / counts.b).toBeLessThan(3.3);
  });

  it('weighted refuses a table without a positive weight', () => {
    expect(() => createRng(1).weighted({ a: 0 })).toThrow();
    expect(() => createRng(1).pick([])).toThrow();
  });

  it.each([
    ['poisson', 0.7],
    ['poisson', 4],
    ['poisson', 60],
    ['geometric', 0.5],
    ['geometric', 3],
  ] as const)('%s has about the requested mean (%d)', (fn, m) => {
    const rng = createRng(9);
    const xs = Array.from({ length: 20_000 }, () => rng[fn](m));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expect(mean(xs)).toBeGreaterThan(m * 0.93);
    expect(mean(xs)).toBeLessThan(m * 1.07);
  });

  it('jitter is centred with about the requested spread', () => {
    const rng = createRng(11);
    const xs = Array.from({ length: 20_000 }, () => rng.jitter(2));
    const sd = Math.sqrt(mean(xs.map((x) => x * x)));
    expect(Math.abs(mean(xs))).toBeLessThan(0.05);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
  });
});

describe('hashSeed', () => {
  it('is stable and separates its parts', () => {
    expect(hashSeed('demo', 1, '2025-01-01')).toBe(hashSeed('demo', 1, '2025-01-01'));
    expect(hashSeed('demo', 1, '2025-01-01')).not.toBe(hashSeed('demo', 1, '2025-01-02'));
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
  });
});
