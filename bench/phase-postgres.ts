/**
 * The PostgreSQL measurements, in an order that keeps them independent (the first start runs
 * before them, on a quiet machine: runFirstStartStep): read-only aggregates
 * first (on the generated data as loaded), then live fan-out, ingest, capacity, the reconnect
 * storm, failover behind nginx and the page, each with the server processes it needs, stopped
 * before the next.
 */
import postgres from 'postgres';
import { failed, type BenchResult } from './result';
import type { BenchArgs } from './scale';
import { wants } from './scale';
import { freePort, startServerProcess, type ServerProcess } from './server-process';
import { measureAggregates, timeRaw, AGGREGATE_TARGET } from './measure-aggregates';
import { AGGREGATE_CASES } from './aggregate-queries';
import { IncidentSource, readGroupIds } from './api-writer';
import { DEFAULT_BENCH_URL, createOperatorToken, openBenchDatabase } from './bench-db';
import { measureAcled } from './measure-acled';
import { measureMemory } from './measure-capacity';
import { measureIngestApi } from './measure-ingest';
import { measureLive } from './measure-live';
import { measurePage } from './measure-page';
import { measureFirstStart } from './measure-startup';
import { measureReconnectStorm } from './measure-storm';
import { measureFailover } from './measure-failover';
import { cpuMeter } from './cpu-time';
import { loadAverage, settle } from './load-average';

export interface PhaseContext {
  args: BenchArgs;
  url: string;
  log(m: string): void;
}

type Step = { names: { name: string; unit: string; target: string }[]; run: () => Promise<BenchResult[]> };

/** Runs a step; if it throws, each of its measurements is recorded as failed with the reason. */
async function step(ctx: Pick<PhaseContext, 'args' | 'log'>, s: Step): Promise<BenchResult[]> {
  const wanted = s.names.filter((n) => wants(ctx.args, n.name));
  if (wanted.length === 0) return [];
  try {
    ctx.log(`  before the step: ${await settle()} (load ${loadAverage()})`);
    // The load average beside each figure, as the step ended (a step may give its own, closer one).
    return (await s.run()).map((r) => ({ ...r, details: { loadAverage: loadAverage(), ...r.details } }));
  } catch (err) {
    ctx.log(`  failed: ${(err as Error).stack ?? String(err)}`);
    return wanted.map((n) => failed(n.name, n.unit, n.target, err));
  }
}

/**
 * startup.firstStart, run before anything else: a first start follows `npm install` on a machine
 * that is otherwise quiet, not the 1M-row generation or an import whose autovacuum and lingering
 * processes still hold the cores (at the end of the run, load 3.5–4.5, it measured 33.7 s where
 * the same code takes 23–25 s alone). Its build is the one page.* measures later.
 */
export async function runFirstStartStep(ctx: Pick<PhaseContext, 'args' | 'log'>): Promise<BenchResult[]> {
  return step(ctx, {
    names: [{ name: 'startup.firstStart', unit: 's', target: '≤ 30 s' }],
    run: async () => {
      ctx.log('first start: `npm start` without a build, on a new embedded database');
      return [await measureFirstStart({ log: ctx.log })];
    },
  });
}

