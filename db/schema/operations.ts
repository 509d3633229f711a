import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  COUNTRIES,
  GEO_PRECISIONS,
  OPERATION_KINDS,
  PROVINCES,
  TIME_PRECISIONS,
  VERIFICATION_STATUSES,
} from '../../core/enums';
import type { Actor, Source, SourceFields } from '../../core/common-schemas';
import { oneOf, versionedColumns } from './columns';
import { groups } from './groups';

export const operations = pgTable(
  'operations',
  {
    id: uuid('id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    timePrecision: text('time_precision').notNull(),
    country: text('country').notNull().default('Pakistan'),
    province: text('province'),
    district: text('district'),
    place: text('place'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    geoPrecision: text('geo_precision').notNull(),
    kind: text('kind').notNull(),
    agency: text('agency'),
    groupId: uuid('group_id').references(() => groups.id),
    groupName: text('group_name'),
    /** Derived from actors (core/import/derive-group.ts): a perpetrator is named; with no group, "other named actors". */
    namedActor: boolean('named_actor').notNull().default(false),
    actors: jsonb('actors').$type<Actor[]>().notNull().default([]),
    count: integer('count').notNull().default(1),
    // null: the source gives no figure, not a zero.
    militantsKilled: integer('militants_killed'),
    militantsArrested: integer('militants_arrested'),
    securityKilled: integer('security_killed'),
    securityInjured: integer('security_injured'),
    summary: text('summary'),
    sources: jsonb('sources').$type<Source[]>().notNull().default([]),
    verification: text('verification').notNull().default('reported'),
    externalId: text('external_id'),
    synthetic: boolean('synthetic').notNull().default(false),
    // Provenance (docs/adr/0022): a multi-day event's last day, what the source said that has no
    // column, and when an import last matched the record.
    occurredUntil: date('occurred_until', { mode: 'string' }),
    sourceFields: jsonb('source_fields').$type<SourceFields>(),
    syncedAt: timestamp('synced_at', { withTimezone: true, mode: 'string' }),
    ...versionedColumns(),
  },
  (t) => [
    check('operations_time_precision_valid', oneOf('time_precision', TIME_PRECISIONS)),
    check('operations_country_valid', oneOf('country', COUNTRIES)),
    check('operations_province_valid', sql`${t.province} IS NULL OR ${oneOf('province', PROVINCES)}`),
    check('operations_geo_precision_valid', oneOf('geo_precision', GEO_PRECISIONS)),
    check('operations_kind_valid', oneOf('kind', OPERATION_KINDS)),
    check('operations_verification_valid', oneOf('verification', VERIFICATION_STATUSES)),
    check('operations_count_positive', sql`${t.count} >= 1`),
    check(
      'operations_outcomes_non_negative',
      sql`${t.militantsKilled} >= 0 AND ${t.militantsArrested} >= 0 AND ${t.securityKilled} >= 0 AND ${t.securityInjured} >= 0`,
    ),
    check('operations_latitude_range', sql`${t.latitude} IS NULL OR ${t.latitude} BETWEEN -90 AND 90`),
    check('operations_longitude_range', sql`${t.longitude} IS NULL OR ${t.longitude} BETWEEN -180 AND 180`),
    uniqueIndex('operations_external_id_key')
      .on(t.externalId)
      .where(sql`${t.externalId} IS NOT NULL`),
    // The operations list, newest first, and short-range stats.
    index('operations_occurred_at_idx').on(t.occurredAt.desc(), t.id.desc()),
  ],
);
