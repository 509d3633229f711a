/**
 * The spike test: is the count of the current window far above what the baseline of the same view
 * predicts? Counts are taken as Poisson: with λ = baseline count × (current length / baseline
 * length), p = P(X ≥ observed | λ). The alert states the method, λ, the ratio and p, so an analyst
 * can judge or tune it. Killed figures are overdispersed (one bombing, many dead): for them the
 * test flags sooner than a Poisson model of deaths deserves, which the alert text says.
 */
import type { SpikeTrigger } from './schema';

/** ln Γ(x) by Lanczos (g = 7, n = 9): ample precision for p-values. */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(X ≥ k) for X ~ Poisson(λ): 1 − Σ_{i<k} e^{−λ} λ^i / i!, summed in log space. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // For k far above λ the tail is dominated by its first terms: sum upward from k (no cancellation).
  if (k > lambda) {
    let sum = 0;
    let term = Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
    for (let i = k; term > sum * 1e-16 && i < k + 100_000; i++) {
      sum += term;
      term *= lambda / (i + 1);
    }
    return Math.min(1, sum);
  }
  let below = 0;
  let term = Math.exp(-lambda);
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return Math.max(0, 1 - below);
}

export interface SpikeResult {
  method: string;
  current: number;
  baseline: number;
  /** The count the baseline predicts for the current window. */
  expected: number;
  /** current / expected; null when nothing was expected. */
  ratio: number | null;
  p: number;
  spike: boolean;
}

export function spikeTest(current: number, baseline: number, t: SpikeTrigger): SpikeResult {
  const expected = baseline * (t.currentDays / t.baselineDays);
  const ratio = expected > 0 ? current / expected : null;
  const p = poissonUpperTail(Math.round(current), expected);
  const spike = current >= t.minCount && p <= t.maxP && (ratio === null || ratio >= t.minRatio);
  return {
    method: `Poisson upper tail: ${t.measure} in the last ${t.currentDays} d against the ${t.baselineDays} d before (expected ${round(expected)})${t.measure === 'killed' ? '; deaths cluster by incident, so read p as a lower bound' : ''}`,
    current,
    baseline,
    expected: round(expected),
    ratio: ratio === null ? null : round(ratio),
    p,
    spike,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
