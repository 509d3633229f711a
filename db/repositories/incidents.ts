/** The incidents repository: rows to and from the read shape (core), external-id look-ups. */
import { eq, inArray, sql } from 'drizzle-orm';
import { CASUALTY_CATEGORIES } from '../../core/enums';
import type { Casualties } from '../../core/common-schemas';
import type { Incident } from '../../core/incident/schema';
import type { WriteTx } from '../../core/ports';
import * as s from '../schema';
import type { Tx } from '../tx';
import { iso, isoOrNull, versionedFromRow } from './stamps';
import { tableRepo } from './table-repo';
import { resultRows } from '../result-rows';

type IncidentRow = typeof s.incidents.$inferSelect;
type FigureColumns = Record<string, number | null>;

export function figuresToColumns(c: Casualties): FigureColumns {
  const out: FigureColumns = {};
  for (const side of ['killed', 'injured'] as const) {
    for (const cat of CASUALTY_CATEGORIES) {
      out[`${side}_${cat}_low`] = c[side][cat].low;
      out[`${side}_${cat}_high`] = c[side][cat].high;
    }
  }
  return out;
}

const numberOrNull = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

export function columnsToFigures(row: FigureColumns): Casualties {
  const side = (s: 'killed' | 'injured') =>
    Object.fromEntries(
      CASUALTY_CATEGORIES.map((cat) => [
        cat,
        // null stays null: "not reported" is not 0.
        { low: numberOrNull(row[`${s}_${cat}_low`]), high: numberOrNull(row[`${s}_${cat}_high`]) },
      ]),
    ) as Casualties['killed'];
  return { killed: side('killed'), injured: side('injured') };
}

export function incidentFromRow(r: IncidentRow): Incident {
  return {
    ...versionedFromRow(r),
    occurredAt: iso(r.occurredAt),
    timePrecision: r.timePrecision as Incident['timePrecision'],
    country: r.country as Incident['country'],
    province: r.province as Incident['province'],
    district: r.district,
    place: r.place,
    latitude: r.latitude,
    longitude: r.longitude,
    geoPrecision: r.geoPrecision as Incident['geoPrecision'],
    type: r.type as Incident['type'],
    category: r.category as Incident['category'],
    targetType: r.targetType as Incident['targetType'],
    groupId: r.groupId,
    groupName: r.groupName,
    namedActor: r.namedActor,
    actors: r.actors,
    claimed: r.claimed,
    crossBorder: r.crossBorder as Incident['crossBorder'],
    foreignNationals: r.foreignNationals as Incident['foreignNationals'],
    casualties: columnsToFigures(r as unknown as FigureColumns),
    summary: r.summary,
    sources: r.sources,
    verification: r.verification as Incident['verification'],
    externalId: r.externalId,
    synthetic: r.synthetic,
    occurredUntil: r.occurredUntil,
    sourceFields: r.sourceFields,
    syncedAt: isoOrNull(r.syncedAt),
  };
}

export function incidentToRow(i: Incident): IncidentRow {
  const { casualties, ...rest } = i;
  return { ...rest, ...figuresToColumns(casualties) } as unknown as IncidentRow;
}

export function incidentRepo(tx: Tx): WriteTx['incidents'] {
  return {
    ...tableRepo(tx, s.incidents, incidentFromRow, incidentToRow),
    async findByExternalId(externalId) {
      const [row] = await tx.select().from(s.incidents).where(eq(s.incidents.externalId, externalId));
      return row ? incidentFromRow(row) : null;
    },
    async lookUp(externalIds, groupIds) {
      const holders = new Map<string, string>();
      const groups = new Map<string, { shortName: string; retracted: boolean }>();
      if (externalIds.length === 0 && groupIds.length === 0) return { holders, groups };
      // = ANY (ARRAY(…)): an index look-up per value; `IN (SELECT …)` over the JSON became a
      // hash semi-join scanning the whole external-id index (10 ms at 50k incidents).
      const found = resultRows<{ k: string; a: string; b: string; r: boolean | null }>(
        await tx.execute(sql`SELECT 'x' AS k, external_id AS a, id::text AS b, NULL::boolean AS r
            FROM incidents WHERE external_id = ANY (ARRAY(SELECT json_array_elements_text(${JSON.stringify(externalIds)}::json)))
          UNION ALL
          SELECT 'g', id::text, short_name, retracted_at IS NOT NULL
            FROM groups WHERE id = ANY (ARRAY(SELECT json_array_elements_text(${JSON.stringify(groupIds)}::json)::uuid))`),
      );
      for (const row of found) {
        if (row.k === 'x') holders.set(row.a, row.b);
        else groups.set(row.a, { shortName: row.b, retracted: row.r === true });
      }
      return { holders, groups };
    },
    async findByExternalIds(externalIds) {
      if (externalIds.length === 0) return [];
      return (await tx.select().from(s.incidents).where(inArray(s.incidents.externalId, externalIds))).map(
        incidentFromRow,
      );
    },
  };
}
