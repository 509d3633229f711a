/**
 * ACLED ingest rate on PostgreSQL (issue 6, `ingest.acled`, target ≥ 5,000 rows/s): generates a
 * deterministic ACLED-shaped CSV (current 31-column layout), imports it into a fresh database through
 * the same path as the API and the CLI (the import verb, core/import/import-verb.ts), and prints rows/s.
 *
 *   npx tsx bench/ingest-acled.ts [--rows 20000] [--batch 500] [--order date|random]
 *   (BENCH_DATABASE_URL, default local)
 *
 * Three passes, each timed from the first byte read to the report: a first import (every row new),
 * a re-import of the same file (every row matched and unchanged) and a re-import of a corrected
 * release (a tenth of the rows rewritten, set-based). Each pass also reports the CPU
 * seconds of this process and of the database server, whose sum gives the rate on an idle machine:
 * the wall-clock figure on a shared machine mostly measures the neighbours. The last stdout line is JSON.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { stringify } from 'csv-stringify/sync';
import type { ImportReport } from '../core/import/import-report';
import { seedReference } from '../core/seed/seed-reference';
import { openDatabase, type Database } from '../db/client';
import { ensureStream } from '../db/change-log';
import { createWriteContext } from '../db/write-context';

const TARGET_ROWS_PER_S = 5000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'.split(
    ',',
  );
const PLACES: [string, string, number, number][] = [
  ['Khyber Pakhtunkhwa', 'Peshawar', 34.01, 71.58],
  ['Khyber Pakhtunkhwa', 'Bannu', 32.99, 70.6],
  ['Khyber Pakhtunkhwa', 'North Waziristan', 32.99, 70.1],
  ['Khyber Pakhtunkhwa', 'Bajaur', 34.7, 71.5],
  ['Balochistan', 'Quetta', 30.18, 66.99],
  ['Balochistan', 'Kech', 26.0, 63.05],
  ['Sindh', 'Karachi', 24.86, 67.0],
  ['Punjab', 'Lahore', 31.55, 74.34],
  ['Islamabad Capital Territory', 'Islamabad', 33.69, 73.05],
];
const EVENTS: [string, string][] = [
  ['Battles', 'Armed clash'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Explosions/Remote violence', 'Suicide bomb'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Violence against civilians', 'Attack'],
  ['Violence against civilians', 'Abduction/forced disappearance'],
];
const ACTORS: [string, number][] = [
  ['TTP: Tehrik-i-Taliban Pakistan', 2],
  ['BLA: Balochistan Liberation Army', 2],
  ['Unidentified Armed Group (Pakistan)', 3],
  ['Islamic State Khorasan Province', 2],
];
const TARGETS: [string, number][] = [
  ['Military Forces of Pakistan (2018-)', 1],
  ['Police Forces of Pakistan (2018-)', 1],
  ['Civilians (Pakistan)', 7],
];

/** A small LCG: the same seed gives the same file on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

/**
 * The CSV text of `rows` events. `corrected`: a later release of the same file in which every
 * tenth event has a revised fatality count (as ACLED revises events after publication).
 * `order`: 'date' lists the events newest first, as ACLED's exports do (a batch then covers a few
 * days, so its rollup cells are shared); 'random' keeps them in generation order over ten years,
 * the worst case for the rollups (nearly every row its own day cells).
 */
export function generateAcledCsv(rows: number, corrected = false, order: 'date' | 'random' = 'date'): string {
  const r = rng(20_240_601);
  const records: string[][] = [];
  const days: number[] = [];
  for (let i = 0; i < rows; i++) {
    const [admin1, admin2, lat, lon] = r.pick(PLACES);
    const [eventType, subEventType] = r.pick(EVENTS);
    const [actor1, inter1] = r.pick(ACTORS);
    const [actor2, inter2] = r.pick(TARGETS);
    const year = 2015 + r.int(10);
    const day = 1 + r.int(28);
    const month = r.int(12);
    const fatalities = r.int(r.next() < 0.1 ? 30 : 4) + (corrected && i % 10 === 0 ? 1 : 0);
    days.push(Date.UTC(year, month, day));
    const notes = `On ${day} ${MONTHS[month]} ${year}, ${actor1.split(':')[0]} militants attacked ${actor2.split(' (')[0]} in ${admin2} district, ${admin1}. ${fatalities} people were reported killed; the attack was reported by local media and officials.`;
    records.push([
      `PAK${100000 + i}`,
      `${day} ${MONTHS[month]} ${year}`,
      String(year),
      String(1 + r.int(2)),
      'Political violence',
      eventType,
      subEventType,
      actor1,
      '',
      String(inter1),
      actor2,
      '',
      String(inter2),
      `${Math.min(inter1, inter2)}${Math.max(inter1, inter2)}`,
      inter2 === 7 ? 'Civilian targeting' : '',
      '586',
      'Southern Asia',
      'Pakistan',
      admin1,
      admin2,
      '',
      admin2,
      (lat + r.next() / 10).toFixed(4),
      (lon + r.next() / 10).toFixed(4),
      String(1 + r.int(3)),
      'Dawn; The Express Tribune',
      'National',
      notes,
      String(fatalities),
      '',
      String(1_700_000_000 + i),
    ]);
  }
  if (order === 'date') {
    const byDate = records.map((_, i) => i).sort((a, b) => days[b]! - days[a]! || a - b);
    return stringify([HEADER, ...byDate.map((i) => records[i]!)]);
  }
  return stringify([HEADER, ...records]);
}

