/**
 * Periods: the dashboard's presets, the previous equal period, and the split of a period into
 * whole local days of the reporting zone (read from the daily rollups) and partial edges (read from incidents by time),
 * which is what makes a 6-hour or 24-hour figure exact without scanning raw rows.
 */
import { addDays, dayStartMs, localDay } from '../time/report-zone';
import type { Bucket, Period } from './stats-types';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const PERIOD_PRESETS = ['6h', '24h', '7d', '30d', '90d', '1y', 'all'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PRESET: PeriodPreset = '30d';

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  '6h': '6 h',
  '24h': '24 h',
  '7d': '7 d',
  '30d': '30 d',
  '90d': '90 d',
  '1y': '1 y',
  all: 'All',
};

/** Rolling windows ending now; a year is 365 days so that its previous period has equal length. */
const PRESET_MS: Record<Exclude<PeriodPreset, 'all'>, number> = {
  '6h': 6 * HOUR_MS,
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  '90d': 90 * DAY_MS,
  '1y': 365 * DAY_MS,
};

export function presetPeriod(preset: PeriodPreset, now: Date): Period {
  const to = now.toISOString();
  if (preset === 'all') return { from: null, to };
  return { from: new Date(now.getTime() - PRESET_MS[preset]).toISOString(), to };
}

/** The period of equal length just before; none for an open-ended ("all time") period. */
export function previousPeriod(p: Period): Period | null {
  if (p.from === null) return null;
  const from = Date.parse(p.from);
  const len = Date.parse(p.to) - from;
  return { from: new Date(from - len).toISOString(), to: p.from };
}

export interface PeriodSplit {
  /** Whole local days [fromDay, toDay) for the rollups; fromDay null = from the first day. */
  days: { fromDay: string | null; toDay: string } | null;
  /** Instants [from, to) not covered by whole days, for the incidents table. */
  edges: { from: string; to: string }[];
}

export function splitPeriod(p: Period, zone: string): PeriodSplit {
  const to = Date.parse(p.to);
  // The local day holding `to` starts at or before it: whole days end there.
  const toDay = localDay(to, zone);
  const endDay = dayStartMs(toDay, zone);
  const edges: { from: string; to: string }[] = [];
  if (p.from === null) {
    if (endDay < to) edges.push({ from: new Date(endDay).toISOString(), to: p.to });
    return { days: { fromDay: null, toDay }, edges };
  }
  const from = Date.parse(p.from);
  const first = localDay(from, zone);
  const fromDay = dayStartMs(first, zone) < from ? addDays(first, 1) : first;
  const startDay = dayStartMs(fromDay, zone);
  if (startDay >= endDay) {
    // No whole day inside (e.g. 6 h across midnight): one span from the table.
    return { days: null, edges: from < to ? [{ from: p.from, to: p.to }] : [] };
  }
  if (from < startDay) edges.push({ from: p.from, to: new Date(startDay).toISOString() });
  if (endDay < to) edges.push({ from: new Date(endDay).toISOString(), to: p.to });
  return { days: { fromDay, toDay }, edges };
}

/**
 * Hour buckets for up to 2 days, days up to ~4 months, ISO weeks up to a year (a leap year's 366
 * days), then months: an "all time" series beyond a year is drawn (and read) by month.
 */
export function chooseBucket(lengthMs: number): Bucket {
  if (lengthMs <= 2 * DAY_MS) return 'hour';
  if (lengthMs <= 120 * DAY_MS) return 'day';
  if (lengthMs <= 366 * DAY_MS) return 'week';
  return 'month';
}

/** Hour buckets read raw incidents (rollups are daily), so they are only offered for short periods. */
export const MAX_HOUR_BUCKET_MS = 7 * DAY_MS;
export const MAX_POINTS = 2000;
