/**
 * Recomputes the rollup tables from the raw rows (the narrow ones from the cubes) in one
 * transaction (`npm run db:rollups:rebuild`), e.g. after a restore or a bulk load that bypassed
 * the verbs. The SQL mirrors core/rollup's contribution functions; tests/db/rebuild-rollups.test.ts
 * and tests/db/narrow-rollups.test.ts check that both agree.
 */
import { sql } from 'drizzle-orm';
import { CASUALTY_CATEGORIES, INCIDENT_TYPES, MILITANT_CATEGORIES } from '../../core/enums';
import { GROUP_CELL_KEY_SQL, type IncidentMeasure, type OperationMeasure } from '../../core/rollup/incident-rollup';
import { NARROW_DIMS, NARROW_GRAINS } from '../../core/rollup/narrow-rollups';
import type { Db } from '../client';
import { resultRows } from '../result-rows';
import { BY_TYPE_MEASURE_COLUMNS, INCIDENT_MEASURE_COLUMNS, OPERATION_MEASURE_COLUMNS } from './columns';
import { readRollupZone, zoneLiteral } from './zone';

// A null "at least" is "not reported": summed as nothing, and counted in the *Missing measures.
const sideMissing = (side: string) =>
  `count(*) FILTER (WHERE ${CASUALTY_CATEGORIES.map((c) => `${side}_${c}_low IS NULL`).join(' AND ')})`;
const anyHigh = CASUALTY_CATEGORIES.flatMap((c) => [`killed_${c}_high`, `injured_${c}_high`])
  .map((col) => `${col} IS NOT NULL`)
  .join(' OR ');

/** Each incident measure as SQL over raw rows (core/rollup's incidentContribution); the stats edges aggregate with it too. */
export const INCIDENT_MEASURE_SQL = {
  incidents: 'count(*)',
  ...Object.fromEntries(
    CASUALTY_CATEGORIES.flatMap((c) => [
      [`killedLow_${c}`, `coalesce(sum(killed_${c}_low), 0)`],
      [`killedHigh_${c}`, `coalesce(sum(coalesce(killed_${c}_high, killed_${c}_low)), 0)`],
      [`injuredLow_${c}`, `coalesce(sum(injured_${c}_low), 0)`],
      [`injuredHigh_${c}`, `coalesce(sum(coalesce(injured_${c}_high, injured_${c}_low)), 0)`],
    ]),
  ),
  withHigh: `count(*) FILTER (WHERE ${anyHigh})`,
  crossBorderYes: `count(*) FILTER (WHERE cross_border = 'yes')`,
  crossBorderNo: `count(*) FILTER (WHERE cross_border = 'no')`,
  foreignYes: `count(*) FILTER (WHERE foreign_nationals = 'yes')`,
  foreignNo: `count(*) FILTER (WHERE foreign_nationals = 'no')`,
  ...Object.fromEntries(
    CASUALTY_CATEGORIES.flatMap((c) => [
      [`killedMissing_${c}`, `count(*) FILTER (WHERE killed_${c}_low IS NULL)`],
      [`injuredMissing_${c}`, `count(*) FILTER (WHERE injured_${c}_low IS NULL)`],
    ]),
  ),
  killedMissing: sideMissing('killed'),
  injuredMissing: sideMissing('injured'),
} as Record<IncidentMeasure, string>;

const OUTCOMES = ['militantsKilled', 'militantsArrested', 'securityKilled', 'securityInjured'] as const;
/** Each operation measure as SQL over raw rows (core/rollup's operationContribution). */
export const OPERATION_MEASURE_SQL = {
  records: 'count(*)',
  operations: 'sum("count")',
  ...Object.fromEntries(OUTCOMES.map((m) => [m, `coalesce(sum(${OPERATION_MEASURE_COLUMNS[m]}), 0)`])),
  ...Object.fromEntries(
    OUTCOMES.map((m) => [`${m}Missing`, `count(*) FILTER (WHERE ${OPERATION_MEASURE_COLUMNS[m]} IS NULL)`]),
  ),
} as Record<OperationMeasure, string>;

