/** A security-force operation record; one record may stand for a published total (count > 1). */
import { z } from 'zod';
import {
  COUNTRIES,
  GEO_PRECISIONS,
  OPERATION_KINDS,
  PROVINCES,
  TIME_PRECISIONS,
  VERIFICATION_STATUSES,
} from '../enums';
import type { Country, GeoPrecision, OperationKind, Province, TimePrecision, VerificationStatus } from '../enums';
import {
  Actors,
  Count,
  enumOf,
  EventTime,
  Latitude,
  Longitude,
  OptionalCount,
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

const operationFields = {
  occurredAt: EventTime,
  timePrecision: enumOf(TIME_PRECISIONS, 'time precision').default('day'),
  country: enumOf(COUNTRIES, 'country').default('Pakistan'),
  /** null: a nationwide figure. */
  province: enumOf(PROVINCES, 'province or region').nullable().default(null),
  district: OptionalText(100),
  place: OptionalText(200),
  latitude: Latitude.nullable().default(null),
  longitude: Longitude.nullable().default(null),
  geoPrecision: enumOf(GEO_PRECISIONS, 'geo precision').default('district'),
  kind: enumOf(OPERATION_KINDS, 'operation kind'),
  agency: OptionalText(120),
  groupId: z.uuid({ error: 'must be a group id, or null for unknown' }).nullable().default(null),
  /** The actors as the source named them (the agency and its target); groupId is derived. */
  actors: Actors,
  count: Count.min(1, 'must be at least 1').default(1),
  // null: the source gives no figure ("not reported"), distinct from a reported 0.
  militantsKilled: OptionalCount,
  militantsArrested: OptionalCount,
  securityKilled: OptionalCount,
  securityInjured: OptionalCount,
  summary: OptionalText(5000),
  sources: Sources,
  verification: enumOf(VERIFICATION_STATUSES, 'verification status').default('reported'),
  externalId: OptionalText(120),
  synthetic: z.boolean().default(false),
  /** A multi-day event's last day (UCDP date_end); counted on its first day, occurredAt. */
  occurredUntil: OccurredUntil,
  sourceFields: SourceFields,
};

function checkCoordinates(v: { latitude?: number | null; longitude?: number | null }, ctx: z.RefinementCtx) {
  if ((v.latitude == null) !== (v.longitude == null)) {
    ctx.addIssue({
      code: 'custom',
      path: [v.latitude == null ? 'latitude' : 'longitude'],
      message: 'give both latitude and longitude, or neither',
    });
  }
}

export const CreateOperationInput = z
  .strictObject(operationFields)
  .superRefine(checkCoordinates)
  .superRefine(checkSpan);
export type CreateOperationInput = z.input<typeof CreateOperationInput>;
export type OperationFields = z.output<typeof CreateOperationInput>;

/** The create schema against a clock and the reporting zone, as for incidents. */
export const createOperationInputAt = (now: Date, reportZone: string) =>
  CreateOperationInput.superRefine(occurredByNow(now, reportZone));

/** `createOperationInputAt(now)` for the write verbs: one schema, compiled once (common-schemas.ts). */
export const operationInputAt = clockedSchema(CreateOperationInput);

export interface Operation extends Versioned {
  occurredAt: string;
  timePrecision: TimePrecision;
  country: Country;
  province: Province | null;
  district: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision;
  kind: OperationKind;
  agency: string | null;
  groupId: string | null;
  groupName: string | null;
  /** Derived from `actors` (core/import/derive-group.ts): the source names a perpetrator; with no group, "other named actors". */
  namedActor: boolean;
  actors: Actor[];
  count: number;
  militantsKilled: number | null;
  militantsArrested: number | null;
  securityKilled: number | null;
  securityInjured: number | null;
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
