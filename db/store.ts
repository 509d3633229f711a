/**
 * The Store port over Drizzle: one transaction per verb writing the row, the change-log entry
 * (seq from the one-row counter), the rollup delta and a pg_notify wake-up. After commit the
 * in-process 'commit' event wakes this node's live hub without waiting for NOTIFY.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Change } from '../core/change/change';
import type { Group } from '../core/group/schema';
import type { AppendChange, IdempotencyRecord, RecordRepo, Store, WriteTx } from '../core/ports';
import {
  mergeDeltas,
  type IncidentMeasures,
  type IncidentRollupKey,
  type OperationMeasures,
  type OperationRollupKey,
  type RollupDelta,
} from '../core/rollup/incident-rollup';
import {
  narrowIncidentDeltas,
  narrowOperationDeltas,
  type NarrowIncidentKey,
  type NarrowOperationKey,
} from '../core/rollup/narrow-rollups';
import { CHANGES_CHANNEL, type Database, type Db } from './client';
import * as s from './schema';
import { incidentFromRow, incidentToRow, operationFromRow, operationToRow } from './repositories/incident-rows';
import { annotationFromRow, groupFromRow, referenceFigureFromRow } from './repositories/record-rows';
import { insertRecordsetSql, insertRowsSql } from './json-recordset';
import { snake } from './column-names';
import { translateDriverError } from './driver-errors';
import { resultRows } from './result-rows';
import { duplicatesTx } from './duplicates/duplicate-tx';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type AnyTable =
  typeof s.incidents | typeof s.operations | typeof s.groups | typeof s.referenceFigures | typeof s.annotations;

/** Multi-row INSERTs stay under PostgreSQL's 65,535 bind parameters per statement. */
const ROWS_PER_INSERT = 500;

function simpleRepo<T extends { id: string }, R>(
  tx: Tx,
  table: AnyTable,
  fromRow: (r: R) => T,
  toRow: (t: T) => unknown = (t) => t,
): RecordRepo<T> & { insertMany(records: T[]): Promise<void> } {
  return {
    async insertMany(records) {
      // One JSON parameter per statement (db/json-recordset.ts): Drizzle's per-cell VALUES building
      // cost more than the insert itself.
      for (let i = 0; i < records.length; i += ROWS_PER_INSERT) {
        await tx.execute(
          insertRowsSql(table, records.slice(i, i + ROWS_PER_INSERT).map(toRow) as Record<string, unknown>[]),
        );
      }
    },
    async get(id, opts) {
      const q = tx.select().from(table).where(eq(table.id, id));
      const rows = (await (opts?.lock ? q.for('update') : q)) as R[];
      return rows[0] ? fromRow(rows[0]) : null;
    },
    async insert(record) {
      await tx.insert(table).values(toRow(record) as never);
    },
    async update(record) {
      const { id: _id, ...rest } = toRow(record) as { id: string };
      await tx
        .update(table)
        .set(rest as never)
        .where(eq(table.id, record.id));
    },
  };
}

function groupRepo(tx: Tx): WriteTx['groups'] {
  const load = async (row: typeof s.groups.$inferSelect): Promise<Group> => {
    const est = await tx
      .select()
      .from(s.groupStrengthEstimates)
      .where(eq(s.groupStrengthEstimates.groupId, row.id))
      .orderBy(asc(s.groupStrengthEstimates.position));
    return groupFromRow(
      row,
      est.map((e) => ({ low: e.low, high: e.high, asOf: e.asOf, source: e.source })),
    );
  };
  const writeEstimates = async (g: Group) => {
    await tx.delete(s.groupStrengthEstimates).where(eq(s.groupStrengthEstimates.groupId, g.id));
    if (g.strengthEstimates.length > 0) {
      await tx
        .insert(s.groupStrengthEstimates)
        .values(g.strengthEstimates.map((e, position) => ({ ...e, groupId: g.id, position })));
    }
  };
  return {
    async get(id, opts) {
      const q = tx.select().from(s.groups).where(eq(s.groups.id, id));
      const [row] = await (opts?.lock ? q.for('update') : q);
      return row ? load(row) : null;
    },
    async findByShortName(shortName) {
      const [row] = await tx
        .select()
        .from(s.groups)
        .where(sql`lower(${s.groups.shortName}) = lower(${shortName})`);
      return row ? load(row) : null;
    },
    async insert(g) {
      const { strengthEstimates: _, ...row } = g;
      await tx.insert(s.groups).values(row);
      await writeEstimates(g);
    },
    async update(g) {
      const { strengthEstimates: _, id, ...row } = g;
      await tx.update(s.groups).set(row).where(eq(s.groups.id, id));
      await writeEstimates(g);
    },
  };
}

