/**
 * The duplicate detector's step: reads the change log after its stored position, and for every
 * incident created or changed there finds its neighbours in the database, scores each pair with
 * core's rules (core/duplicate/pair-rules.ts) and keeps the candidates. It runs after the writes
 * have committed (server/duplicates/duplicate-service.ts), so a write never waits for it; an
 * import batch is one page of the log and one neighbour query.
 *
 * The neighbour query is bounded by the index on occurred_at: a record's local day ±1 in the
 * reporting zone (three days of records), then a bounding box of the widest radius or the same
 * province, the closest twelve. At 1M records over ten years that is a few hundred rows read per
 * record, never a scan.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { orderedPair, MAX_RADIUS_KM, scorePair } from '../../core/duplicate/pair-rules';
import type { Incident } from '../../core/incident/schema';
import { localDay } from '../../core/time/report-zone';
import type { Database } from '../client';
import { incidentFromRow } from '../repositories/incidents';
import { resultRows } from '../result-rows';
import { zoneLiteral } from '../rollups/zone';
import { duplicateCandidates as dc, duplicateScan, incidents, streamMeta } from '../schema';
import { DUPLICATES_CHANNEL } from './duplicate-tx';

/** Change-log entries read per step (an import batch is at most a few of these). */
const PAGE = 500;
/**
 * Neighbours looked at per record: a crowded day (a thousand records in one province) proposes
 * each record's closest few instead of every pair of the day.
 */
const NEIGHBOURS = 12;
/** Degrees of latitude per km. */
const DEG_PER_KM = 1 / 111.2;

export interface DetectStep {
  /** More of the log is left to read. */
  more: boolean;
  /** Candidates added, re-scored or withdrawn in this step. */
  touched: number;
}

/** Pairs (record, neighbour) the database finds for `ids`: a superset of what the rules accept. */
async function neighbours(tx: Tx, ids: string[], zone: string): Promise<[string, string][]> {
  const z = sql.raw(zoneLiteral(zone));
  const dlat = MAX_RADIUS_KM * DEG_PER_KM;
  const day = sql`(s.occurred_at AT TIME ZONE ${z})::date`;
  const rows = resultRows<{ src: string; other: string }>(
    await tx.execute(sql`
      SELECT s.id AS src, o.id AS other
      FROM incidents s
      CROSS JOIN LATERAL (
        SELECT o.id FROM incidents o
        WHERE o.occurred_at >= ((${day} - 1)::timestamp AT TIME ZONE ${z})
          AND o.occurred_at < ((${day} + 2)::timestamp AT TIME ZONE ${z})
          AND o.id <> s.id
          AND o.retracted_at IS NULL
          AND NOT o.synthetic
          AND (
            o.province = s.province
            OR (s.latitude IS NOT NULL AND o.latitude IS NOT NULL
                AND o.latitude BETWEEN s.latitude - ${dlat} AND s.latitude + ${dlat}
                AND o.longitude BETWEEN s.longitude - ${dlat} / cos(radians(s.latitude))
                                    AND s.longitude + ${dlat} / cos(radians(s.latitude)))
          )
        -- The nearest first: same district, then by distance; a crowded day yields its closest few.
        ORDER BY (lower(o.district) IS NOT DISTINCT FROM lower(s.district)) DESC,
                 coalesce((o.latitude - s.latitude) ^ 2 + (o.longitude - s.longitude) ^ 2, 99),
                 abs(extract(epoch FROM o.occurred_at - s.occurred_at))
        LIMIT ${NEIGHBOURS}
      ) o
      WHERE s.id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) AND s.retracted_at IS NULL AND NOT s.synthetic`),
  );
  return rows.map((r) => [r.src, r.other]);
}

type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

