import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { versionedColumns } from './columns';

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey(),
    shortName: text('short_name').notNull(),
    fullName: text('full_name').notNull(),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    baseCountry: text('base_country'),
    proscribed: boolean('proscribed').notNull().default(false),
    description: text('description'),
    ...versionedColumns(),
  },
  (t) => [
    // Short names are unique regardless of case ("TTP" and "ttp" are one group).
    uniqueIndex('groups_short_name_key').on(sql`lower(${t.shortName})`),
  ],
);

export const groupStrengthEstimates = pgTable(
  'group_strength_estimates',
  {
    id: serial('id').primaryKey(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    low: integer('low').notNull(),
    high: integer('high').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    check('group_strength_range', sql`${t.low} >= 0 AND ${t.high} >= ${t.low}`),
    // A group page lists its estimates in the order they were given.
    index('group_strength_group_idx').on(t.groupId, t.position),
  ],
);
