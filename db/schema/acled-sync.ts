/**
 * The ACLED API sync: its settings and cursors (one row), and a row per run with its report. The
 * account itself is in app_secrets (name `acled_account`), sealed with AES-256-GCM
 * (server/sync/secret-box.ts); nothing here is secret.
 */
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { oneOf } from './columns';

export const SYNC_RUN_STATES = ['running', 'succeeded', 'failed'] as const;
export const SYNC_TRIGGERS = ['schedule', 'manual'] as const;

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const acledSync = pgTable(
  'acled_sync',
  {
    id: smallint('id').primaryKey().default(1),
    /** Runs on the schedule (an on-demand run works either way). */
    enabled: boolean('enabled').notNull().default(true),
    intervalHours: integer('interval_hours').notNull().default(24),
    /** Arrests and strikes by state forces as operations, as the file import's `operations=1`. */
    operations: boolean('operations').notNull().default(false),
    /** The earliest event date synced, on every run; null: all of ACLED's history for the two countries. */
    firstFrom: date('first_from', { mode: 'string' }),
    /** Largest ACLED `timestamp` read by the last successful run (the next run asks from it). */
    eventsSince: bigint('events_since', { mode: 'number' }),
    /** Largest `deleted_timestamp` read from ACLED's deleted-events feed. */
    deletedSince: bigint('deleted_since', { mode: 'number' }),
    lastSuccessAt: ts('last_success_at'),
    /** Failed runs in a row, for the backoff. */
    failures: integer('failures').notNull().default(0),
    nextRunAt: ts('next_run_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    check('acled_sync_one_row', sql`${t.id} = 1`),
    check('acled_sync_interval_valid', sql`${t.intervalHours} BETWEEN 1 AND 720`),
  ],
);

export const acledSyncRuns = pgTable(
  'acled_sync_runs',
  {
    id: uuid('id').primaryKey(),
    trigger: text('trigger').notNull(),
    actor: text('actor').notNull(),
    state: text('state').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    eventsSince: bigint('events_since', { mode: 'number' }),
    deletedSince: bigint('deleted_since', { mode: 'number' }),
    /** The run's result: import report, deletions, pages, requests (core/sync/run-acled-sync.ts). */
    result: jsonb('result'),
    error: text('error'),
  },
  (t) => [
    check('acled_sync_runs_state_valid', oneOf('state', SYNC_RUN_STATES)),
    check('acled_sync_runs_trigger_valid', oneOf('trigger', SYNC_TRIGGERS)),
    // The admin page's latest runs: ORDER BY started_at DESC LIMIT n.
    index('acled_sync_runs_started_idx').on(t.startedAt),
  ],
);
