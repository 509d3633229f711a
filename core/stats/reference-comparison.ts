/**
 * Published figures beside what this dashboard recorded, compared only with like: a figure marked
 * `comparableTo` gets the recorded measure that counts the same thing (intelligence-based
 * operations for "more than 75,000 intelligence-based operations", not operations of every kind),
 * over the same calendar period, and only once that period has ended (a year half-recorded is
 * another period). An undated figure, or one whose period has an open edge, is never compared.
 */
import type { OperationKind } from '../enums';
import { addDays, dayStartIso } from '../time/report-zone';
import type { ComparableMeasure, ReferenceFigure } from '../reference-figure/schema';
import type { Period, PeriodSummary } from './stats-types';

export interface RecordedValue {
  measure: ComparableMeasure;
  /** The sum of the reported figures ("at least" when `missing` > 0). */
  value: number;
  /** Records in the period that report no such figure. */
  missing: number;
  /** Records (incidents, or operation records) the value sums. */
  records: number;
  period: Period;
}

export interface ReferenceComparison {
  figure: ReferenceFigure;
  recorded: RecordedValue | null;
}

export const COMPARABLE_LABELS: Record<ComparableMeasure, string> = {
  incidents: 'incidents recorded',
  killed: 'killed recorded (at least)',
  operations: 'operations of every kind recorded',
  militantsKilledInOperations: 'militants killed in recorded operations of every kind',
  intelligenceBasedOperations: 'intelligence-based operations recorded',
  militantsKilledInIntelligenceBasedOperations: 'militants killed in recorded intelligence-based operations',
};

/** The operation kind a measure is restricted to, if any: its value is read from that kind only. */
export const MEASURE_OPERATION_KIND: Partial<Record<ComparableMeasure, OperationKind>> = {
  intelligenceBasedOperations: 'intelligence_based',
  militantsKilledInIntelligenceBasedOperations: 'intelligence_based',
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

/** The period to compare over, only when it has ended by `now`. */
export function endedPeriod(
  f: Pick<ReferenceFigure, 'comparableTo' | 'periodStart' | 'periodEnd'>,
  now: Date,
  zone: string,
): Period | null {
  const p = comparablePeriod(f, zone);
  return p && p.to <= now.toISOString() ? p : null;
}

/** Operation totals of one kind over a period, as the database sums them. */
export interface KindTotals {
  records: number;
  operations: number;
  militantsKilled: number;
  militantsKilledMissing: number;
}

/** The recorded value of a measure from a period's summary, or (kind-restricted) its kind totals. */
export function recordedValue(
  measure: ComparableMeasure,
  period: Period,
  s: PeriodSummary,
  kind: KindTotals | null,
): RecordedValue | null {
  const of = (value: number, missing: number, records: number): RecordedValue | null =>
    // Nothing recorded in the period: a 0 beside a published figure would read as a finding.
    records > 0 ? { measure, value, missing, records, period } : null;
  switch (measure) {
    case 'incidents':
      return of(s.incidents, 0, s.incidents);
    case 'killed':
      return of(s.killed.total.low, s.killed.total.missing, s.incidents);
    case 'operations':
      return of(s.operations.operations, 0, s.operations.records);
    case 'militantsKilledInOperations':
      return of(s.operations.militantsKilled, s.operations.missing.militantsKilled, s.operations.records);
    case 'intelligenceBasedOperations':
      return kind && of(kind.operations, 0, kind.records);
    case 'militantsKilledInIntelligenceBasedOperations':
      return kind && of(kind.militantsKilled, kind.militantsKilledMissing, kind.records);
  }
}

/** "undated, reported 17 Jan 2026", or the period as published. */
export function periodWording(
  f: Pick<ReferenceFigure, 'periodLabel' | 'periodStart' | 'periodEnd' | 'reportedOn'>,
  formatDay: (day: string) => string,
): string {
  const undated = f.periodStart === null && f.periodEnd === null;
  return undated && f.reportedOn ? `${f.periodLabel}, reported ${formatDay(f.reportedOn)}` : f.periodLabel;
}
