/**
 * The operation form's values as typed, and their conversion to and from the API's shapes
 * (validated by core/operation/schema.ts). Framework-free; unit-tested.
 */
import type { Country, GeoPrecision, TimePrecision, VerificationStatus } from '../../../core/enums';
import { createOperationInputAt, type Operation } from '../../../core/operation/schema';
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

export const OPERATION_COUNTS = ['militantsKilled', 'militantsArrested', 'securityKilled', 'securityInjured'] as const;
type CountField = (typeof OPERATION_COUNTS)[number];

export type OperationDraft = {
  occurredDate: string;
  occurredTime: string;
  timePrecision: TimePrecision;
  country: Country;
  /** '' = nationwide / not given. */
  province: string;
  district: string;
  place: string;
  latitude: string;
  longitude: string;
  geoPrecision: GeoPrecision;
  kind: string;
  agency: string;
  groupId: string;
  count: string;
  summary: string;
  sources: SourceDraft[];
  verification: VerificationStatus;
} & Record<CountField, string>;

export function emptyOperationDraft(today: string): OperationDraft {
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
    kind: '',
    agency: '',
    groupId: '',
    count: '1',
    militantsKilled: '',
    militantsArrested: '',
    securityKilled: '',
    securityInjured: '',
    summary: '',
    sources: [emptySource()],
    verification: 'reported',
  };
}

export const OPERATION_ITEM_TEMPLATES = { sources: emptySource() };

// An empty box is "not reported" (null); a reported 0 shows as 0.
const countText = (n: number | null) => (n === null ? '' : String(n));

export function operationToDraft(o: Operation): OperationDraft {
  const { date, time } = dateTimeOf(o.occurredAt, o.timePrecision);
  return {
    occurredDate: date,
    occurredTime: time,
    timePrecision: o.timePrecision,
    country: o.country,
    province: o.province ?? '',
    district: o.district ?? '',
    place: o.place ?? '',
    latitude: o.latitude === null ? '' : String(o.latitude),
    longitude: o.longitude === null ? '' : String(o.longitude),
    geoPrecision: o.geoPrecision,
    kind: o.kind,
    agency: o.agency ?? '',
    groupId: o.groupId ?? '',
    count: String(o.count),
    militantsKilled: countText(o.militantsKilled),
    militantsArrested: countText(o.militantsArrested),
    securityKilled: countText(o.securityKilled),
    securityInjured: countText(o.securityInjured),
    summary: o.summary ?? '',
    sources: o.sources.map((s) => ({ name: s.name, url: s.url ?? '', publishedAt: s.publishedAt ?? '' })),
    verification: o.verification,
  };
}

export function operationInputOf(d: OperationDraft): Record<string, unknown> {
  return {
    occurredAt: occurredAtOf(d.occurredDate, d.occurredTime, d.timePrecision),
    timePrecision: d.timePrecision,
    country: d.country,
    province: d.province || null,
    district: textOf(d.district),
    place: textOf(d.place),
    latitude: decimalOf(d.latitude),
    longitude: decimalOf(d.longitude),
    geoPrecision: d.geoPrecision,
    kind: d.kind || undefined,
    agency: textOf(d.agency),
    groupId: d.groupId || null,
    count: countOf(d.count, 1),
    ...Object.fromEntries(OPERATION_COUNTS.map((f) => [f, countOf(d[f], null)])),
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
  'kind',
  'agency',
  'groupId',
  'count',
  ...OPERATION_COUNTS,
  'sources',
  ...Array.from({ length: 50 }, (_, i) => [`sources.${i}.name`, `sources.${i}.url`, `sources.${i}.publishedAt`]).flat(),
  'verification',
  'summary',
];

export const OPERATION_LAYOUT: ErrorLayout = {
  fields: FIELD_ORDER,
  aliases: { occurredAt: 'occurredDate' },
  label: fieldLabel,
};

export function validateOperation(d: OperationDraft): FieldErrors {
  const pre: FieldErrors = {};
  if (!d.occurredDate) pre.occurredDate = 'enter the date';
  if (d.timePrecision === 'exact' && !/^\d{2}:\d{2}$/.test(d.occurredTime))
    pre.occurredTime = 'enter the time, or choose a coarser precision';
  if (!d.kind) pre.kind = 'choose the kind of operation';
  return validateInput(
    createOperationInputAt(new Date(), reportZone()),
    operationInputOf(d),
    OPERATION_LAYOUT,
    pre,
    sourceRowMapper(d.sources),
  );
}