/** One step of detection; `newId` names new candidates. Serialised across nodes by the position row's lock. */
export async function detectStep(database: Database, newId: () => string): Promise<DetectStep> {
  const zone = database.reportZone;
  // Most wake-ups (the safety poll, other nodes' commits) find nothing new: one read, no lock.
  const [state] = resultRows<{ seq: number | string; epoch: string; top: number | string; current: string }>(
    await database.db.execute(
      sql`SELECT d.seq, d.epoch, m.top, m.epoch AS current FROM duplicate_scan d, stream_meta m WHERE d.id = 1 AND m.id = 1`,
    ),
  );
  if (!state || (state.epoch === state.current && Number(state.seq) >= Number(state.top)))
    return { more: false, touched: 0 };
  const result = await database.db.transaction(async (tx) => {
    const [pos] = await tx.select().from(duplicateScan).where(eq(duplicateScan.id, 1)).for('update');
    const [meta] = await tx.select({ epoch: streamMeta.epoch }).from(streamMeta).where(eq(streamMeta.id, 1));
    if (!pos || !meta) return { more: false, touched: 0, notify: false };
    // A new history (restored or reset log): read it all again.
    const after = pos.epoch === meta.epoch ? pos.seq : 0;
    const page = resultRows<{ seq: number | string; entity: string; entity_id: string }>(
      await tx.execute(sql`SELECT seq, entity, entity_id FROM changes WHERE seq > ${after} ORDER BY seq LIMIT ${PAGE}`),
    );
    if (page.length === 0) {
      if (pos.epoch !== meta.epoch)
        await tx.update(duplicateScan).set({ epoch: meta.epoch, seq: 0 }).where(eq(duplicateScan.id, 1));
      return { more: false, touched: 0, notify: false };
    }
    const changed = [...new Set(page.filter((c) => c.entity === 'incident').map((c) => c.entity_id))];
    const touched = changed.length > 0 ? await rescan(tx, changed, zone, newId) : 0;
    const top = Number(page[page.length - 1]!.seq);
    await tx.update(duplicateScan).set({ epoch: meta.epoch, seq: top }).where(eq(duplicateScan.id, 1));
    if (touched > 0) await tx.execute(sql`SELECT pg_notify(${DUPLICATES_CHANNEL}, '')`);
    return { more: page.length === PAGE, touched, notify: touched > 0 };
  });
  return { more: result.more, touched: result.touched };
}

/** Re-scores every pair of the changed records: new pairs proposed, unresolved ones updated or withdrawn. */
async function rescan(tx: Tx, changed: string[], zone: string, newId: () => string): Promise<number> {
  const pairs = await neighbours(tx, changed, zone);
  const ids = [...new Set([...changed, ...pairs.flat()])];
  const records = new Map<string, Incident>();
  for (let i = 0; i < ids.length; i += 1000)
    for (const row of await tx
      .select()
      .from(incidents)
      .where(inArray(incidents.id, ids.slice(i, i + 1000))))
      records.set(row.id, incidentFromRow(row));

  const found = new Map<string, typeof dc.$inferInsert>();
  for (const [x, y] of pairs) {
    const [a, b] = orderedPair(x, y);
    const key = `${a} ${b}`;
    if (found.has(key)) continue;
    const ra = records.get(a);
    const rb = records.get(b);
    if (!ra || !rb) continue;
    const scored = scorePair(ra, rb, zone);
    if (!scored) continue;
    const [da, db] = [localDay(ra.occurredAt, zone), localDay(rb.occurredAt, zone)];
    found.set(key, {
      id: newId(),
      incidentA: a,
      incidentB: b,
      score: scored.score,
      reasons: scored.reasons,
      day: da < db ? da : db,
      provinces: [...new Set([ra.province, rb.province])],
    });
  }

  // Unresolved pairs of a changed record that the rules no longer accept are withdrawn.
  const existing = await tx
    .select({ id: dc.id, a: dc.incidentA, b: dc.incidentB })
    .from(dc)
    .where(
      and(inArray(dc.status, ['open', 'later']), or(inArray(dc.incidentA, changed), inArray(dc.incidentB, changed))),
    );
  const stale = existing.filter((e) => !found.has(`${e.a} ${e.b}`)).map((e) => e.id);
  if (stale.length > 0) await tx.delete(dc).where(inArray(dc.id, stale));

  const rows = [...found.values()];
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insert(dc)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [dc.incidentA, dc.incidentB],
        set: {
          score: sql`excluded.score`,
          reasons: sql`excluded.reasons`,
          day: sql`excluded.day`,
          provinces: sql`excluded.provinces`,
        },
        // Dismissed stays dismissed, merged stays merged: only unresolved pairs are re-scored.
        setWhere: sql`${dc.status} IN ('open', 'later')`,
      });
  return stale.length + rows.length;
}
