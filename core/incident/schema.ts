/** The incident: input schemas shared by forms, API, importer and tests, and the read shape. */
import { z } from 'zod';
import {
  COUNTRIES,
  GEO_PRECISIONS,
  INCIDENT_TYPES,
  PROVINCES,
  TARGET_TYPES,
  TIME_PRECISIONS,
  TRI_STATES,
  VERIFICATION_STATUSES,
  type Country,
  type GeoPrecision,
  type IncidentType,
  type Province,
  type TargetType,
  type TimePrecision,
  type TriState,
  type VerificationStatus,
} from '../enums';
import {
  Casualties,
  enumOf,
  Instant,
  Latitude,
  Longitude,
  OptionalText,
  Sources,
  Version,
  type Source,
  type Versioned,
} from '../common-schemas';

const incidentFields = {
  occurredAt: Instant,
  timePrecision: enumOf(TIME_PRECISIONS, 'time precision').default('day'),
  country: enumOf(COUNTRIES, 'country').default('Pakistan'),
  province: enumOf(PROVINCES, 'province or region'),
  district: OptionalText(100),
  place: OptionalText(200),
  latitude: Latitude.nullable().default(null),
  longitude: Longitude.nullable().default(null),
  geoPrecision: enumOf(GEO_PRECISIONS, 'geo precision').default('district'),
  type: enumOf(INCIDENT_TYPES, 'incident type'),
  targetType: enumOf(TARGET_TYPES, 'target type').default('other'),
  groupId: z.uuid({ error: 'must be a group id, or null for unknown' }).nullable().default(null),
  claimed: z.boolean({ error: 'must be true or false' }).default(false),
  crossBorder: enumOf(TRI_STATES, 'cross-border origin').default('unknown'),
  foreignNationals: enumOf(TRI_STATES, 'foreign nationals among attackers').default('unknown'),
  casualties: Casualties.default(() => Casualties.parse({})),
  summary: OptionalText(5000),
  sources: Sources,
  verification: enumOf(VERIFICATION_STATUSES, 'verification status').default('reported'),
  externalId: OptionalText(120),
  synthetic: z.boolean().default(false),
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
  if (v.country && v.province && (v.country === 'Afghanistan') !== (v.province === 'Afghanistan')) {
    ctx.addIssue({
      code: 'custom',
      path: ['province'],
      message:
        v.country === 'Afghanistan'
          ? 'an event in Afghanistan uses the region "Afghanistan"'
          : 'the region "Afghanistan" needs country Afghanistan',
    });
  }
}

export const CreateIncidentInput = z.strictObject(incidentFields).superRefine(checkPlace);
export type CreateIncidentInput = z.input<typeof CreateIncidentInput>;
export type IncidentFields = z.output<typeof CreateIncidentInput>;

/** A PATCH: any subset of the fields plus the version the editor started from. */
// Rules spanning several fields are checked on the merged record (core/versioned-record.ts).
export const UpdateIncidentInput = z.strictObject({
  ...Object.fromEntries(Object.entries(incidentFields).map(([k, v]) => [k, v.optional()])),
  version: Version,
} as { [K in keyof typeof incidentFields]: z.ZodOptional<(typeof incidentFields)[K]> } & { version: typeof Version });
export type UpdateIncidentInput = z.input<typeof UpdateIncidentInput>;

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
  targetType: TargetType;
  groupId: string | null;
  groupName: string | null;
  claimed: boolean;
  crossBorder: TriState;
  foreignNationals: TriState;
  casualties: Casualties;
  summary: string | null;
  sources: Source[];
  verification: VerificationStatus;
  externalId: string | null;
  synthetic: boolean;
}
