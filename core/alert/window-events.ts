/**
 * The window triggers, pure. `threshold`: the measure over the last `windowHours` is at or above
 * `atLeast`. `spike`: the current window against the baseline of the same view
 * (core/alert/spike-test.ts). Either alerts when the line is crossed upward, once, and again only
 * after the measure has fallen below it: a state kept on the rule in the evaluating transaction.
 */
import type { SpikeResult } from './spike-test';
import { spikeTest } from './spike-test';
import type { SpikeTrigger, ThresholdTrigger, WindowState } from './schema';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface WindowSpan {
  from: string;
  to: string;
}

/** The windows a trigger reads, ending `now`: current (and baseline for a spike). */
export function triggerWindows(t: ThresholdTrigger | SpikeTrigger, now: Date) {
  const end = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  if (t.type === 'threshold') return { current: { from: iso(end - t.windowHours * HOUR_MS), to: iso(end) } };
  const cut = end - t.currentDays * DAY_MS;
  return {
    current: { from: iso(cut), to: iso(end) },
    baseline: { from: iso(cut - t.baselineDays * DAY_MS), to: iso(cut) },
  };
}

export interface WindowEvent {
  kind: 'threshold' | 'spike';
  measure: 'incidents' | 'killed';
  current: number;
  window: WindowSpan;
  atLeast?: number;
  spike?: SpikeResult & { baselineWindow: WindowSpan };
}

export function thresholdEvent(
  t: ThresholdTrigger,
  current: number,
  window: WindowSpan,
  state: WindowState,
): { event: WindowEvent | null; state: WindowState } {
  const above = current >= t.atLeast;
  const event =
    above && !state.above
      ? { kind: 'threshold' as const, measure: t.measure, current, window, atLeast: t.atLeast }
      : null;
  return { event, state: { above } };
}

export function spikeEvent(
  t: SpikeTrigger,
  current: number,
  baseline: number,
  windows: { current: WindowSpan; baseline: WindowSpan },
  state: WindowState,
): { event: WindowEvent | null; state: WindowState } {
  const result = spikeTest(current, baseline, t);
  const event =
    result.spike && !state.above
      ? {
          kind: 'spike' as const,
          measure: t.measure,
          current,
          window: windows.current,
          spike: { ...result, baselineWindow: windows.baseline },
        }
      : null;
  return { event, state: { above: result.spike } };
}
