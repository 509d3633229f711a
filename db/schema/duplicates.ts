/**
 * Duplicate candidates (pairs of incident records that may be one event), the merges operators
 * made of them, and the detector's position in the change log (docs/adr/0024-duplicates.md).
 * Incident ids carry no foreign key: incidents are never deleted, and a key would make every
 * TRUNCATE of incidents (tests, restores) name these tables too.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CANDIDATE_STATUSES } from '../../core/duplicate/schema';
import type { Incident } from '../../core/incident/schema';
import { oneOf } from './columns';

export const duplicateCandidates = pgTable(
  'duplicate_candidates',
  {
    id: uuid('id').primaryKey(),
    /** The smaller id of the pair: one row per pair whichever record arrived last. */
    incidentA: uuid('incident_a').notNull(),
    incidentB: uuid('incident_b').notNull(),
    score: real('score').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    status: text('status').notNull().default('open'),
    /** The earlier record's local day in the reporting zone: the period filter and the overview count. */
    day: date('day', { mode: 'string' }).notNull(),
    provinces: text('provinces').array().notNull(),
    foundAt: timestamp('found_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'string' }),
    resolvedBy: text('resolved_by'),
  },
  (t) => [
    check('duplicate_candidates_status_valid', oneOf('status', CANDIDATE_STATUSES)),
    check('duplicate_candidates_ordered', sql`${t.incidentA} < ${t.incidentB}`),
    // A dismissed pair is never proposed again: the detector's upsert meets this row.
    uniqueIndex('duplicate_candidates_pair_key').on(t.incidentA, t.incidentB),
    // The rescans of a changed record find its pairs from either side.
    index('duplicate_candidates_b_idx').on(t.incidentB),
    // The queue and the overview: unresolved pairs of a period.
    index('duplicate_candidates_status_day_idx').on(t.status, t.day),
  ],
);

export const incidentMerges = pgTable(
  'incident_merges',
  {
    id: uuid('id').primaryKey(),
    candidateId: uuid('candidate_id'),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    /** The survivor as it was before this merge: what a split restores. */
    survivorBefore: jsonb('survivor_before').$type<Incident>().notNull(),
    /** Which record each field was taken from (core/duplicate/merge-fields.ts). */
    choices: jsonb('choices').$type<Record<string, string>>().notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true, mode: 'string' }).notNull(),
    mergedBy: text('merged_by'),
    splitAt: timestamp('split_at', { withTimezone: true, mode: 'string' }),
    splitBy: text('split_by'),
  },
  (t) => [
    // A record is merged into at most one survivor at a time; re-imports find it here.
    uniqueIndex('incident_merges_merged_key')
      .on(t.mergedId)
      .where(sql`${t.splitAt} IS NULL`),
    // A split finds the merges of its survivor.
    index('incident_merges_survivor_idx')
      .on(t.survivorId)
      .where(sql`${t.splitAt} IS NULL`),
  ],
);

/** Where the detector has read the change log to (one row; `epoch` so a reset log is read again). */
export const duplicateScan = pgTable(
  'duplicate_scan',
  {
    id: smallint('id').primaryKey().default(1),
    epoch: text('epoch').notNull().default(''),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('duplicate_scan_single_row', sql`${t.id} = 1`)],
);
