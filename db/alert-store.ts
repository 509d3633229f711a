/**
 * The AlertStore port over Drizzle (core/alert/ports.ts): saved views, rules, and the evaluator's
 * transaction. Across nodes one evaluator runs at a time: pg_try_advisory_xact_lock inside the
 * evaluating transaction (PGlite is one process, where the lock is free but harmless).
 */
import { and, asc, desc, eq, gte, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Position } from '../core/change/change';
import type { AlertEvalTx, AlertStore, NewDelivery, RuleWrite } from '../core/alert/ports';
import type { AlertRuleRecord, SavedView, ViewFilters } from '../core/alert/schema';
import { sumIncidentCells } from '../core/stats/cells';
import { CASUALTY_CATEGORIES } from '../core/enums';
import type { Database, Db } from './client';
import { alertDeliveries, alertRules, incidents, savedViews } from './schema';
import { readChangeRecordsAfter, readPosition } from './change-log';
import { createStatsSource } from './queries/stats';
import { recordWhere, statsFilter } from './queries/record-where';
import { iso } from './repositories/stamps';
import { resultRows } from './result-rows';

/** The evaluator's advisory lock key (any constant no other part of the product uses). */
export const ALERT_LOCK_KEY = 7_417_018;

type RuleRow = typeof alertRules.$inferSelect;
type ViewRow = typeof savedViews.$inferSelect;

