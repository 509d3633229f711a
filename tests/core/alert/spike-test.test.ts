import { describe, expect, it } from 'vitest';
import { poissonUpperTail, spikeTest } from '../../../core/alert/spike-test';
import { SpikeTrigger } from '../../../core/alert/schema';

/** Direct sum of the upper tail, for comparison: Σ_{i≥k} e^{−λ} λ^i / i!. */
function bruteTail(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return 1 - below;
}

describe('poissonUpperTail', () => {
  it.each([
    [0, 3, 1],
    [1, 1, 1 - Math.exp(-1)],
    [3, 0, 0],
    [10, 2, 4.649807e-5],
    [5, 5, 0.5595067],
    [1, 0.001, 0.0009995],
  ])('P(X ≥ %d | λ = %d) = %d', (k, lambda, want) => {
    expect(poissonUpperTail(k, lambda)).toBeCloseTo(want, 6);
  });

  it('agrees with the direct sum across a grid, and stays positive far in the tail', () => {
    for (const lambda of [0.2, 1, 4.5, 12, 40]) {
      for (const k of [1, 2, 5, 10, 20, 60]) {
        const want = bruteTail(k, lambda);
        if (want > 1e-12) expect(Math.abs(poissonUpperTail(k, lambda) - want) / want).toBeLessThan(1e-6);
      }
    }
    const far = poissonUpperTail(200, 3);
    expect(far).toBeGreaterThan(0);
    expect(far).toBeLessThan(1e-200);
  });
});

describe('spikeTest', () => {
  const t = SpikeTrigger.parse({ type: 'spike' });

  it('flags a week far above its 12-week baseline, stating method, expected count, ratio and p', () => {
    const r = spikeTest(12, 24, t); // 24 in 84 days → 2 expected in 7
    expect(r.expected).toBe(2);
    expect(r.ratio).toBe(6);
    expect(r.p).toBeLessThan(1e-4);
    expect(r.spike).toBe(true);
    expect(r.method).toMatch(/Poisson upper tail.*last 7 d.*84 d/);
  });

  it('stays quiet for an ordinary week, a small count, or a modest ratio', () => {
    expect(spikeTest(3, 36, t).spike).toBe(false); // 3 expected, 3 seen
    expect(spikeTest(2, 0, t).spike).toBe(false); // below minCount
    const modest = spikeTest(30, 240, SpikeTrigger.parse({ type: 'spike', maxP: 0.5 })); // 20 expected: ratio 1.5
    expect(modest.p).toBeLessThan(0.5);
    expect(modest.spike).toBe(false);
  });

  it('with an empty baseline, alerts on the count alone (ratio undefined)', () => {
    const r = spikeTest(4, 0, t);
    expect(r.ratio).toBeNull();
    expect(r.p).toBe(0);
    expect(r.spike).toBe(true);
  });
});
