/**
 * Per-day cubes kept in step by the writing transactions (core/rollup). Measures are plain sums,
 * so a delta is an upsert that adds; the dashboard sums cells instead of scanning raw rows.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { INCIDENT_MEASURES, OPERATION_MEASURES } from '../../core/rollup/incident-rollup';
import { BY_TYPE_MEASURES } from '../../core/rollup/narrow-rollups';
import { MEASURE_COLUMNS } from '../rollups/columns';

const measureColumns = <M extends string>(names: readonly M[]) =>
  Object.fromEntries(
    names.map((m) => [m, bigint(MEASURE_COLUMNS[m]!, { mode: 'number' }).notNull().default(0)]),
  ) as Record<M, ReturnType<ReturnType<typeof bigint>['notNull']>>;

export const incidentRollupDaily = pgTable(
  'incident_rollup_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    country: text('country').notNull(),
    province: text('province').notNull(),
    groupKey: text('group_key').notNull(),
    type: text('type').notNull(),
    category: text('category').notNull().default('attack'),
    targetType: text('target_type').notNull(),
    verification: text('verification').notNull(),
    ...measureColumns(INCIDENT_MEASURES),
  },
  (t) => [
    // The primary key leads with day: every chart filters a day range first.
    primaryKey({
      name: 'incident_rollup_daily_pk',
      columns: [t.day, t.country, t.province, t.groupKey, t.type, t.category, t.targetType, t.verification],
    }),
    // A group page's activity over time.
    index('incident_rollup_group_day_idx').on(t.groupKey, t.day),
  ],
);

export const operationRollupDaily = pgTable(
  'operation_rollup_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    country: text('country').notNull(),
    province: text('province').notNull(),
    kind: text('kind').notNull(),
    groupKey: text('group_key').notNull(),
    verification: text('verification').notNull(),
    ...measureColumns(OPERATION_MEASURES),
  },
  (t) => [
    primaryKey({
      name: 'operation_rollup_daily_pk',
      columns: [t.day, t.country, t.province, t.kind, t.groupKey, t.verification],
    }),
  ],
);

/**
 * The cube projected onto one dimension (`all` = none) at day, week or month grain, with incident
 * counts per type (core/rollup/narrow-rollups.ts), over militant violence only (MILITANT_CATEGORIES,
 * the stats' default): long-range charts read a few hundred of these rows instead of
 * summing the cube, whose cell count approaches the incident count at scale.
 */
export const incidentRollupNarrow = pgTable(
  'incident_rollup_narrow',
  {
    dim: text('dim').notNull(),
    grain: text('grain').notNull(),
    start: date('start', { mode: 'string' }).notNull(),
    key: text('key').notNull(),
    ...measureColumns(INCIDENT_MEASURES),
    ...measureColumns(BY_TYPE_MEASURES),
  },
  // Every read fixes dim and grain and takes a range of starts.
  (t) => [primaryKey({ name: 'incident_rollup_narrow_pk', columns: [t.dim, t.grain, t.start, t.key] })],
);

/** Operations summed over every dimension, at day, week or month grain. */
export const operationRollupNarrow = pgTable(
  'operation_rollup_narrow',
  {
    grain: text('grain').notNull(),
    start: date('start', { mode: 'string' }).notNull(),
    ...measureColumns(OPERATION_MEASURES),
  },
  (t) => [primaryKey({ name: 'operation_rollup_narrow_pk', columns: [t.grain, t.start] })],
);

/**
 * The reporting time zone the rollups' days were computed in (one row). A start with another
 * REPORT_TIMEZONE refuses until `npm run db:rollups:rebuild` recomputes them (db/rollups/zone.ts).
 */
export const rollupState = pgTable(
  'rollup_state',
  {
    id: smallint('id').primaryKey().default(1),
    zone: text('zone').notNull(),
  },
  (t) => [check('rollup_state_single_row', sql`${t.id} = 1`)],
);
