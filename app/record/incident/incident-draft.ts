/**
 * The incident form's values as typed, and their conversion to and from the API's shapes. The
 * shared schemas (core/incident/schema.ts) do the validation; this file only converts and names.
 * Framework-free; unit-tested.
 */
import type { Actor } from '@/core/common-schemas';
import {
  CASUALTY_CATEGORIES,
  type CasualtyCategory,
  type Country,
  type GeoPrecision,
  type TargetType,
  type TimePrecision,
  type TriState,
  type VerificationStatus,
} from '../../../core/enums';
import { createIncidentInputAt, type Incident } from '../../../core/incident/schema';
import { reportZone } from '../../components/report-zone';
import type { ErrorLayout, FieldErrors } from '../../forms/error-paths';
import {
  countOf,
  decimalOf,
  emptySource,
  sourceRowMapper,
  sourcesOf,
  textOf,
  validateInput,
  type SourceDraft,
} from '../../forms/input-values';
import { dateTimeOf, occurredAtOf } from '../../forms/when-values';
import { fieldLabel } from '../record-labels';

export interface FigureDraft {
  low: string;
  high: string;
}
type SideDraft = Record<CasualtyCategory, FigureDraft>;

export interface IncidentDraft {
  occurredDate: string;
  occurredTime: string;
  timePrecision: TimePrecision;
  country: Country;
  province: string;
  district: string;
  place: string;
  latitude: string;
  longitude: string;
  geoPrecision: GeoPrecision;
  type: string;
  targetType: TargetType;
  groupId: string;
  /** A perpetrator the source names who is not one of the listed groups (free text). */
  perpetrator: string;
  /** The source's other actors (an imported record's ACLED actors), carried through edits unchanged. */
  sourceActors: Actor[];
  claimed: boolean;
  crossBorder: TriState;
  foreignNationals: TriState;
  casualties: { killed: SideDraft; injured: SideDraft };
  summary: string;
  sources: SourceDraft[];
  verification: VerificationStatus;
}

const emptySide = (): SideDraft =>
  Object.fromEntries(CASUALTY_CATEGORIES.map((c) => [c, { low: '', high: '' }])) as SideDraft;

/** A new incident: today in Pakistan, day precision, country Pakistan, one empty source row. */
export function emptyIncidentDraft(today: string): IncidentDraft {
  return {
    occurredDate: today,
    occurredTime: '',
    timePrecision: 'day',
    country: 'Pakistan',
    province: '',
    district: '',
    place: '',
    latitude: '',
    longitude: '',
    geoPrecision: 'district',
    type: '',
    targetType: 'other',
    groupId: '',
    perpetrator: '',
    sourceActors: [],
    claimed: false,
    crossBorder: 'unknown',
    foreignNationals: 'unknown',
    casualties: { killed: emptySide(), injured: emptySide() },
    summary: '',
    sources: [emptySource()],
    verification: 'reported',
  };
}

export const INCIDENT_ITEM_TEMPLATES = { sources: emptySource() };

// An empty box is "not reported" (null); a reported 0 shows as 0.
const figureText = (n: number | null) => (n === null ? '' : String(n));

export function incidentToDraft(i: Incident): IncidentDraft {
  const { date, time } = dateTimeOf(i.occurredAt, i.timePrecision);
  const side = (s: 'killed' | 'injured'): SideDraft =>
    Object.fromEntries(
      CASUALTY_CATEGORIES.map((c) => [
        c,
        { low: figureText(i.casualties[s][c].low), high: figureText(i.casualties[s][c].high) },
      ]),
    ) as SideDraft;
  return {
    occurredDate: date,
    occurredTime: time,
    timePrecision: i.timePrecision,
    country: i.country,
    province: i.province,
    district: i.district ?? '',
    place: i.place ?? '',
    latitude: i.latitude === null ? '' : String(i.latitude),
    longitude: i.longitude === null ? '' : String(i.longitude),
    geoPrecision: i.geoPrecision,
    type: i.type,
    targetType: i.targetType,
    groupId: i.groupId ?? '',
    perpetrator: i.actors.find((a) => a.role === 'perpetrator')?.name ?? '',
    sourceActors: i.actors.filter((a) => a.role !== 'perpetrator'),
    claimed: i.claimed,
    crossBorder: i.crossBorder,
    foreignNationals: i.foreignNationals,
    casualties: { killed: side('killed'), injured: side('injured') },
    summary: i.summary ?? '',
    sources: i.sources.map((s) => ({ name: s.name, url: s.url ?? '', publishedAt: s.publishedAt ?? '' })),
    verification: i.verification,
  };
}

