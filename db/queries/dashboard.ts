/**
 * Reads only the dashboard pages need: map points (slim, newest first, capped), whether synthetic
 * demo data is present, and the reference panel's recorded values. Lists and single records come
 * from db/queries/incidents.ts and friends.
 */
import { and, desc, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { IncidentFilter } from '../../core/filters';
import { computeSummary } from '../../core/stats/compute-stats';
import { toBrief, type IncidentBrief } from '../../core/stats/incident-brief';
import type { OperationKind } from '../../core/enums';
import type { Period } from '../../core/stats/stats-types';
import {
  endedPeriod,
  MEASURE_OPERATION_KIND,
  recordedValue,
  type KindTotals,
  type ReferenceComparison,
} from '../../core/stats/reference-comparison';
import type { Db } from '../client';
import { incidents, operations } from '../schema';
import { incidentFromRow } from '../repositories/incidents';
import { listReferenceFigures } from './reference';
import { createStatsSource } from './stats';
import { recordWhere, statsFilter } from './record-where';

/** The map's ceiling: beyond it the newest points are drawn (a year of records fits). */
export const MAP_POINT_LIMIT = 1500;
const SYNTHETIC_TTL_MS = 30_000;

/** Live operations of one kind in [from, to) (operations_occurred_at_idx serves the range). */
async function operationKindTotals(db: Db, kind: OperationKind, period: Period): Promise<KindTotals> {
  const [row] = await db
    .select({
      records: sql<number>`count(*)::int`,
      operations: sql<number>`coalesce(sum(${operations.count}), 0)::int`,
      militantsKilled: sql<number>`coalesce(sum(${operations.militantsKilled}), 0)::int`,
      militantsKilledMissing: sql<number>`(count(*) FILTER (WHERE ${operations.militantsKilled} IS NULL))::int`,
    })
    .from(operations)
    .where(
      and(
        isNull(operations.retractedAt),
        sql`${operations.kind} = ${kind}`,
        sql`${operations.occurredAt} >= ${period.from}::timestamptz`,
        lt(operations.occurredAt, period.to),
      ),
    );
  return {
    records: Number(row?.records ?? 0),
    operations: Number(row?.operations ?? 0),
    militantsKilled: Number(row?.militantsKilled ?? 0),
    militantsKilledMissing: Number(row?.militantsKilledMissing ?? 0),
  };
}

export function createDashboardReads(db: Db, zone: string) {
  let synthetic: { at: number; value: Promise<boolean> } | null = null;
  return {
    /** Located, live incidents in the view, newest first (incidents_occurred_at_idx). */
    async mapPoints(filter: IncidentFilter, limit = MAP_POINT_LIMIT): Promise<IncidentBrief[]> {
      const where = and(recordWhere(incidents, statsFilter(filter)), isNotNull(incidents.latitude));
      const rows = await db
        .select()
        .from(incidents)
        .where(where)
        .orderBy(desc(incidents.occurredAt), desc(incidents.id))
        .limit(limit);
      return rows.map((r) => toBrief(incidentFromRow(r)));
    },

    /**
     * Whether any synthetic row is stored. No index serves `synthetic`, so the answer is kept for
     * 30 s per process instead of probing on every page view; live changes update the banner.
     */
    syntheticPresent(): Promise<boolean> {
      if (synthetic && Date.now() - synthetic.at < SYNTHETIC_TTL_MS) return synthetic.value;
      const value = (async () => {
        const [a] = await db
          .select({ x: sql<number>`1` })
          .from(incidents)
          .where(and(sql`${incidents.synthetic}`, isNull(incidents.retractedAt)))
          .limit(1);
        if (a) return true;
        const [b] = await db
          .select({ x: sql<number>`1` })
          .from(operations)
          .where(sql`${operations.synthetic}`)
          .limit(1);
        return Boolean(b);
      })();
      synthetic = { at: Date.now(), value };
      value.catch(() => (synthetic = null));
      return value;
    },

    /**
     * Published figures, each beside the recorded value that counts the same thing for the same,
     * ended period (core/stats/reference-comparison.ts); otherwise none.
     */
    async referenceComparisons(now = new Date()): Promise<ReferenceComparison[]> {
      const figures = await listReferenceFigures(db);
      const src = createStatsSource(db, zone);
      return Promise.all(
        figures.map(async (figure): Promise<ReferenceComparison> => {
          const period = endedPeriod(figure, now, zone);
          if (!period || !figure.comparableTo) return { figure, recorded: null };
          const { current } = await computeSummary(src, {
            filter: { from: period.from!, to: period.to },
            period,
            preset: null,
            top: 8,
            zone,
          });
          const kind = MEASURE_OPERATION_KIND[figure.comparableTo];
          const totals = kind ? await operationKindTotals(db, kind, period) : null;
          return { figure, recorded: recordedValue(figure.comparableTo, period, current, totals) };
        }),
      );
    },
  };
}
