/**
 * The stats API contract: what GET /api/stats/{summary,timeseries,breakdown,overview} answer and
 * what the dashboard pages render. Every response carries the change-log position it is
 * consistent with (read before the data), so a live client can ignore changes it already holds.
 */
import type { Position } from '../change/change';
import type { CasualtyCategory, IncidentCategory, IncidentType } from '../enums';

export const BUCKETS = ['hour', 'day', 'week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const BREAKDOWN_DIMENSIONS = ['province', 'group', 'type', 'target'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** A half-open period [from, to); `from` null means "since the first record". ISO 8601 UTC. */
export interface Period {
  from: string | null;
  to: string;
}

/** Every answer names the reporting time zone its days, weeks, months and hours are in. */
export interface InZone {
  /** IANA name (REPORT_TIMEZONE), e.g. Asia/Karachi. */
  zone: string;
}

/**
 * An "at least" sum and an "up to" sum (the high figure where given, else the low one) over the
 * records that report a figure, and how many records in the total report none ("not reported" is
 * not 0: "at least 188 injured · 31 incidents without an injured figure").
 */
export interface Figures {
  low: number;
  high: number;
  missing: number;
}

export interface CasualtySummary {
  /** `missing`: incidents that report no figure in any category. */
  total: Figures;
  /** `missing`: incidents that report no figure for that category. */
  byCategory: Record<CasualtyCategory, Figures>;
}

/** A yes/no/unknown attribute: the share is yes / (yes + no), null when nothing is known. */
export interface TriStateShare {
  yes: number;
  no: number;
  unknown: number;
  share: number | null;
}

export interface OperationTotals {
  /** Operation records. */
  records: number;
  /** Operations: the sum of the records' counts (one record may stand for a published total). */
  operations: number;
  militantsKilled: number;
  militantsArrested: number;
  securityKilled: number;
  securityInjured: number;
  /** Records that report no such figure (the sums above count the others). */
  missing: {
    militantsKilled: number;
    militantsArrested: number;
    securityKilled: number;
    securityInjured: number;
  };
}

export interface PeriodSummary extends Period {
  incidents: number;
  /** Incidents with at least one "up to" figure: the high sums differ from the low ones only there. */
  incidentsWithHigh: number;
  killed: CasualtySummary;
  injured: CasualtySummary;
  operations: OperationTotals;
  crossBorder: TriStateShare;
  foreignNationals: TriStateShare;
}

export interface StatsSummary extends InZone {
  position: Position;
  /**
   * The incident categories the figures count (docs/adr/0015): without a `category` filter,
   * militant violence (attack, clash); interstate fire and state violence only when named.
   */
  categories: IncidentCategory[];
  current: PeriodSummary;
  /** The previous period of equal length; null for "all time". */
  previous: PeriodSummary | null;
}

export interface TimeseriesPoint {
  /**
   * Bucket start and end (ISO 8601 UTC instants); buckets are hours, days, ISO weeks (Monday
   * first) or months of the reporting zone.
   */
  start: string;
  end: string;
  /** The local calendar day the bucket starts on (`YYYY-MM-DD`, reporting zone). */
  day: string;
  /** Hour buckets: the local time the bucket starts at (`HH:MM`). */
  time?: string;
  /** The bucket is cut by the period's edge, so it holds less than a full bucket of time. */
  partial: boolean;
  incidents: number;
  byType: Record<IncidentType, number>;
  /** Operations (the sum of counts) recorded in the bucket, and their outcomes. */
  operations: number;
  militantsKilled: number;
  militantsArrested: number;
  /** "At least" figures by category. */
  killed: Record<CasualtyCategory, number>;
  injured: Record<CasualtyCategory, number>;
  /** "Up to" totals over all categories. */
  killedHigh: number;
  injuredHigh: number;
  /** Incidents in the bucket reporting no killed (no injured) figure in any category. */
  killedMissing: number;
  injuredMissing: number;
  /** Operation records in the bucket without a militants killed (arrested) figure. */
  militantsKilledMissing: number;
  militantsArrestedMissing: number;
}

export interface StatsTimeseries extends Period, InZone {
  position: Position;
  bucket: Bucket;
  points: TimeseriesPoint[];
}

export interface BreakdownRow {
  /**
   * The filter value that selects this row ("unknown" for unattributed, "other" for named actors
   * that are none of our groups, "others" for the groups folded past the top N).
   */
  key: string;
  label: string;
  kind: 'value' | 'others' | 'other' | 'unknown';
  /** For "others": how many values were folded into the row. */
  members?: number;
  incidents: number;
  killed: Figures;
  injured: Figures;
  /** Share of all incidents in the breakdown, 0..1. */
  share: number;
}

export interface StatsBreakdown extends Period, InZone {
  position: Position;
  by: BreakdownDimension;
  rows: BreakdownRow[];
  total: { incidents: number; killed: Figures; injured: Figures };
}

/** Everything the overview's charts need, consistent with one position (one request per refresh). */
export interface StatsOverview extends InZone {
  position: Position;
  summary: StatsSummary;
  timeseries: StatsTimeseries;
  breakdowns: Record<BreakdownDimension, StatsBreakdown>;
}