/** One multi-row upsert that adds each delta's measures to its cell (null when nothing changes). */
function rollupUpsertSql<K extends object, M extends Record<string, number>>(
  table: string,
  keyColumns: Record<keyof K & string, string>,
  input: RollupDelta<K, M>[],
): SQL | null {
  const deltas = mergeDeltas(input);
  if (deltas.length === 0) return null;
  const keys = Object.keys(keyColumns) as (keyof K & string)[];
  const measures = Object.keys(deltas[0]!.measures);
  // Cells as one JSON parameter (db/json-recordset.ts): a cell per row is common in an import.
  const measureColumns = measures.map(snake); // once per statement, not per cell
  const rows = deltas.map((d) => {
    const row: Record<string, unknown> = {};
    for (const k of keys) row[keyColumns[k]] = d.key[k];
    measures.forEach((m, i) => (row[measureColumns[i]!] = d.measures[m]));
    return row;
  });
  const conflict = keys.map((k) => `"${keyColumns[k]}"`).join(', ');
  const updates = measures.map((m) => `"${snake(m)}" = ${table}."${snake(m)}" + excluded."${snake(m)}"`).join(', ');
  return insertRecordsetSql(table, rows, sql`ON CONFLICT (${sql.raw(conflict)}) DO UPDATE SET ${sql.raw(updates)}`);
}

/**
 * Several statements as one (the first ones as data-modifying CTEs): one round trip. The daily and
 * narrow rollup rows of today are touched by every write, so from here to commit writers queue on
 * their row locks; each round trip saved inside that stretch is throughput and live latency.
 */
async function executeTogether(tx: Tx, statements: (SQL | null)[]): Promise<void> {
  const list = statements.filter((q): q is SQL => q !== null);
  if (list.length === 0) return;
  const last = list.pop()!;
  if (list.length === 0) return void (await tx.execute(last));
  await tx.execute(
    sql`WITH ${sql.join(
      list.map((q, i) => sql`${sql.raw(`s${i}`)} AS (${q})`),
      sql`, `,
    )} ${last}`,
  );
}

const INCIDENT_KEY_COLUMNS: Record<keyof IncidentRollupKey, string> = {
  day: 'day',
  country: 'country',
  province: 'province',
  groupKey: 'group_key',
  type: 'type',
  category: 'category',
  targetType: 'target_type',
  verification: 'verification',
};
const OPERATION_KEY_COLUMNS: Record<keyof OperationRollupKey, string> = {
  day: 'day',
  country: 'country',
  province: 'province',
  kind: 'kind',
  groupKey: 'group_key',
  verification: 'verification',
};

const NARROW_INCIDENT_KEY_COLUMNS: Record<keyof NarrowIncidentKey, string> = {
  dim: 'dim',
  grain: 'grain',
  start: 'start',
  key: 'key',
};
const NARROW_OPERATION_KEY_COLUMNS: Record<keyof NarrowOperationKey, string> = { grain: 'grain', start: 'start' };

/**
 * Takes `changes.length` consecutive seqs from the counter (its row lock is held to commit, so seq
 * order is commit order), stores the changes and queues one wake-up NOTIFY with the new top, in
 * one statement: the counter's lock then waits on one round trip instead of three.
 */