/** The body for POST (and, with version and the fields the form does not show, for PATCH). */
export function incidentInputOf(d: IncidentDraft): Record<string, unknown> {
  const side = (s: SideDraft) =>
    Object.fromEntries(
      CASUALTY_CATEGORIES.map((c) => [c, { low: countOf(s[c].low, null), high: countOf(s[c].high, null) }]),
    );
  return {
    occurredAt: occurredAtOf(d.occurredDate, d.occurredTime, d.timePrecision),
    timePrecision: d.timePrecision,
    country: d.country,
    province: d.province || undefined,
    district: textOf(d.district),
    place: textOf(d.place),
    latitude: decimalOf(d.latitude),
    longitude: decimalOf(d.longitude),
    geoPrecision: d.geoPrecision,
    type: d.type || undefined,
    targetType: d.targetType,
    groupId: d.groupId || null,
    actors: [
      ...d.sourceActors,
      ...(d.perpetrator.trim() ? [{ role: 'perpetrator', name: d.perpetrator.trim(), inter: null }] : []),
    ],
    // A claim needs a claimant: "claimed" by an unknown group cannot be recorded.
    claimed: d.groupId ? d.claimed : false,
    crossBorder: d.crossBorder,
    foreignNationals: d.foreignNationals,
    casualties: { killed: side(d.casualties.killed), injured: side(d.casualties.injured) },
    summary: textOf(d.summary),
    sources: sourcesOf(d.sources),
    verification: d.verification,
  };
}

const FIELD_ORDER = [
  'occurredDate',
  'occurredTime',
  'timePrecision',
  'country',
  'province',
  'district',
  'place',
  'latitude',
  'longitude',
  'geoPrecision',
  'type',
  'targetType',
  'groupId',
  'perpetrator',
  'actors',
  'claimed',
  'crossBorder',
  'foreignNationals',
  ...(['killed', 'injured'] as const).flatMap((s) =>
    CASUALTY_CATEGORIES.flatMap((c) => [`casualties.${s}.${c}.low`, `casualties.${s}.${c}.high`]),
  ),
  'sources',
  ...Array.from({ length: 50 }, (_, i) => [`sources.${i}.name`, `sources.${i}.url`, `sources.${i}.publishedAt`]).flat(),
  'verification',
  'summary',
];

export const INCIDENT_LAYOUT: ErrorLayout = {
  fields: FIELD_ORDER,
  aliases: { occurredAt: 'occurredDate', actors: 'perpetrator' },
  label: fieldLabel,
};

export function validateIncident(d: IncidentDraft): FieldErrors {
  const pre: FieldErrors = {};
  if (!d.occurredDate) pre.occurredDate = 'enter the date';
  if (d.timePrecision === 'exact' && !/^\d{2}:\d{2}$/.test(d.occurredTime))
    pre.occurredTime = 'enter the time, or choose a coarser precision';
  if (!d.province) pre.province = 'choose a province or region';
  if (!d.type) pre.type = 'choose the type of incident';
  return validateInput(
    createIncidentInputAt(new Date(), reportZone()),
    incidentInputOf(d),
    INCIDENT_LAYOUT,
    pre,
    sourceRowMapper(d.sources),
  );
}
