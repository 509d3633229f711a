/**
 * The slim incident the feed, the map and the wallboard carry (a full record has sources and a
 * summary the overview never shows). Built from the read shape on the server for the snapshot and
 * in the browser for live changes, so both paths agree. Zod-free: browser bundles import it.
 */
import {
  CASUALTY_CATEGORIES,
  type Country,
  type IncidentType,
  type Province,
  type TargetType,
  type TimePrecision,
  type VerificationStatus,
} from '../enums';
import { isPlaceholderActor, perpetratorCells } from '../import/derive-group';
import type { Incident } from '../incident/schema';
import type { Figures } from './stats-types';

export interface IncidentBrief {
  id: string;
  version: number;
  occurredAt: string;
  /** How precisely the time is known: a day-precision record has no meaningful hour. */
  timePrecision: TimePrecision;
  createdAt: string;
  country: Country;
  province: Province;
  district: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  type: IncidentType;
  targetType: TargetType;
  groupId: string | null;
  groupName: string | null;
  /** Without a group: the perpetrator as the source names it ("other named actors"), else null. */
  namedActor: string | null;
  killed: Figures;
  injured: Figures;
  verification: VerificationStatus;
  retractedAt: string | null;
  retractionReason: string | null;
  synthetic: boolean;
}

/** `missing` is 1 when no category reports a figure: the brief shows "not reported", not 0. */
const total = (i: Incident, side: 'killed' | 'injured'): Figures => {
  const f: Figures = { low: 0, high: 0, missing: 1 };
  for (const c of CASUALTY_CATEGORIES) {
    const x = i.casualties[side][c];
    if (x.low === null) continue;
    f.missing = 0;
    f.low += x.low;
    f.high += x.high ?? x.low;
  }
  return f;
};

/** The first name the source gives on the perpetrator's side that is not a placeholder. */
function namedPerpetrator(i: Incident): string | null {
  return perpetratorCells(i, 'incident')?.names.find((n) => !isPlaceholderActor(n)) ?? null;
}

export function toBrief(i: Incident): IncidentBrief {
  return {
    id: i.id,
    version: i.version,
    occurredAt: i.occurredAt,
    timePrecision: i.timePrecision,
    createdAt: i.createdAt,
    country: i.country,
    province: i.province,
    district: i.district,
    place: i.place,
    latitude: i.latitude,
    longitude: i.longitude,
    type: i.type,
    targetType: i.targetType,
    groupId: i.groupId,
    groupName: i.groupName,
    namedActor: i.groupId === null && i.namedActor ? namedPerpetrator(i) : null,
    killed: total(i, 'killed'),
    injured: total(i, 'injured'),
    verification: i.verification,
    retractedAt: i.retractedAt,
    retractionReason: i.retractionReason,
    synthetic: i.synthetic,
  };
}

/** "Place, district, province" without repeats or blanks. */
export function placeLabel(
  b: Pick<IncidentBrief, 'place' | 'district' | 'province'>,
  provinceLabel: (p: Province) => string = (p) => p,
): string {
  const parts = [b.place, b.district, provinceLabel(b.province)].filter((s): s is string => Boolean(s));
  return parts.filter((s, k) => parts.indexOf(s) === k).join(', ');
}

export const isMassCasualty = (b: Pick<IncidentBrief, 'killed' | 'retractedAt'>, threshold: number): boolean =>
  !b.retractedAt && b.killed.low >= threshold;