/** Column list and expression list of a rebuild's INSERT … SELECT, in the same order. */
const columnsAndSql = <M extends string>(columns: Record<M, string>, exprs: Record<M, string>) => {
  const measures = Object.keys(columns) as M[];
  return { columns: measures.map((m) => columns[m]).join(', '), exprs: measures.map((m) => exprs[m]).join(', ') };
};
const incidentInsert = columnsAndSql(INCIDENT_MEASURE_COLUMNS, INCIDENT_MEASURE_SQL);
const operationInsert = columnsAndSql(OPERATION_MEASURE_COLUMNS, OPERATION_MEASURE_SQL);
/** Each measure's column with its SQL over raw rows, for a bulk write's own contribution (db/rollups/from-rows.ts). */
const columnPairs = <M extends string>(columns: Record<M, string>, exprs: Record<M, string>): [string, string][] =>
  (Object.keys(columns) as M[]).map((m) => [columns[m], exprs[m]]);
export const incidentColumns = columnPairs(INCIDENT_MEASURE_COLUMNS, INCIDENT_MEASURE_SQL);
export const operationColumns = columnPairs(OPERATION_MEASURE_COLUMNS, OPERATION_MEASURE_SQL);

const grainStartSql = (day: string) =>
  `CASE grain WHEN 'day' THEN ${day} WHEN 'week' THEN date_trunc('week', ${day}::timestamp)::date ELSE date_trunc('month', ${day}::timestamp)::date END`;
const NARROW_KEY: Record<string, string> = {
  all: `''`,
  type: 'type',
  province: 'province',
  group: 'group_key',
  target: 'target_type',
};

/**
 * The narrow rollups as projections of the daily cubes (core/rollup/narrow-rollups.ts): the same
 * statements fill them in migration 0002 for databases that already hold data.
 */
/**
 * The narrow rollup rows (columns, then the SELECT) projected from cube rows in `source` (a table
 * or a CTE with the daily cube's columns): a rebuild reads the whole cube, a bulk write only its
 * own contribution (db/rollups/from-rows.ts).
 */
export function narrowIncidentProjection(source: string): { columns: string[]; select: string } {
  const im = Object.values(INCIDENT_MEASURE_COLUMNS);
  const pairs = NARROW_DIMS.flatMap((d) => NARROW_GRAINS[d].map((g) => `('${d}', '${g}')`)).join(', ');
  const keyCase = `CASE dim ${Object.entries(NARROW_KEY)
    .map(([d, col]) => `WHEN '${d}' THEN ${col}`)
    .join(' ')} END`;
  const byType = INCIDENT_TYPES.map((t) => [
    BY_TYPE_MEASURE_COLUMNS[`byType_${t}`],
    `sum(CASE WHEN type = '${t}' THEN ${INCIDENT_MEASURE_COLUMNS.incidents} ELSE 0 END)`,
  ]);
  return {
    columns: ['dim', 'grain', 'start', 'key', ...im, ...byType.map(([c]) => c!)],
    select: `SELECT dim, grain, ${grainStartSql('day')}, ${keyCase}, ${[...im.map((m) => `sum(${m})`), ...byType.map(([, e]) => e)].join(', ')}
      FROM ${source} CROSS JOIN (VALUES ${pairs}) AS p(dim, grain)
      WHERE category IN (${MILITANT_CATEGORIES.map((c) => `'${c}'`).join(', ')}) GROUP BY 1, 2, 3, 4`,
  };
}

export function narrowOperationProjection(source: string): { columns: string[]; select: string } {
  const om = Object.values(OPERATION_MEASURE_COLUMNS);
  return {
    columns: ['grain', 'start', ...om],
    select: `SELECT grain, ${grainStartSql('day')}, ${om.map((m) => `sum(${m})`).join(', ')}
      FROM ${source} CROSS JOIN (VALUES ('day'), ('week'), ('month')) AS p(grain) GROUP BY 1, 2`,
  };
}