interface Pass {
  name: string;
  seconds: number;
  rowsPerSecond: number;
  /** CPU seconds of this process and of the database's server processes during the pass. */
  cpu: { node: number; postgres: number };
  /** rows / (node + postgres CPU): the rate on an otherwise idle machine, whatever else runs now. */
  cpuBoundRowsPerSecond: number;
  report: Omit<ImportReport, 'errors'> & { errors: number };
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds used so far by the server processes serving `dbName` (a local server: /proc). */
async function postgresCpu(admin: postgres.Sql, dbName: string): Promise<Map<number, number>> {
  const pids = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${dbName}`;
  const out = new Map<number, number>();
  for (const { pid } of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // A backend that ended meanwhile, or a server on another machine: not counted.
    }
  }
  return out;
}

async function timedImport(
  database: Database,
  file: string,
  name: string,
  batchSize: number,
  admin: postgres.Sql,
  dbName: string,
): Promise<Pass> {
  const { ctx, writes } = createWriteContext(database);
  const pgBefore = await postgresCpu(admin, dbName);
  const nodeBefore = process.cpuUsage();
  const started = performance.now();
  const report = await writes.importAcled({
    ctx: ctx({ id: null, label: 'system:bench', role: 'system' }),
    input: createReadStream(file),
    options: { batchSize },
  });
  const seconds = (performance.now() - started) / 1000;
  const nodeUsed = process.cpuUsage(nodeBefore);
  const pgAfter = await postgresCpu(admin, dbName);
  let pg = 0;
  for (const [pid, after] of pgAfter) pg += after - (pgBefore.get(pid) ?? 0);
  const node = (nodeUsed.user + nodeUsed.system) / 1e6;
  const { errors, ...rest } = report;
  return {
    name,
    seconds: Number(seconds.toFixed(3)),
    rowsPerSecond: Math.round(report.rows / seconds),
    cpu: { node: Number(node.toFixed(2)), postgres: Number(pg.toFixed(2)) },
    cpuBoundRowsPerSecond: Math.round(report.rows / (node + pg)),
    report: { ...rest, errors: errors.length },
  };
}

export async function runIngestBench(opts: {
  baseUrl: string;
  rows: number;
  batchSize: number;
  /** Events newest first as ACLED exports them (default), or in generation order (the rollups' worst case). */
  order?: 'date' | 'random';
  log?: (line: string) => void;
}) {
  const order = opts.order ?? 'date';
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(path.join(tmpdir(), 'bw-ingest-'));
  const name = `bw_bench_ingest_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = postgres(opts.baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(opts.baseUrl);
  url.pathname = `/${name}`;
  let database: Database | null = null;
  try {
    const first = path.join(dir, 'acled.csv');
    const changed = path.join(dir, 'acled-corrected.csv');
    writeFileSync(first, generateAcledCsv(opts.rows, false, order));
    writeFileSync(changed, generateAcledCsv(opts.rows, true, order));
    database = await openDatabase({ url: url.toString(), max: 4 });
    await database.migrate();
    await ensureStream(database.db);
    const ctx = createWriteContext(database).ctx({ id: null, label: 'system:seed', role: 'system' });
    await seedReference({ ctx });
    const passes: Pass[] = [];
    for (const [file, label] of [
      [first, 'first import'],
      [first, 're-import, unchanged'],
      [changed, 're-import, a tenth of the rows revised'],
    ] as const) {
      const pass = await timedImport(database, file, label, opts.batchSize, admin, name);
      log(
        `${label}: ${pass.report.rows} rows in ${pass.seconds} s = ${pass.rowsPerSecond} rows/s; CPU node ${pass.cpu.node} s + postgres ${pass.cpu.postgres} s = ` +
          `${pass.cpuBoundRowsPerSecond} rows/s CPU-bound (imported ${pass.report.imported}, updated ${pass.report.updated}, errors ${pass.report.errorCount})`,
      );
      passes.push(pass);
    }
    const value = passes[0]!.rowsPerSecond;
    const load = (await import('node:os')).loadavg()[0]!;
    return {
      name: 'ingest.acled',
      unit: 'rows/s',
      value,
      target: TARGET_ROWS_PER_S,
      met: value >= TARGET_ROWS_PER_S,
      rows: opts.rows,
      batchSize: opts.batchSize,
      order,
      loadAverage: load,
      passes,
    };
  } finally {
    await database?.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (/ingest-acled\.ts$/.test(process.argv[1] ?? '')) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '20000' },
      batch: { type: 'string', default: '500' },
      order: { type: 'string', default: 'date' },
    },
  });
  if (values.order !== 'date' && values.order !== 'random') throw new Error('--order is date or random');
  const baseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const result = await runIngestBench({
    baseUrl,
    rows: Number(values.rows),
    batchSize: Number(values.batch),
    order: values.order,
    log: (l) => console.error(l),
  });
  console.log(JSON.stringify(result));
}