const viewFromRow = (r: ViewRow): SavedView => ({
  id: r.id,
  name: r.name,
  filters: r.filters as ViewFilters,
  ownerId: r.ownerId,
  shared: r.shared,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const ruleFromRow = (r: RuleRow): AlertRuleRecord => ({
  id: r.id,
  name: r.name,
  ownerId: r.ownerId,
  viewId: r.viewId,
  filters: r.filters as ViewFilters,
  trigger: r.trigger as AlertRuleRecord['trigger'],
  channels: r.channels as AlertRuleRecord['channels'],
  digestMinutes: r.digestMinutes,
  enabled: r.enabled,
  cursor: { epoch: r.cursorEpoch, seq: Number(r.cursorSeq) },
  state: (r.state ?? {}) as AlertRuleRecord['state'],
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

const ruleValues = (r: RuleWrite) => ({
  id: r.id,
  name: r.name,
  ownerId: r.ownerId,
  viewId: r.viewId,
  filters: r.filters,
  trigger: r.trigger,
  channels: r.channels,
  digestMinutes: r.digestMinutes,
  enabled: r.enabled,
  cursorEpoch: r.cursor.epoch,
  cursorSeq: r.cursor.seq,
  state: r.state,
  version: r.version,
});

async function rowsOf<T>(db: Db, q: SQL): Promise<T[]> {
  return resultRows<T>(await db.execute(q));
}

/** NOTIFY channel of new in-app alerts (payload: owner ids, or * when too many for one payload). */
export const ALERTS_CHANNEL = 'bw_alerts';

function evalTx(tx: Db, database: Database, notified: string[]): AlertEvalTx {
  const stats = createStatsSource(tx, database.reportZone);
  return {
    reportZone: database.reportZone,
    async tryLock() {
      const [row] = await rowsOf<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${ALERT_LOCK_KEY}) as ok`);
      return row?.ok === true;
    },
    position: () => readPosition(tx),
    async rulesBehind(top: Position) {
      const rows = await tx
        .select()
        .from(alertRules)
        .where(
          and(
            eq(alertRules.enabled, true),
            or(ne(alertRules.cursorEpoch, top.epoch), lt(alertRules.cursorSeq, top.seq)),
          ),
        )
        .orderBy(asc(alertRules.createdAt));
      return rows.map(ruleFromRow);
    },
    changesAfter: async (epoch, after, limit, upTo) =>
      (await readChangeRecordsAfter(tx, epoch, after, limit)).filter((c) => c.seq <= upTo),
    async existingEvents(ruleId, keys) {
      if (keys.length === 0) return new Set();
      const rows = await tx
        .selectDistinct({ key: alertDeliveries.eventKey })
        .from(alertDeliveries)
        .where(and(eq(alertDeliveries.ruleId, ruleId), inArray(alertDeliveries.eventKey, [...new Set(keys)])));
      return new Set(rows.map((r) => r.key));
    },
    async measure(filter, window, measure) {
      const f = { ...filter, from: window.from, to: window.to };
      const m = sumIncidentCells(await stats.incidentCells(f, { from: window.from, to: window.to }, {}));
      const value =
        measure === 'incidents' ? m.incidents : CASUALTY_CATEGORIES.reduce((s, c) => s + m[`killedLow_${c}`], 0);
      const [syn] = await tx
        .select({ id: incidents.id })
        .from(incidents)
        .where(
          and(
            recordWhere(incidents, statsFilter(f)),
            eq(incidents.synthetic, true),
            gte(incidents.occurredAt, window.from),
            lt(incidents.occurredAt, window.to),
          ),
        )
        .limit(1);
      return { value, synthetic: Boolean(syn) };
    },
    async insertDeliveries(rows: NewDelivery[]) {
      if (rows.length === 0) return [];
      const ids = await tx
        .insert(alertDeliveries)
        .values(rows)
        .onConflictDoNothing({ target: [alertDeliveries.ruleId, alertDeliveries.eventKey, alertDeliveries.channel] })
        .returning({ id: alertDeliveries.id });
      const got = new Set(ids.map((r) => r.id));
      return rows.filter((r) => got.has(r.id));
    },
    async saveCursor(ruleId, cursor, state) {
      await tx
        .update(alertRules)
        .set({ cursorEpoch: cursor.epoch, cursorSeq: cursor.seq, state })
        .where(eq(alertRules.id, ruleId));
    },
    async notifyOwners(ownerIds) {
      notified.push(...ownerIds);
      if (database.kind !== 'postgres') return;
      const joined = ownerIds.join(',');
      // NOTIFY payloads must stay under 8,000 bytes; "*" makes every open bell refetch.
      await tx.execute(sql`select pg_notify(${ALERTS_CHANNEL}, ${joined.length < 7000 ? joined : '*'})`);
    },
    async lastSent(ruleId, channel) {
      const [row] = await tx
        .select({ at: alertDeliveries.deliveredAt })
        .from(alertDeliveries)
        .where(
          and(
            eq(alertDeliveries.ruleId, ruleId),
            eq(alertDeliveries.channel, channel),
            eq(alertDeliveries.outcome, 'sent'),
          ),
        )
        .orderBy(desc(alertDeliveries.deliveredAt))
        .limit(1);
      return row?.at ? iso(row.at) : null;
    },
  };
}

export function createAlertStore(database: Database): AlertStore {
  const db = database.db;
  return {
    async evaluate(fn) {
      const notified: string[] = [];
      const result = await db.transaction((tx) => fn(evalTx(tx as unknown as Db, database, notified)));
      // PGlite is one process: the in-process event is the whole fan-out (PostgreSQL NOTIFYs every node).
      if (notified.length > 0 && database.kind === 'pglite') database.events.emit('alerts', notified);
      return result;
    },
    async pending() {
      // The same conditions as rulesBehind and claimDueDeliveries, without a lock or a write.
      const [row] = await rowsOf<{ behind: boolean; due: boolean }>(
        db,
        sql`SELECT EXISTS (
            SELECT 1 FROM alert_rules r, stream_meta m
            WHERE m.id = 1 AND r.enabled AND (r.cursor_epoch <> m.epoch OR r.cursor_seq < m.top)
          ) AS behind, EXISTS (
            SELECT 1 FROM alert_deliveries
            WHERE outcome = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
          ) AS due`,
      );
      return { rulesBehind: row?.behind !== false, deliveriesDue: row?.due !== false };
    },
    position: () => readPosition(db),
    views: {
      async get(id) {
        const [row] = await db.select().from(savedViews).where(eq(savedViews.id, id));
        return row ? viewFromRow(row) : null;
      },
      async visibleTo(ownerId) {
        const rows = await db
          .select()
          .from(savedViews)
          .where(or(eq(savedViews.ownerId, ownerId), eq(savedViews.shared, true)))
          .orderBy(asc(savedViews.name));
        return rows.map(viewFromRow);
      },
      async insert(v) {
        await db.insert(savedViews).values(v);
      },
      async update(v) {
        await db
          .update(savedViews)
          .set({ name: v.name, filters: v.filters, shared: v.shared, updatedAt: v.updatedAt })
          .where(eq(savedViews.id, v.id));
      },
      async delete(id) {
        await db.delete(savedViews).where(eq(savedViews.id, id));
      },
    },
    rules: {
      async get(id) {
        const [row] = await db.select().from(alertRules).where(eq(alertRules.id, id));
        return row ? ruleFromRow(row) : null;
      },
      async ownedBy(ownerId) {
        const rows = await db
          .select()
          .from(alertRules)
          .where(eq(alertRules.ownerId, ownerId))
          .orderBy(asc(alertRules.createdAt));
        return rows.map(ruleFromRow);
      },
      async insert(r) {
        await db.insert(alertRules).values(ruleValues(r));
      },
      async update(r, expectedVersion) {
        const rows = await db
          .update(alertRules)
          .set({ ...ruleValues(r), updatedAt: sql`now()` })
          .where(and(eq(alertRules.id, r.id), eq(alertRules.version, expectedVersion)))
          .returning({ id: alertRules.id });
        return rows.length === 1;
      },
      async delete(id) {
        await db.delete(alertRules).where(eq(alertRules.id, id));
      },
    },
  };
}
