/**
 * When two incident records may be one event, and how sure we are: the written rules the detector
 * applies to the neighbours the database found (db/duplicates/detect-duplicates.ts). Pure; the SQL
 * pre-filter only has to return a superset of what `scorePair` accepts (docs/adr/0024-duplicates.md).
 */
import {
  INCIDENT_TYPE_INFO,
  type GeoPrecision,
  type IncidentCategory,
  type IncidentType,
  type TimePrecision,
} from '../enums';
import type { Incident } from '../incident/schema';
import { casualtyTotals } from '../incident/schema';
import { addDays, localDay } from '../time/report-zone';

/** The fields the rules read. */
export type PairRecord = Pick<
  Incident,
  | 'id'
  | 'occurredAt'
  | 'timePrecision'
  | 'province'
  | 'district'
  | 'latitude'
  | 'longitude'
  | 'geoPrecision'
  | 'type'
  | 'category'
  | 'groupId'
  | 'groupName'
  | 'casualties'
  | 'externalId'
  | 'synthetic'
>;

export interface PairScore {
  /** 0..1: higher is more likely one event; the queue shows the highest first. */
  score: number;
  /** Why, in words an operator reads beside the pair. */
  reasons: string[];
}

/**
 * How far a point of each precision may be from where the event happened, in km. Two records are
 * near enough when their distance is at most the sum of both radii. A province-precision point is
 * a province's centre: only "same province" says anything about it.
 */
export const GEO_RADIUS_KM: Record<Exclude<GeoPrecision, 'province'>, number> = {
  exact: 3,
  near: 10,
  district: 40,
};
/** The widest sum of two radii: what the database's bounding box is drawn with. */
export const MAX_RADIUS_KM = 2 * GEO_RADIUS_KM.district;

/** Kinds of violence that different sources file under different types for the same event. */
export const TYPE_FAMILIES: readonly { label: string; types: readonly IncidentType[] }[] = [
  { label: 'gunfire or fighting', types: ['armed_assault', 'clash', 'cross_border', 'targeted_killing'] },
  {
    label: 'explosions',
    types: ['suicide_bombing', 'ied_explosive', 'rocket_mortar_shelling', 'infrastructure_sabotage'],
  },
  { label: 'abductions', types: ['kidnapping'] },
];

/** Categories that can describe one event (a clash read by one source as a militant attack). */
const CATEGORY_FAMILY: Record<IncidentCategory, string> = {
  attack: 'militant',
  clash: 'militant',
  interstate: 'interstate',
  state_violence: 'state_violence',
};

/** Precisions coarser than a day: such a record's day may be off by one. */
const COARSE_TIME: readonly TimePrecision[] = ['week', 'month'];

const typeLabel = (t: IncidentType) => INCIDENT_TYPE_INFO[t].label;

