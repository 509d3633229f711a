/**
 * Saved views, alert rules and their deliveries (docs/adr/0017-alerts.md). A rule's cursor is a
 * change-log position: evaluation reads `changes.seq > cursor_seq`, records deliveries and moves
 * the cursor in one transaction, so a restart or a second node neither drops nor repeats an event.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DELIVERY_OUTCOMES } from '../../core/alert/schema';
import { oneOf } from './columns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** The stats query parameters, arrays for multi-valued ones: `{"province":["Balochistan"]}`. */
    filters: jsonb('filters').notNull(),
    ownerId: text('owner_id').notNull(),
    /** Shared by an admin with every signed-in user (the team). */
    shared: boolean('shared').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  // The header's list: WHERE owner_id = ? OR shared.
  (t) => [index('saved_views_owner_idx').on(t.ownerId)],
);

export const alertRules = pgTable(
  'alert_rules',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    ownerId: text('owner_id').notNull(),
    viewId: uuid('view_id').references(() => savedViews.id, { onDelete: 'set null' }),
    filters: jsonb('filters').notNull(),
    trigger: jsonb('trigger').notNull(),
    /** Channel settings; a webhook's secret lives here and is never returned after creation. */
    channels: jsonb('channels').notNull(),
    digestMinutes: integer('digest_minutes'),
    enabled: boolean('enabled').notNull().default(true),
    /** The log position evaluated up to (epoch names the history it belongs to). */
    cursorEpoch: text('cursor_epoch').notNull(),
    cursorSeq: bigint('cursor_seq', { mode: 'number' }).notNull(),
    /** Window triggers: whether the last evaluation was above the line (alert on crossing only). */
    state: jsonb('state').notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  // A user's rules (the API list, /alerts); the evaluator reads every enabled rule, a short list.
  (t) => [index('alert_rules_owner_idx').on(t.ownerId)],
);

export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: uuid('id').primaryKey(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => alertRules.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id').notNull(),
    /** What happened, stable across re-evaluation: `incident:<id>:new`, `threshold:<seq>`, … */
    eventKey: text('event_key').notNull(),
    /** The channel's index in the rule and its type: `0:webhook`. */
    channel: text('channel').notNull(),
    /** The change that caused it (record events) or the window evaluated (threshold, spike). */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    payload: jsonb('payload').notNull(),
    outcome: text('outcome').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    /** A sender's claim; another node takes the row only after it lapses. */
    leaseUntil: ts('lease_until'),
    deliveredAt: ts('delivered_at'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('alert_deliveries_outcome_valid', oneOf('outcome', DELIVERY_OUTCOMES)),
    // Nothing is sent twice: one row per rule, event and channel, whoever evaluates.
    uniqueIndex('alert_deliveries_once').on(t.ruleId, t.eventKey, t.channel),
    // The sender's queue: WHERE outcome = 'pending' AND next_attempt_at <= now().
    index('alert_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.outcome} = 'pending'`),
    // The bell: a user's newest in-app alerts.
    index('alert_deliveries_inbox_idx').on(t.ownerId, t.createdAt),
  ],
);
