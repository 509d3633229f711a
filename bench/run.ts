/**
 * `npm run bench` (`-- --scale small` for a quick run): generates the synthetic data set on a fresh
 * PostgreSQL database (BENCH_DATABASE_URL's server, loopback only) and on PGlite, starts the app as
 * separate processes, measures every item of issue 6 against its in-run baseline, writes
 * bench/results/latest.json and the table in bench/RESULTS.md, and cleans up after itself.
 *
 * Development flags: `--only aggregates,live.latency` (prefixes), `--reuse <postgres url>` (an
 * existing bench database: no generation, not dropped), `--keep` (do not drop), `--skip-pglite`.
 */
import { DEFAULT_BENCH_URL, createBenchPostgres, openBenchDatabase, type BenchPostgres } from './bench-db';
import { installCleanup, stopAll } from './children';
import { generateDataset, type DatasetReport } from './dataset';
import { machineInfo, writeReport } from './report';
import { parseArgs, wants } from './scale';
import { scalar } from './sql-rows';
import type { BenchResult } from './result';
import { runFirstStartStep, runPostgresPhase } from './phase-postgres';
import { runPglitePhase } from './phase-pglite';

const args = parseArgs(process.argv.slice(2));
const started = Date.now();
const startedAt = new Date(started).toISOString();
const log = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${m}`);

let pg: BenchPostgres | null = null;
const cleanup = async () => {
  if (pg && !args.keep)
    await pg.drop().catch((e: unknown) => console.error(`could not drop ${pg?.name}: ${String(e)}`));
};
installCleanup(cleanup);

// A hard stop: whatever hangs, the bench ends (the default scale budget is 20 minutes).
const budgetMs = args.scale.name === 'default' ? 30 * 60_000 : 10 * 60_000;
const watchdog = setTimeout(() => {
  console.error(`bench: over ${budgetMs / 60_000} minutes, giving up`);
  void stopAll()
    .then(cleanup)
    .finally(() => process.exit(2));
}, budgetMs);
watchdog.unref();

let exitCode = 0;
try {
  const base = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
  log(`scale ${args.scale.name}; PostgreSQL server ${new URL(base).host}`);
  const firstStart = await runFirstStartStep({ args, log });
  let url: string;
  if (args.reuseUrl) url = args.reuseUrl;
  else {
    pg = await createBenchPostgres(base);
    url = pg.url;
    log(`created database ${pg.name}`);
  }
  const database = await openBenchDatabase({ url });
  let dataset: DatasetReport | null = null;
  if (!args.reuseUrl) {
    log(
      `generating ${args.scale.postgres.incidents} incidents and ${args.scale.postgres.operations} operation records`,
    );
    dataset = await generateDataset(database, args.scale.postgres, (m) => log(m));
    log(`data set ready in ${dataset.seconds.total} s: ${dataset.incidentCells} incident rollup cells`);
  }
  const pgVersion = await scalar(database.db, `SELECT current_setting('server_version_num')::int`);
  await database.close();

  const results: BenchResult[] = [...firstStart, ...(await runPostgresPhase({ args, url, log }))];
  const pglite = args.skipPglite || (args.only && !wants(args, 'pglite')) ? null : await runPglitePhase({ args, log });

  const finished = Date.now();
  const { json, markdown } = await writeReport({
    machine: machineInfo({ postgresVersion: pgVersion }),
    startedAt,
    finishedAt: new Date(finished).toISOString(),
    durationSeconds: Math.round((finished - started) / 1000),
    scale: { ...args.scale },
    results,
    pglite,
    dataset: dataset ? { ...dataset } : null,
  });
  log(`wrote ${json} and ${markdown}`);
  for (const r of results)
    log(
      `${r.information ? 'info   ' : r.met ? 'met    ' : 'NOT MET'} ${r.name}: ${r.value ?? '–'} ${r.unit}${r.ratio !== null ? ` (ratio ${r.ratio})` : ''}`,
    );
} catch (err) {
  console.error('bench failed:', err);
  exitCode = 1;
} finally {
  await stopAll();
  await cleanup();
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
}
process.exit(exitCode);
