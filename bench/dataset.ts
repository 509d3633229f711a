/**
 * The synthetic bench data set, generated fast and deterministically.
 *
 * 1. The demo generator (core/demo, seeded PRNG) writes ten years of realistic records through the
 *    ordinary verbs: reference groups, ~1,000 incidents a year and the matching operations. These
 *    are the templates, with the demo's distributions (provinces, groups, types, casualties, trend).
 * 2. Set-based SQL multiplies them up to the target size: row g takes its dimensions and figures
 *    from template hash(g, 11) and its day from template hash(g, 13), so the time trend follows the
 *    demo while each day gets a realistic mix of cells (what the rollup cubes' size depends on).
 *    hashint8extended is deterministic, and ids are md5('bench-…' || g), so two runs on the same
 *    day produce the same rows.
 * 3. The change log is not filled for the bulk history: it starts where the demo seeding left it
 *    (a log is the history of writes, and nobody wrote these rows one by one); the rollups are then
 *    recomputed from the raw rows by db/rollups/rebuild.ts, the same command an operator runs after
 *    a restore.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client';
import { createStore } from '../db/store';
import { rebuildRollups } from '../db/rollups/rebuild';
import { seedDemo } from '../core/demo/seed-demo';
import type { Ctx } from '../core/ports';
import { query, scalar } from './sql-rows';

export interface DatasetSize {
  incidents: number;
  operations: number;
  /** Years of demo templates (and of history). */
  years: number;
}

export interface DatasetReport {
  incidents: number;
  operations: number;
  retractedIncidents: number;
  incidentCells: number;
  operationCells: number;
  templates: { incidents: number; operations: number };
  changeLogTop: number;
  seconds: { templates: number; expand: number; rollups: number; analyze: number; total: number };
}

const SEED = 'border-watch-bench';
const CHUNK = 100_000;

/** Expression per column; the rest is copied from the template row `x`. */
function overrides(entity: 'i' | 'o'): Record<string, string> {
  const occ =
    entity === 'i'
      ? `least(CASE WHEN x.time_precision = 'exact' THEN x.bench_day + ((hashint8extended(x.bench_g, 17) % 86400 + 86400) % 86400) * interval '1 second' ELSE x.bench_day END, now() - interval '1 minute')`
      : `least(x.bench_day, now() - interval '1 minute')`;
  // One record in 200 is retracted, so the stats' "not retracted" filters do real work.
  const retracted = `(hashint8extended(x.bench_g, 19) % 200 = 0)`;
  const recorded = `least(${occ} + interval '3 hours', now())`;
  return {
    id: `md5('bench-${entity}-' || x.bench_g)::uuid`,
    occurred_at: occ,
    external_id: 'NULL',
    version: `CASE WHEN ${retracted} THEN 2 ELSE 1 END`,
    created_at: recorded,
    updated_at: recorded,
    created_by: `'system:bench'`,
    updated_by: `'system:bench'`,
    retracted_at: `CASE WHEN ${retracted} THEN ${recorded} END`,
    retracted_by: `CASE WHEN ${retracted} THEN 'system:bench' END`,
    retraction_reason: `CASE WHEN ${retracted} THEN 'bench: duplicate report' END`,
  };
}

async function columns(database: Database, table: string): Promise<string[]> {
  const rows = await query(
    database.db,
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table}' ORDER BY ordinal_position`,
  );
  return rows.map((r) => String(r.column_name));
}

/** Multiplies `table`'s template rows up to `target` rows, in chunks (one statement each). */
async function expand(
  database: Database,
  table: 'incidents' | 'operations',
  target: number,
  log: (m: string) => void,
): Promise<number> {
  const tpl = `bench_tpl_${table}`;
  await query(database.db, `DROP TABLE IF EXISTS ${tpl}`);
  await query(
    database.db,
    `CREATE UNLOGGED TABLE ${tpl} AS SELECT (row_number() OVER (ORDER BY occurred_at, id) - 1)::bigint AS bench_n, * FROM ${table} WHERE retracted_at IS NULL`,
  );
  const t = await scalar(database.db, `SELECT count(*) FROM ${tpl}`);
  const have = await scalar(database.db, `SELECT count(*) FROM ${table}`);
  const cols = await columns(database, table);
  const over = overrides(table === 'incidents' ? 'i' : 'o');
  const exprs = cols.map((c) => over[c] ?? `x.${c}`).join(', ');
  const pick = (salt: number) => `((hashint8extended(g, ${salt}) % ${t}) + ${t}) % ${t}`;
  for (let from = 1; from <= target - have; from += CHUNK) {
    const to = Math.min(target - have, from + CHUNK - 1);
    await query(
      database.db,
      `INSERT INTO ${table} (${cols.join(', ')})
       SELECT ${exprs} FROM (
         SELECT g AS bench_g, a.*, date_trunc('day', d.occurred_at) AS bench_day
         FROM generate_series(${from}, ${to}) AS g
         JOIN ${tpl} a ON a.bench_n = ${pick(11)}
         JOIN ${tpl} d ON d.bench_n = ${pick(13)}
       ) x`,
    );
    log(`  ${table}: ${have + to} / ${target}`);
  }
  await query(database.db, `DROP TABLE ${tpl}`);
  return t;
}

export async function generateDataset(
  database: Database,
  size: DatasetSize,
  log: (m: string) => void = () => {},
): Promise<DatasetReport> {
  const t0 = performance.now();
  const ctx: Ctx = {
    store: createStore(database),
    actor: { id: null, label: 'system:bench', role: 'system' },
    now: () => new Date(),
    newId: () => randomUUID(),
  };
  const seeded = await seedDemo({ ctx, seed: SEED, end: new Date(), years: size.years, batchSize: 1000 });
  log(`  templates: ${seeded.incidents.created} incidents, ${seeded.operations.created} operations`);
  const t1 = performance.now();
  const ti = await expand(database, 'incidents', size.incidents, log);
  const to = await expand(database, 'operations', size.operations, log);
  const t2 = performance.now();
  const cells = await rebuildRollups(database.db, database.reportZone);
  const t3 = performance.now();
  await query(database.db, `ANALYZE`);
  const t4 = performance.now();
  const s = (a: number, b: number) => Math.round((b - a) / 100) / 10;
  return {
    incidents: await scalar(database.db, `SELECT count(*) FROM incidents`),
    operations: await scalar(database.db, `SELECT count(*) FROM operations`),
    retractedIncidents: await scalar(database.db, `SELECT count(*) FROM incidents WHERE retracted_at IS NOT NULL`),
    incidentCells: cells.incidentCells,
    operationCells: cells.operationCells,
    templates: { incidents: ti, operations: to },
    changeLogTop: await scalar(database.db, `SELECT top FROM stream_meta`),
    seconds: { templates: s(t0, t1), expand: s(t1, t2), rollups: s(t2, t3), analyze: s(t3, t4), total: s(t0, t4) },
  };
}