async function appendChanges(tx: Tx, cs: AppendChange[]): Promise<Change[]> {
  if (cs.length === 0) return [];
  // A missing key reads as SQL NULL below (a JSON null would become the jsonb value null).
  const items = cs.map((c) => ({
    entity: c.entity,
    entity_id: c.id,
    action: c.action,
    version: c.version,
    actor: c.actor.label,
    ...(c.actor.id === null ? {} : { actor_id: c.actor.id }),
    ...(c.before === null || c.before === undefined ? {} : { before: c.before }),
    after: c.after,
  }));
  // `at` defaults to now(), the transaction's start time: the same for every change of this
  // transaction, so it is read once from the counter update.
  const result = (await tx.execute(sql`WITH meta AS (
      UPDATE stream_meta SET top = top + ${cs.length} WHERE id = 1 RETURNING top, epoch, now() AS at
    ), stored AS (
      INSERT INTO changes (seq, entity, entity_id, action, version, actor, actor_id, before, after)
      SELECT meta.top - ${cs.length} + e.n, e.v->>'entity', (e.v->>'entity_id')::uuid, e.v->>'action', (e.v->>'version')::int,
        e.v->>'actor', e.v->>'actor_id', (e.v->'before')::jsonb, (e.v->'after')::jsonb
      FROM meta, json_array_elements(${JSON.stringify(items)}::json) WITH ORDINALITY AS e(v, n)
    )
    SELECT top, epoch, at, pg_notify(${CHANGES_CHANNEL}, top::text) AS notified FROM meta`)) as unknown;
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

/** `committed` collects the changes the transaction appends, for the in-process wake-up. */
export function writeTx(tx: Tx, reportZone: string, committed: Change[] = []): WriteTx {
  return {
    reportZone,
    incidents: {
      ...simpleRepo(tx, s.incidents, incidentFromRow, incidentToRow),
      async findByExternalId(externalId) {
        const [row] = await tx.select().from(s.incidents).where(eq(s.incidents.externalId, externalId));
        return row ? incidentFromRow(row) : null;
      },
      async findByExternalIds(externalIds) {
        if (externalIds.length === 0) return [];
        return (await tx.select().from(s.incidents).where(inArray(s.incidents.externalId, externalIds))).map(
          incidentFromRow,
        );
      },
    },
    operations: {
      ...simpleRepo(tx, s.operations, operationFromRow, operationToRow),
      async findByExternalId(externalId) {
        const [row] = await tx.select().from(s.operations).where(eq(s.operations.externalId, externalId));
        return row ? operationFromRow(row) : null;
      },
      async findByExternalIds(externalIds) {
        if (externalIds.length === 0) return [];
        return (await tx.select().from(s.operations).where(inArray(s.operations.externalId, externalIds))).map(
          operationFromRow,
        );
      },
    },
    groups: groupRepo(tx),
    referenceFigures: simpleRepo(tx, s.referenceFigures, referenceFigureFromRow),
    annotations: simpleRepo(tx, s.annotations, annotationFromRow),
    duplicates: duplicatesTx(tx),
    async appendChange(c: AppendChange): Promise<Change> {
      const [change] = await appendChanges(tx, [c]);
      committed.push(change!);
      return change!;
    },
    async appendChanges(cs: AppendChange[]) {
      const changes = await appendChanges(tx, cs);
      committed.push(...changes);
      return changes;
    },
    async changesOf(entity, id) {
      const rows = await tx
        .select({ c: s.changes, epoch: s.streamMeta.epoch })
        .from(s.changes)
        .innerJoin(s.streamMeta, eq(s.streamMeta.id, 1))
        .where(and(eq(s.changes.entity, entity), eq(s.changes.entityId, id)))
        .orderBy(asc(s.changes.seq));
      return rows.map(({ c, epoch }) => ({
        epoch,
        seq: Number(c.seq),
        at: new Date(c.at).toISOString(),
        entity: c.entity as Change['entity'],
        action: c.action as Change['action'],
        id: c.entityId,
        version: c.version,
        data: c.after,
      }));
    },
    // The cube and its narrow projections (core/rollup/narrow-rollups.ts) move together.
    applyIncidentRollup: (deltas: RollupDelta<IncidentRollupKey, IncidentMeasures>[]) =>
      executeTogether(tx, [
        rollupUpsertSql('incident_rollup_daily', INCIDENT_KEY_COLUMNS, deltas),
        rollupUpsertSql('incident_rollup_narrow', NARROW_INCIDENT_KEY_COLUMNS, narrowIncidentDeltas(deltas)),
      ]),
    applyOperationRollup: (deltas: RollupDelta<OperationRollupKey, OperationMeasures>[]) =>
      executeTogether(tx, [
        rollupUpsertSql('operation_rollup_daily', OPERATION_KEY_COLUMNS, deltas),
        rollupUpsertSql('operation_rollup_narrow', NARROW_OPERATION_KEY_COLUMNS, narrowOperationDeltas(deltas)),
      ]),
    idempotency: {
      async get({ key, actor, route }): Promise<IdempotencyRecord | null> {
        const k = s.idempotencyKeys;
        const [row] = await tx
          .select()
          .from(k)
          .where(and(eq(k.actor, actor), eq(k.route, route), eq(k.key, key)));
        return row
          ? {
              key: row.key,
              actor: row.actor,
              route: row.route,
              requestHash: row.requestHash,
              status: row.status,
              response: row.response,
            }
          : null;
      },
      async put(record) {
        // A concurrent twin fails here on the unique index and rolls back its whole write.
        await tx.insert(s.idempotencyKeys).values(record);
      },
      async getMany(scopes) {
        const [first] = scopes;
        if (!first) return [];
        const k = s.idempotencyKeys;
        // One actor and route per batch (the verb scopes every item of a request alike).
        const rows = await tx
          .select()
          .from(k)
          .where(
            and(
              eq(k.actor, first.actor),
              eq(k.route, first.route),
              inArray(
                k.key,
                scopes.map((x) => x.key),
              ),
            ),
          );
        return rows.map((row) => ({
          key: row.key,
          actor: row.actor,
          route: row.route,
          requestHash: row.requestHash,
          status: row.status,
          response: row.response,
        }));
      },
      async putMany(records) {
        for (let i = 0; i < records.length; i += ROWS_PER_INSERT)
          await tx.insert(s.idempotencyKeys).values(records.slice(i, i + ROWS_PER_INSERT));
      },
    },
  };
}

export function createStore(database: Database): Store {
  return {
    async transact(fn) {
      const committed: Change[] = [];
      // Whether COMMIT was sent decides what a lost connection means: before it, nothing was
      // saved; after it, the outcome is unknown until someone looks (core/write/exactly-once.ts).
      let commitSent = false;
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await database.db.transaction(async (tx) => {
          const value = await fn(writeTx(tx, database.reportZone, committed));
          commitSent = true;
          return value;
        });
      } catch (err) {
        throw translateDriverError(err, commitSent);
      }
      // The changes ride along: this node's hub can broadcast them without reading them back.
      database.events.emit('commit', committed);
      return result;
    },
  };
}

/** Creates the counter row with a fresh epoch for a new database; keeps an existing one. */
export async function ensureStream(db: Db): Promise<void> {
  await db.execute(
    sql`INSERT INTO stream_meta (id, epoch, top) VALUES (1, gen_random_uuid()::text, 0) ON CONFLICT (id) DO NOTHING`,
  );
}