/** District names compared without case, spacing or a trailing "District"/"Agency". */
export function sameDistrictName(a: string | null, b: string | null): boolean {
  const norm = (s: string | null) =>
    (s ?? '')
      .toLowerCase()
      .replace(/\b(district|agency|tehsil)\b/g, '')
      .replace(/[^a-z0-9]+/g, '');
  const na = norm(a);
  return na !== '' && na === norm(b);
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The tracker an external id comes from ("acled:PAK123" → "acled"). */
export const sourceOf = (externalId: string | null): string | null =>
  externalId && externalId.includes(':') ? externalId.slice(0, externalId.indexOf(':')).toLowerCase() : null;

function dayRule(a: PairRecord, b: PairRecord, zone: string): { points: number; reason: string } | null {
  const da = localDay(a.occurredAt, zone);
  const db = localDay(b.occurredAt, zone);
  if (da === db) return { points: 0.35, reason: `same day (${da})` };
  const coarse = COARSE_TIME.includes(a.timePrecision) || COARSE_TIME.includes(b.timePrecision);
  if (coarse && (addDays(da, 1) === db || addDays(db, 1) === da))
    return {
      points: 0.2,
      reason: `a day apart (${da}, ${db}), one date known only to the ${a.timePrecision === 'week' || b.timePrecision === 'week' ? 'week' : 'month'}`,
    };
  return null;
}

function placeRule(a: PairRecord, b: PairRecord): { points: number; reasons: string[] } | null {
  const reasons: string[] = [];
  let points = 0;
  const district = a.province === b.province && sameDistrictName(a.district, b.district);
  if (
    a.latitude !== null &&
    a.longitude !== null &&
    b.latitude !== null &&
    b.longitude !== null &&
    a.geoPrecision !== 'province' &&
    b.geoPrecision !== 'province'
  ) {
    const d = distanceKm({ lat: a.latitude, lon: a.longitude }, { lat: b.latitude, lon: b.longitude });
    const limit = GEO_RADIUS_KM[a.geoPrecision] + GEO_RADIUS_KM[b.geoPrecision];
    if (d <= limit) {
      points += 0.05 + 0.25 * (1 - d / limit);
      reasons.push(`${d.toFixed(1)} km apart (within ${limit} km for ${a.geoPrecision} and ${b.geoPrecision} places)`);
    }
  }
  if (district) {
    points = Math.max(points, 0.2);
    reasons.push(`same district (${a.district})`);
  }
  if (
    reasons.length === 0 &&
    a.province === b.province &&
    (a.geoPrecision === 'province' || b.geoPrecision === 'province')
  ) {
    points = 0.05;
    reasons.push(`same province (${a.province}); one place is known only to the province`);
  }
  return reasons.length > 0 ? { points, reasons } : null;
}

function typeRule(a: PairRecord, b: PairRecord): { points: number; reason: string } | null {
  if (CATEGORY_FAMILY[a.category] !== CATEGORY_FAMILY[b.category]) return null;
  if (a.type === b.type) return { points: 0.2, reason: `same type (${typeLabel(a.type)})` };
  if (a.type === 'other' || b.type === 'other')
    return { points: 0.02, reason: `types ${typeLabel(a.type)} and ${typeLabel(b.type)} (one is unclassified)` };
  const family = TYPE_FAMILIES.find((f) => f.types.includes(a.type) && f.types.includes(b.type));
  if (!family) return null;
  return { points: 0.1, reason: `types ${typeLabel(a.type)} and ${typeLabel(b.type)} (both ${family.label})` };
}

function groupRule(a: PairRecord, b: PairRecord): { points: number; reason: string | null } | null {
  if (a.groupId && b.groupId) {
    if (a.groupId !== b.groupId) return null;
    return { points: 0.1, reason: `same group (${a.groupName ?? a.groupId})` };
  }
  if (a.groupId || b.groupId) return { points: 0, reason: 'group named by one record only' };
  return { points: 0, reason: null };
}

function figuresRule(a: PairRecord, b: PairRecord): { points: number; reason: string } | null {
  const ka = casualtyTotals(a.casualties).killed;
  const kb = casualtyTotals(b.casualties).killed;
  if (!ka.reported || !kb.reported) return null;
  const close = Math.abs(ka.low - kb.low) <= Math.max(2, 0.3 * Math.max(ka.low, kb.low));
  return close
    ? { points: 0.05, reason: `killed ${ka.low} and ${kb.low}` }
    : { points: -0.05, reason: `killed figures differ (${ka.low} and ${kb.low})` };
}

/**
 * Whether `a` and `b` may be one event, with a score and its reasons; null when a rule rules it out:
 * another day (a day apart only when either date is coarser than a day), too far apart and not the
 * same district, incompatible types or categories, two different named groups, two ids of the
 * same tracker (a tracker that gives two ids already keeps them apart), or a generated record.
 */
export function scorePair(a: PairRecord, b: PairRecord, zone: string): PairScore | null {
  if (a.id === b.id) return null;
  // Generated (demo) records are not reports of events.
  if (a.synthetic || b.synthetic) return null;
  const sa = sourceOf(a.externalId);
  if (sa && sa === sourceOf(b.externalId)) return null;
  const day = dayRule(a, b, zone);
  if (!day) return null;
  const place = placeRule(a, b);
  if (!place) return null;
  const type = typeRule(a, b);
  if (!type) return null;
  const group = groupRule(a, b);
  if (!group) return null;
  const figures = figuresRule(a, b);
  const score = day.points + place.points + type.points + group.points + (figures?.points ?? 0);
  const reasons = [day.reason, ...place.reasons, type.reason, group.reason, figures?.reason].filter((r): r is string =>
    Boolean(r),
  );
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, reasons };
}

/** A pair's stored order: the smaller id first, so a pair is one row whichever record arrived last. */
export const orderedPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);