export function narrowRollupStatements(): string[] {
  const incident = narrowIncidentProjection('incident_rollup_daily');
  const operation = narrowOperationProjection('operation_rollup_daily');
  return [
    `INSERT INTO incident_rollup_narrow (${incident.columns.join(', ')})
      ${incident.select}`,
    `INSERT INTO operation_rollup_narrow (${operation.columns.join(', ')})
      ${operation.select}`,
  ];
}

/** The daily cube key of each table, as SQL over its raw rows in `zone` (a literal). */
export const incidentCubeKey = (zone: string): [string, string][] => [
  ['day', `(occurred_at AT TIME ZONE ${zone})::date`],
  ['country', 'country'],
  ['province', 'province'],
  ['group_key', GROUP_CELL_KEY_SQL],
  ['type', 'type'],
  ['category', 'category'],
  ['target_type', 'target_type'],
  ['verification', 'verification'],
];
export const operationCubeKey = (zone: string): [string, string][] => [
  ['day', `(occurred_at AT TIME ZONE ${zone})::date`],
  ['country', 'country'],
  ['province', `coalesce(province, '')`],
  ['kind', 'kind'],
  ['group_key', GROUP_CELL_KEY_SQL],
  ['verification', 'verification'],
];

/**
 * Records known to the day, week or month are stored at the start of their local day
 * (docs/adr/0014): moving to another zone moves them to the start of the same date there.
 */
export function reanchorStatements(fromZone: string, toZone: string): string[] {
  if (fromZone === toZone) return [];
  const [from, to] = [zoneLiteral(fromZone), zoneLiteral(toZone)];
  return ['incidents', 'operations'].map(
    (t) =>
      `UPDATE ${t} SET occurred_at = ((occurred_at AT TIME ZONE ${from})::date)::timestamp AT TIME ZONE ${to} WHERE time_precision <> 'exact'`,
  );
}

/** Every statement of a rebuild in `zone` (migrations embed their output for existing databases). */
export function rebuildStatements(zone: string): string[] {
  const z = zoneLiteral(zone);
  return [
    `TRUNCATE incident_rollup_daily, operation_rollup_daily, incident_rollup_narrow, operation_rollup_narrow`,
    `INSERT INTO incident_rollup_daily (day, country, province, group_key, type, category, target_type, verification, ${incidentInsert.columns})
        SELECT (occurred_at AT TIME ZONE ${z})::date, country, province, ${GROUP_CELL_KEY_SQL}, type, category, target_type, verification,
          ${incidentInsert.exprs}
        FROM incidents WHERE retracted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    `INSERT INTO operation_rollup_daily (day, country, province, kind, group_key, verification, ${operationInsert.columns})
        SELECT (occurred_at AT TIME ZONE ${z})::date, country, coalesce(province, ''), kind, ${GROUP_CELL_KEY_SQL}, verification,
          ${operationInsert.exprs}
        FROM operations WHERE retracted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6`,
    ...narrowRollupStatements(),
    `INSERT INTO rollup_state (id, zone) VALUES (1, ${z}) ON CONFLICT (id) DO UPDATE SET zone = excluded.zone`,
  ];
}

/** Recomputes the rollups in `zone` (REPORT_TIMEZONE), moving day-precision records to its days first. */
export async function rebuildRollups(
  db: Db,
  zone: string,
): Promise<{ incidentCells: number; operationCells: number; previousZone: string | null }> {
  const previousZone = await readRollupZone(db);
  return db.transaction(async (tx) => {
    for (const statement of [...reanchorStatements(previousZone ?? zone, zone), ...rebuildStatements(zone)])
      await tx.execute(sql.raw(statement));
    const count = async (t: string) => {
      const r = (await tx.execute(sql.raw(`select count(*)::int as n from ${t}`))) as unknown;
      const rows = resultRows<{ n: number }>(r);
      return Number(rows[0]?.n ?? 0);
    };
    return {
      incidentCells: await count('incident_rollup_daily'),
      operationCells: await count('operation_rollup_daily'),
      previousZone,
    };
  });
}
