/**
 * The embedded database at its smaller scale: the same data generator on a PGlite data directory,
 * the raw GROUP BY baselines run in this process (PGlite is one process per directory, so before
 * the server opens it), then the aggregates over HTTP and API ingest against a server on it.
 */
import { sql } from 'drizzle-orm';
import { AGGREGATE_CASES } from './aggregate-queries';
import { IncidentSource, readGroupIds } from './api-writer';
import { createOperatorToken, createPgliteDir, openBenchDatabase } from './bench-db';
import { generateDataset } from './dataset';
import { measureAggregates, timeRaw } from './measure-aggregates';
import { measureIngestApi } from './measure-ingest';
import type { BenchResult } from './result';
import type { BenchArgs } from './scale';
import { freePort, startServerProcess, type ServerProcess } from './server-process';

export async function runPglitePhase(ctx: {
  args: BenchArgs;
  log(m: string): void;
}): Promise<{ scale: Record<string, unknown>; results: BenchResult[] } | null> {
  const { args, log } = ctx;
  const sc = args.scale;
  const dir = createPgliteDir();
  let server: ServerProcess | null = null;
  try {
    log(`PGlite: generating ${sc.pglite.incidents} incidents in ${dir.dir}`);
    const database = await openBenchDatabase({ dataDir: dir.dir });
    const baselines = new Map<string, number[]>();
    let token: string;
    let source: IncidentSource;
    try {
      const report = await generateDataset(database, sc.pglite, (m) => log(m));
      log(`PGlite data set ready in ${report.seconds.total} s; raw GROUP BY baselines`);
      for (const c of AGGREGATE_CASES)
        baselines.set(
          c.name,
          await timeRaw(c, sc.aggregates.pgliteBaselineRuns, (text) => database.db.execute(sql.raw(text))),
        );
      token = await createOperatorToken(database);
      source = new IncidentSource(await readGroupIds(database), `pglite-${sc.name}`);
    } finally {
      await database.close();
    }
    server = await startServerProcess({ port: await freePort(), dataDir: dir.dir });
    const results = await measureAggregates(
      {
        serverUrl: server.url,
        baseline: async (c) => baselines.get(c.name) ?? [],
        warmup: sc.aggregates.warmup,
        requests: sc.aggregates.pgliteRequests,
        prefix: 'pglite.',
        log,
      },
      () => true,
    );
    results.push(
      await measureIngestApi({
        serverUrl: server.url,
        token,
        source,
        writers: sc.ingest.writers,
        rows: Math.min(sc.ingest.batchRows, 5000),
        batch: sc.ingest.batchItems,
        name: 'pglite.ingest.api',
        log,
      }),
      await measureIngestApi({
        serverUrl: server.url,
        token,
        source,
        writers: sc.ingest.writers,
        rows: Math.min(sc.ingest.apiRows, 1000),
        name: 'pglite.ingest.api.single',
        log,
      }),
    );
    // The targets are set for PostgreSQL at 1M incidents: here they are information, not verdicts.
    return {
      scale: { ...sc.pglite },
      results: results.map((r) => ({
        ...r,
        met: false,
        target: `information (targets are for PostgreSQL at 1M): ${r.target}`,
      })),
    };
  } catch (err) {
    log(`PGlite phase failed: ${(err as Error).stack ?? String(err)}`);
    return { scale: { ...sc.pglite, failed: (err as Error).message }, results: [] };
  } finally {
    if (server) await server.stop();
    dir.remove();
  }
}
