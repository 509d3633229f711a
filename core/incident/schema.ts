/** The incident: input schemas shared by forms, API, importer and tests, and the read shape. */
import { z } from 'zod';
import {
  COUNTRIES,
  GEO_PRECISIONS,
  INCIDENT_CATEGORIES,
  INCIDENT_TYPES,
  isAfghanProvince,
  PROVINCES,
  TARGET_TYPES,
  TIME_PRECISIONS,
  TRI_STATES,
  VERIFICATION_STATUSES,
  type Country,
  type GeoPrecision,
  type IncidentCategory,
  type IncidentType,
  type Province,
  type TargetType,
  type TimePrecision,
  type TriState,
  type VerificationStatus,
} from '../enums';
import {
  Actors,
  Casualties,
  enumOf,
  EventTime,
  Latitude,
  Longitude,
  occurredByNow,
  clockedSchema,
  OptionalText,
  Sources,
  OccurredUntil,
  SourceFields,
  checkSpan,
  type Actor,
  type Source,
  type Versioned,
} from '../common-schemas';

const incidentFields = {
  occurredAt: EventTime,
  timePrecision: enumOf(TIME_PRECISIONS, 'time precision').default('day'),
  country: enumOf(COUNTRIES, 'country').default('Pakistan'),
  province: enumOf(PROVINCES, 'province or region'),
  district: OptionalText(100),
  place: OptionalText(200),
  latitude: Latitude.nullable().default(null),
  longitude: Longitude.nullable().default(null),
  geoPrecision: enumOf(GEO_PRECISIONS, 'geo precision').default('district'),
  type: enumOf(INCIDENT_TYPES, 'incident type'),
  /** Who acted (core/enums INCIDENT_CATEGORIES); only attacks and clashes count as militant violence. */
  category: enumOf(INCIDENT_CATEGORIES, 'category').default('attack'),
  targetType: enumOf(TARGET_TYPES, 'target type').default('other'),
  groupId: z.uuid({ error: 'must be a group id, or null for unknown' }).nullable().default(null),
  /** The actors as the source named them; groupId is derived from these (or chosen on a form). */
  actors: Actors,
  claimed: z.boolean({ error: 'must be true or false' }).default(false),
  crossBorder: enumOf(TRI_STATES, 'cross-border origin').default('unknown'),
  foreignNationals: enumOf(TRI_STATES, 'foreign nationals among attackers').default('unknown'),
  casualties: Casualties.default(() => Casualties.parse({})),
  summary: OptionalText(5000),
  sources: Sources,
  verification: enumOf(VERIFICATION_STATUSES, 'verification status').default('reported'),
  externalId: OptionalText(120),
  synthetic: z.boolean().default(false),
  /** A multi-day event's last day (UCDP date_end); counted on its first day, occurredAt. */
  occurredUntil: OccurredUntil,
  sourceFields: SourceFields,
};

type Coordinates = { latitude: number | null; longitude: number | null; country: Country; province: Province };

/** Both coordinates or neither; an Afghan event sits in the Afghanistan region and vice versa. */
function checkPlace(v: Partial<Coordinates>, ctx: z.RefinementCtx) {
  if ((v.latitude == null) !== (v.longitude == null)) {
    ctx.addIssue({
      code: 'custom',
      path: [v.latitude == null ? 'latitude' : 'longitude'],
      message: 'give both latitude and longitude, or neither',
    });
  }
  if (v.country && v.province && (v.country === 'Afghanistan') !== isAfghanProvince(v.province)) {
    ctx.addIssue({
      code: 'custom',
      path: ['province'],
      message:
        v.country === 'Afghanistan'
          ? 'an event in Afghanistan needs an Afghan province (a province bordering Pakistan)'
          : `${v.province} is in Afghanistan: choose country Afghanistan`,
    });
  }
}

export const CreateIncidentInput = z.strictObject(incidentFields).superRefine(checkPlace).superRefine(checkSpan);
export type CreateIncidentInput = z.input<typeof CreateIncidentInput>;
export type IncidentFields = z.output<typeof CreateIncidentInput>;

/**
 * The create schema against a clock: an incident cannot have happened after `now`, a day after
 * today in the reporting zone (REPORT_TIMEZONE: the writer's `ctx.reportZone`, the page's zone).
 */
export const createIncidentInputAt = (now: Date, reportZone: string) =>
  CreateIncidentInput.superRefine(occurredByNow(now, reportZone));

/** `createIncidentInputAt(now)` for the write verbs: one schema, compiled once (common-schemas.ts). */
export const incidentInputAt = clockedSchema(CreateIncidentInput);

export interface Incident extends Versioned {
  occurredAt: string;
  timePrecision: TimePrecision;
  country: Country;
  province: Province;
  district: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision;
  type: IncidentType;
  category: IncidentCategory;
  targetType: TargetType;
  groupId: string | null;
  groupName: string | null;
  /** Derived from `actors` (core/import/derive-group.ts): the source names a perpetrator; with no group, "other named actors". */
  namedActor: boolean;
  actors: Actor[];
  claimed: boolean;
  crossBorder: TriState;
  foreignNationals: TriState;
  casualties: Casualties;
  summary: string | null;
  sources: Source[];
  verification: VerificationStatus;
  externalId: string | null;
  synthetic: boolean;
  occurredUntil: string | null;
  sourceFields: SourceFields;
  /** When an import (file or sync) last matched this record, written or unchanged; null if never. */
  syncedAt: string | null;
}

/**
 * Sum of the reported "at least" figures, and of "up to" where given (else "at least"). `reported`
 * is false when no category gives a figure: the side is "not reported", not zero.
 */
export function casualtyTotals(c: Casualties) {
  const sum = (side: 'killed' | 'injured') => {
    let low = 0;
    let high = 0;
    let hasHigh = false;
    let reported = false;
    for (const f of Object.values(c[side])) {
      if (f.low === null) continue;
      reported = true;
      low += f.low;
      high += f.high ?? f.low;
      if (f.high !== null) hasHigh = true;
    }
    return { low, high, hasHigh, reported };
  };
  return { killed: sum('killed'), injured: sum('injured') };
}
