/** Reads of the change log: the position, pages of changes after a seq, a record's history. */
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Change, ChangeRecord, Position } from '../../core/change/change';
import type { ChangeAction, Entity } from '../../core/enums';
import type { Db } from '../client';
import { changes, streamMeta } from '../schema';
import { iso } from '../repositories/incident-rows';

/** The top of the log. Read it before a snapshot's data so the snapshot is at least this new. */
export async function readPosition(db: Db): Promise<Position> {
  const [row] = await db
    .select({ epoch: streamMeta.epoch, top: streamMeta.top })
    .from(streamMeta)
    .where(eq(streamMeta.id, 1));
  if (!row) throw new Error('stream_meta is missing: the database was not initialised');
  return { epoch: row.epoch, seq: Number(row.top) };
}

type Row = typeof changes.$inferSelect;

const toChange = (epoch: string, r: Row): Change => ({
  epoch,
  seq: Number(r.seq),
  at: iso(r.at),
  entity: r.entity as Entity,
  action: r.action as ChangeAction,
  id: r.entityId,
  version: r.version,
  data: r.after,
});

/** Changes with after < seq ≤ upTo (when given), ascending, at most `limit`. Served by the primary key. */
export async function readChangesAfter(
  db: Db,
  epoch: string,
  after: number,
  limit: number,
  upTo?: number,
): Promise<Change[]> {
  const rows = await db
    .select()
    .from(changes)
    .where(upTo === undefined ? gt(changes.seq, after) : and(gt(changes.seq, after), lte(changes.seq, upTo)))
    .orderBy(asc(changes.seq))
    .limit(limit);
  return rows.map((r) => toChange(epoch, r));
}

/** Change-log rows with their actor and before-image, for integrations and audit. */
export async function readChangeRecordsAfter(
  db: Db,
  epoch: string,
  after: number,
  limit: number,
): Promise<ChangeRecord[]> {
  const rows = await db.select().from(changes).where(gt(changes.seq, after)).orderBy(asc(changes.seq)).limit(limit);
  return rows.map((r) => ({ ...toChange(epoch, r), actor: r.actor, before: r.before }));
}

/** One record's history, oldest first (served by changes_entity_history_idx). */
export async function readHistory(db: Db, epoch: string, entity: Entity, id: string): Promise<ChangeRecord[]> {
  const rows = await db
    .select()
    .from(changes)
    .where(and(eq(changes.entity, entity), eq(changes.entityId, id)))
    .orderBy(asc(changes.seq));
  return rows.map((r) => ({ ...toChange(epoch, r), actor: r.actor, before: r.before }));
}
