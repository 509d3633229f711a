/**
 * Published figures beside what this dashboard recorded for the same period. Only figures marked
 * `comparableTo` get a recorded value, and only when their period has both edges: "more than
 * 75,000 operations in 2025" sits beside the sum of recorded operation counts in 2025.
 */
import { addDays, dayStartIso } from '../time/report-zone';
import type { ComparableMeasure, ReferenceFigure } from '../reference-figure/schema';
import type { Period, PeriodSummary } from './stats-types';

export interface ReferenceComparison {
  figure: ReferenceFigure;
  recorded: { measure: ComparableMeasure; value: number; period: Period; partial: boolean } | null;
}

export const COMPARABLE_LABELS: Record<ComparableMeasure, string> = {
  incidents: 'incidents recorded',
  killed: 'killed recorded (at least)',
  operations: 'operations recorded',
  militantsKilledInOperations: 'militants killed in recorded operations',
};

/** The instants a figure's calendar period covers, or null when it cannot be compared. */
export function comparablePeriod(
  f: Pick<ReferenceFigure, 'comparableTo' | 'periodStart' | 'periodEnd'>,
  zone: string,
): Period | null {
  if (!f.comparableTo || !f.periodStart || !f.periodEnd) return null;
  // A published period is calendar days: those days in the reporting zone, the last one whole.
  return { from: dayStartIso(f.periodStart, zone), to: dayStartIso(addDays(f.periodEnd, 1), zone) };
}

export function recordedValue(measure: ComparableMeasure, s: PeriodSummary): number {
  switch (measure) {
    case 'incidents':
      return s.incidents;
    case 'killed':
      return s.killed.total.low;
    case 'operations':
      return s.operations.operations;
    case 'militantsKilledInOperations':
      return s.operations.militantsKilled;
  }
}
