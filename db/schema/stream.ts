/** The change log and its one-row counter (see docs/adr/0003-change-log-and-seq.md). */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CHANGE_ACTIONS, ENTITIES } from '../../core/enums';
import { oneOf } from './columns';

/**
 * `top` is taken with `UPDATE … SET top = top + 1 RETURNING top` inside each writing transaction:
 * the row lock serialises writers, so seq order equals commit order and a reader of `seq > last`
 * never skips a slower transaction. `epoch` names this history; it changes when the log is reset.
 */
export const streamMeta = pgTable(
  'stream_meta',
  {
    id: smallint('id').primaryKey().default(1),
    epoch: text('epoch').notNull(),
    top: bigint('top', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('stream_meta_single_row', sql`${t.id} = 1`)],
);

export const changes = pgTable(
  'changes',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').notNull(),
    version: integer('version').notNull(),
    actor: text('actor'),
    actorId: text('actor_id'),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
  },
  (t) => [
    check('changes_entity_valid', oneOf('entity', ENTITIES)),
    check('changes_action_valid', oneOf('action', CHANGE_ACTIONS)),
    // A record's history page: WHERE entity = ? AND entity_id = ? ORDER BY seq.
    index('changes_entity_history_idx').on(t.entity, t.entityId, t.seq),
  ],
);
