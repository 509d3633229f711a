/**
 * Incidents, with casualty figures as flat columns so constraints and rollups can see them. A null
 * "at least" column is a figure the source did not report, not a zero.
 */
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
  CASUALTY_CATEGORIES,
  COUNTRIES,
  GEO_PRECISIONS,
  INCIDENT_CATEGORIES,
  INCIDENT_TYPES,
  PROVINCES,
  TARGET_TYPES,
  TIME_PRECISIONS,
  TRI_STATES,
  VERIFICATION_STATUSES,
} from '../../core/enums';
import type { Actor, Source, SourceFields } from '../../core/common-schemas';
import { oneOf, versionedColumns } from './columns';
import { groups } from './groups';

const figureColumns = () => {
  const cols: Record<string, ReturnType<typeof integer>> = {};
  for (const side of ['killed', 'injured'] as const) {
    for (const c of CASUALTY_CATEGORIES) {
      cols[`${side}_${c}_low`] = integer(`${side}_${c}_low`);
      cols[`${side}_${c}_high`] = integer(`${side}_${c}_high`);
    }
  }
  return cols;
};

/** Non-negative figures, and every "up to" at least its "at least" (which it needs). */
const figureChecks = () =>
  (['killed', 'injured'] as const).flatMap((side) =>
    CASUALTY_CATEGORIES.map((c) =>
      sql.raw(
        `"${side}_${c}_low" >= 0 AND ("${side}_${c}_high" IS NULL OR ("${side}_${c}_low" IS NOT NULL AND "${side}_${c}_high" >= "${side}_${c}_low"))`,
      ),
    ),
  );

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    timePrecision: text('time_precision').notNull(),
    country: text('country').notNull().default('Pakistan'),
    province: text('province').notNull(),
    district: text('district'),
    place: text('place'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    geoPrecision: text('geo_precision').notNull(),
    type: text('type').notNull(),
    category: text('category').notNull().default('attack'),
    targetType: text('target_type').notNull(),
    groupId: uuid('group_id').references(() => groups.id),
    groupName: text('group_name'),
    /** Derived from actors (core/import/derive-group.ts): a perpetrator is named; with no group, "other named actors". */
    namedActor: boolean('named_actor').notNull().default(false),
    actors: jsonb('actors').$type<Actor[]>().notNull().default([]),
    claimed: boolean('claimed').notNull().default(false),
    crossBorder: text('cross_border').notNull().default('unknown'),
    foreignNationals: text('foreign_nationals').notNull().default('unknown'),
    ...figureColumns(),
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
    check('incidents_time_precision_valid', oneOf('time_precision', TIME_PRECISIONS)),
    check('incidents_country_valid', oneOf('country', COUNTRIES)),
    check('incidents_province_valid', oneOf('province', PROVINCES)),
    check('incidents_geo_precision_valid', oneOf('geo_precision', GEO_PRECISIONS)),
    check('incidents_type_valid', oneOf('type', INCIDENT_TYPES)),
    check('incidents_category_valid', oneOf('category', INCIDENT_CATEGORIES)),
    check('incidents_target_type_valid', oneOf('target_type', TARGET_TYPES)),
    check('incidents_cross_border_valid', oneOf('cross_border', TRI_STATES)),
    check('incidents_foreign_nationals_valid', oneOf('foreign_nationals', TRI_STATES)),
    check('incidents_verification_valid', oneOf('verification', VERIFICATION_STATUSES)),
    check('incidents_latitude_range', sql`${t.latitude} IS NULL OR ${t.latitude} BETWEEN -90 AND 90`),
    check('incidents_longitude_range', sql`${t.longitude} IS NULL OR ${t.longitude} BETWEEN -180 AND 180`),
    check('incidents_coordinates_paired', sql`(${t.latitude} IS NULL) = (${t.longitude} IS NULL)`),
    check('incidents_version_positive', sql`${t.version} >= 1`),
    ...figureChecks().map((expr, i) => check(`incidents_figures_${i}`, expr)),
    // Re-imports find their row by the tracker's id (ACLED event_id_cnty); unique when present.
    uniqueIndex('incidents_external_id_key')
      .on(t.externalId)
      .where(sql`${t.externalId} IS NOT NULL`),
    // Lists, the live feed and short-range stats: newest first, optionally within [from, to).
    index('incidents_occurred_at_idx').on(t.occurredAt.desc(), t.id.desc()),
    // The feed's "recently recorded" order and cursor pagination by creation.
    index('incidents_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
    // A group page's recorded activity.
    index('incidents_group_occurred_idx').on(t.groupId, t.occurredAt.desc()),
  ],
);
