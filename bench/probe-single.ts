/**
 * A quick probe of single creates (ingest.api.single and the single create's latency), for
 * development: `npx tsx bench/probe-single.ts <postgres url> [--rows 800] [--paced 100]
 * [--seed 50000] [--cpu-prof dir]`. Starts the API server as the bench does (bench/server-process.ts)
 * on an existing database (migrated here, reference data and an operator token added), then
 * measures (a) rows/s with 16 writers each sending one POST /api/incidents at a time and (b) the
 * POST latency of one writer at 10 writes/s. `--seed N` first generates N incidents with the
 * bench's data set generator when the database has fewer. Prints the load average beside each.
 */
import { loadavg } from 'node:os';
import postgres from 'postgres';
import { createOperatorToken, openBenchDatabase } from './bench-db';
import { IncidentSource, postIncident, readGroupIds } from './api-writer';
import { generateDataset } from './dataset';
import { cpuMeter } from './cpu-time';
import { distribution, nowMs, round } from './percentiles';
import { freePort, startServerProcess } from './server-process';
import { scalar } from './sql-rows';
import { ensureReferenceData } from '../db/ensure-reference-data';

const argv = process.argv.slice(2);
const url = argv[0];
if (!url?.startsWith('postgres')) throw new Error('usage: probe-single.ts <postgres url> [--rows N] [--paced N]');
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const profDir = argv.includes('--cpu-prof') ? argv[argv.indexOf('--cpu-prof') + 1] : undefined;
const rows = opt('rows', 800);
const paced = opt('paced', 100);
const seed = opt('seed', 0);
const writers = 16;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const database = await openBenchDatabase({ url });
await ensureReferenceData(database);
const have = Number(await scalar(database.db, 'SELECT count(*) FROM incidents'));
if (seed > have) {
  console.log(`generating ${seed} incidents`);
  await generateDataset(database, { incidents: seed, operations: Math.round(seed / 5), years: 3 }, console.log);
}
const token = await createOperatorToken(database);
const source = new IncidentSource(await readGroupIds(database), `probe-${Date.now()}`);
await database.close();

const server = await startServerProcess({
  port: await freePort(),
  databaseUrl: url,
  nodeArgs: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
});
const sql = postgres(url, { max: 1, onnotice: () => {} });
const dbName = new URL(url).pathname.slice(1);
const tag = Date.now().toString(36);
try {
  for (let i = 0; i < 30; i++) await postIncident(server.url, token, source.next(`probe-warm-${tag}-${i}`));

  // (a) 16 writers, single creates.
  const inputs = Array.from({ length: rows }, (_, i) => source.next(`probe-${tag}-${i}`));
  const ms: number[] = [];
  const refused = new Map<number, number>();
  let next = 0;
  let created = 0;
  const loadA = load();
  const meter = await cpuMeter(server.pid, sql, dbName);
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < inputs.length) {
        const r = await postIncident(server.url, token, inputs[next++]!);
        ms.push(r.ms);
        if (r.change) created++;
        else refused.set(r.status, (refused.get(r.status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = nowMs() - t0;
  const cpu = await meter();
  const d = distribution(ms);
  console.log(
    `(a) ${writers} writers: ${created} rows in ${round(elapsed)} ms = ${round((created / elapsed) * 1000)} rows/s; ` +
      `POST p50 ${round(d.p50)} p99 ${round(d.p99)} ms; CPU server ${round(cpu.server)} s + postgres ${round(cpu.postgres)} s ` +
      `(${round(((cpu.server + cpu.postgres) * 1000) / Math.max(1, created))} ms per row); refused ${JSON.stringify(Object.fromEntries(refused))}; ` +
      `load ${loadA} → ${load()}`,
  );

  // (b) one writer at 10 writes/s.
  const lat: number[] = [];
  const loadB = load();
  const meterB = await cpuMeter(server.pid, sql, dbName);
  const start = nowMs();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < paced; i++) {
    const due = start + i * 100;
    const wait = due - nowMs();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      postIncident(server.url, token, source.next(`probe-paced-${tag}-${i}`)).then((r) => {
        if (!r.change) throw new Error(`paced POST answered ${r.status}`);
        lat.push(r.ms);
      }),
    );
  }
  await Promise.all(pending);
  const cpuB = await meterB();
  const e = distribution(lat);
  console.log(
    `(b) 10 writes/s, ${paced} POSTs: p50 ${round(e.p50)} p95 ${round(e.p95)} p99 ${round(e.p99)} max ${round(Math.max(...lat))} ms; ` +
      `CPU per POST server ${round((cpuB.server * 1000) / paced)} ms + postgres ${round((cpuB.postgres * 1000) / paced)} ms; load ${loadB} → ${load()}`,
  );
} finally {
  await sql.end();
  await server.stop();
}
