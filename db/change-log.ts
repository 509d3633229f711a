/**
 * The change log: appending a transaction's changes (seq from the one-row counter, a pg_notify
 * wake-up), and reading it back (the position, pages of changes after a seq, a record's history).
 */
import { and, asc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { Change, ChangeRecord, Position } from '../core/change/change';
import type { ChangeAction, Entity } from '../core/enums';
import type { AppendChange, WriteTx } from '../core/ports';
import { CHANGES_CHANNEL, type Db } from './client';
import { changes, streamMeta } from './schema';
import { iso } from './repositories/stamps';
import { resultRows } from './result-rows';
import type { Tx } from './tx';

/** Creates the counter row with a fresh epoch for a new database; keeps an existing one. */
export async function ensureStream(db: Db): Promise<void> {
  await db.execute(
    sql`INSERT INTO stream_meta (id, epoch, top) VALUES (1, gen_random_uuid()::text, 0) ON CONFLICT (id) DO NOTHING`,
  );
}

/** The changes as one JSON parameter; a missing key reads as SQL NULL (a JSON null would become the jsonb value null). */
function changeItems(cs: AppendChange[]): string {
  return JSON.stringify(
    cs.map((c) => ({
      entity: c.entity,
      entity_id: c.id,
      action: c.action,
      version: c.version,
      actor: c.actor.label,
      ...(c.actor.id === null ? {} : { actor_id: c.actor.id }),
      ...(c.before === null || c.before === undefined ? {} : { before: c.before }),
      after: c.after,
    })),
  );
}

/**
 * The change-log append as the last CTEs of a statement (`meta`, `stored`) and its final SELECT:
 * takes `cs.length` consecutive seqs from the counter (its row lock is held to commit, so seq
 * order is commit order), stores the changes and queues one wake-up NOTIFY with the new top.
 * `after`: a CTE of the same statement (RETURNING rows) that must run before the counter is
 * locked: the counter is the last lock every writer takes, after its rollup rows, so two writers
 * cannot wait on each other, and the counter is held for as short a time as possible.
 */
export function appendChangesSql(cs: AppendChange[], opts: { after?: string } = {}): SQL {
  const gate = opts.after ? sql.raw(` AND (SELECT count(*) FROM ${opts.after}) >= 0`) : sql``;
  // `at` defaults to now(), the transaction's start time: the same for every change of this
  // transaction, so it is read once from the counter update.
  return sql`meta AS (
      UPDATE stream_meta SET top = top + ${cs.length} WHERE id = 1${gate} RETURNING top, epoch, now() AS at
    ), stored AS (
      INSERT INTO changes (seq, entity, entity_id, action, version, actor, actor_id, before, after)
      SELECT meta.top - ${cs.length} + e.n, e.v->>'entity', (e.v->>'entity_id')::uuid, e.v->>'action', (e.v->>'version')::int,
        e.v->>'actor', e.v->>'actor_id', (e.v->'before')::jsonb, (e.v->'after')::jsonb
      FROM meta, json_array_elements(${changeItems(cs)}::json) WITH ORDINALITY AS e(v, n)
    )
    SELECT top, epoch, at, pg_notify(${CHANGES_CHANNEL}, top::text) AS notified FROM meta`;
}

/** The stored changes, from the result of a statement ending in appendChangesSql. */
export function appendedChanges(cs: AppendChange[], result: unknown): Change[] {
  const [meta] = resultRows<{ top: number | bigint; epoch: string; at: string | Date }>(result);
  if (!meta) throw new Error('stream_meta is missing: the database was not initialised (run migrations)');
  const first = Number(meta.top) - cs.length + 1;
  const at = new Date(meta.at).toISOString();
  return cs.map((c, i) => ({
    epoch: meta.epoch,
    seq: first + i,
    at,
    entity: c.entity,
    action: c.action,
    id: c.id,
    version: c.version,
    data: c.after,
  }));
}

/**
 * Appends a transaction's changes (appendChangesSql) in one statement: the counter's lock then
 * waits on one round trip instead of three.
 */
export async function appendChanges(tx: Tx, cs: AppendChange[]): Promise<Change[]> {
  if (cs.length === 0) return [];
  return appendedChanges(cs, await tx.execute(sql`WITH ${appendChangesSql(cs)}`));
}

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

/** The change-log entries of one record inside a write transaction, oldest first. */
export const changesOfInTx =
  (tx: Tx): WriteTx['changesOf'] =>
  async (entity, id) => {
    const rows = await tx
      .select({ c: changes, epoch: streamMeta.epoch })
      .from(changes)
      .innerJoin(streamMeta, eq(streamMeta.id, 1))
      .where(and(eq(changes.entity, entity), eq(changes.entityId, id)))
      .orderBy(asc(changes.seq));
    return rows.map(({ c, epoch }) => toChange(epoch, c));
  };