export async function runPostgresPhase(ctx: PhaseContext): Promise<BenchResult[]> {
  const { args, url, log } = ctx;
  const sc = args.scale;
  const results: BenchResult[] = [];
  let server: ServerProcess | null = null;
  const sql = postgres(url, { max: 2, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  const database = await openBenchDatabase({ url });
  try {
    const token = await createOperatorToken(database);
    const source = new IncidentSource(await readGroupIds(database), args.scale.name);
    const api = async () => (server ??= await startServerProcess({ port: await freePort(), databaseUrl: url }));
    const add = async (s: Step) => results.push(...(await step(ctx, s)));

    await add({
      names: AGGREGATE_CASES.map((c) => ({ name: c.name, unit: 'ms', target: c.information ?? AGGREGATE_TARGET })),
      run: async () => {
        log('aggregates over HTTP vs raw GROUP BY');
        const s = await api();
        return measureAggregates(
          {
            serverUrl: s.url,
            baseline: (c) => timeRaw(c, sc.aggregates.baselineRuns, (text) => sql.unsafe(text)),
            warmup: sc.aggregates.warmup,
            requests: sc.aggregates.requests,
            log,
          },
          (name) => wants(args, name),
        );
      },
    });
    await add({
      names: [
        ...['live.latency', 'live.latency.large'].flatMap((base) =>
          [base, `${base}.oneProcess`].flatMap((name) => [
            { name, unit: 'ms', target: 'p99 ≤ 1.5× bare' },
            { name: name.replace('live.latency', 'live.delivery'), unit: 'ms', target: 'commit → client' },
          ]),
        ),
        { name: 'write.latency', unit: 'ms', target: 'POST p50 ≤ 10 ms, p99 ≤ 40 ms' },
        { name: 'live.burst', unit: 'ms', target: 'all delivered in order' },
      ],
      run: async () => {
        log(`live fan-out: ${sc.live.clients.join(' and ')} clients, in processes and in one`);
        return measureLive(
          { databaseUrl: url, token, source, perProcess: sc.clientsPerProcess, log, ...sc.live },
          (name) => wants(args, name),
        );
      },
    });
    await add({
      names: [{ name: 'ingest.api', unit: 'rows/s', target: '≥ 1,000 rows/s' }],
      run: async () => {
        log(
          `API ingest, batch: ${sc.ingest.writers} writers, ${sc.ingest.batchRows} rows, ${sc.ingest.batchItems} per request`,
        );
        const s = await api();
        const dbName = new URL(url).pathname.slice(1);
        return [
          await measureIngestApi({
            serverUrl: s.url,
            token,
            source,
            writers: sc.ingest.writers,
            rows: sc.ingest.batchRows,
            batch: sc.ingest.batchItems,
            cpu: () => cpuMeter(s.pid, sql, dbName),
            log,
          }),
        ];
      },
    });
    await add({
      names: [{ name: 'ingest.api.single', unit: 'rows/s', target: '≥ 400 rows/s' }],
      run: async () => {
        log(`API ingest, single creates: ${sc.ingest.writers} writers, ${sc.ingest.apiRows} rows`);
        const s = await api();
        const dbName = new URL(url).pathname.slice(1);
        return [
          await measureIngestApi({
            serverUrl: s.url,
            token,
            source,
            writers: sc.ingest.writers,
            rows: sc.ingest.apiRows,
            cpu: () => cpuMeter(s.pid, sql, dbName),
            log,
          }),
        ];
      },
    });
    if (server) await (server as ServerProcess).stop();
    server = null;
    await add({
      names: [{ name: 'live.memoryPerClient', unit: 'KB', target: '≤ 20 KB' }],
      run: async () => {
        log(`memory per client: ${sc.memory.clients} websocket clients`);
        return [
          await measureMemory({
            databaseUrl: url,
            clients: sc.memory.clients,
            perProcess: sc.clientsPerProcess * 2,
            log,
          }),
        ];
      },
    });
    await add({
      names: [{ name: 'live.reconnectStorm', unit: 'ms', target: 'p95 ≤ 5 s, 100 %' }],
      run: async () => {
        log(`reconnect storm: ${sc.storm.clients} clients, node A restarts, writes on node B`);
        return [
          await measureReconnectStorm({
            databaseUrl: url,
            token,
            source,
            clients: sc.storm.clients,
            perProcess: sc.clientsPerProcess,
            writeIntervalMs: sc.storm.writeIntervalMs,
            log,
          }),
        ];
      },
    });
    await add({
      names: [{ name: 'live.failover', unit: 'ms', target: 'p95 ≤ 2 s, 100 %' }],
      run: async () => {
        log(`failover: ${sc.failover.clients} clients on A and B behind nginx, A stopped with its drain`);
        return [
          await measureFailover({
            databaseUrl: url,
            token,
            source,
            clients: sc.failover.clients,
            perProcess: sc.clientsPerProcess,
            writeIntervalMs: sc.failover.writeIntervalMs,
            drainMs: sc.failover.drainMs,
            log,
          }),
        ];
      },
    });
    await add({
      names: [{ name: 'ingest.acled', unit: 'rows/s', target: '≥ 5,000 rows/s' }],
      run: async () => {
        log(`ACLED import: ${sc.ingest.acledRows} rows (bench/ingest-acled.ts)`);
        return [
          await measureAcled({
            rows: sc.ingest.acledRows,
            baseUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL,
            log,
          }),
        ];
      },
    });
    await add({
      names: [
        { name: 'page.render', unit: 'ms', target: 'p95 ≤ 150 ms' },
        { name: 'page.firstLoadJs', unit: 'KB', target: '≤ 300 KB' },
      ],
      run: async () => {
        log('page / with the production build');
        return measurePage({ databaseUrl: url, renders: sc.page.renders, log });
      },
    });
  } finally {
    if (server) await (server as ServerProcess).stop();
    await database.close();
    await sql.end({ timeout: 5 });
  }
  return results;
}
