/**
 * The set-up live.reconnectStorm and live.failover share: nodes A and B on one PostgreSQL (and,
 * for the failover, nginx in front of both), a writer posting one incident every
 * `writeIntervalMs` through one address, a fleet of reconnecting clients on another, and the
 * delivery count over the changes written while node A went away. Everything started here is
 * stopped by `run`, whatever the measurement does.
 */
import { startNginx, type Nginx } from '../tests/support/nginx';
import { postIncident, type IncidentSource } from './api-writer';
import { ClientFleet, type FleetReport } from './client-fleet';
import { nowMs } from './percentiles';
import { freePort, startServerProcess, type ServerProcess } from './server-process';

export interface TwoNodeRun {
  databaseUrl: string;
  token: string;
  source: IncidentSource;
  clients: number;
  perProcess: number;
  writeIntervalMs: number;
  log(m: string): void;
}

export interface TwoNodeOptions {
  /** Environment of both nodes. */
  env?: Record<string, string>;
  /** Put nginx in front of A and B (the writer and the clients then go through it). */
  nginx: boolean;
  /** Where the writer posts and the clients connect, when there is no nginx. */
  writeTo: 'a' | 'b';
  clientsOn: 'a' | 'b';
  /** Prefix of the written records' external ids. */
  tag: string;
}

export interface Delivery {
  range: { from: number; to: number };
  report: FleetReport;
  /** Distinct changes of the range held by every client, out of all written meanwhile. */
  share: number;
  duplicates: number;
  outOfOrder: number;
}

export interface TwoNodes {
  /** Node A, or null while it is stopped. */
  a: ServerProcess | null;
  readonly b: ServerProcess;
  readonly fleet: ClientFleet;
  readonly env: Record<string, string>;
  /** Statuses of the writes that were refused. */
  readonly refused: number[];
  /** The last seq written so far (0 before any). */
  lastSeq(): number;
  /** Stops the writer, waits for the stream to settle and counts what every client holds after `firstSeq`. */
  finish(firstSeq: number): Promise<Delivery>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The changes `report` holds, judged against the `range` it was asked for. */
function delivery(report: FleetReport, range: { from: number; to: number }, clients: number): Delivery {
  const expected = (range.to - range.from + 1) * clients;
  const delivered = report.clients.reduce((s, c) => s + c.inRange, 0);
  return {
    range,
    report,
    share: expected > 0 ? delivered / expected : 0,
    duplicates: report.clients.reduce((s, c) => s + c.duplicates, 0),
    outOfOrder: report.clients.reduce((s, c) => s + c.outOfOrder, 0),
  };
}

export async function withTwoNodes<T>(
  run: TwoNodeRun,
  options: TwoNodeOptions,
  measure: (nodes: TwoNodes) => Promise<T>,
): Promise<T> {
  const env = options.env ?? {};
  const [a, b] = await Promise.all([
    freePort().then((port) => startServerProcess({ port, databaseUrl: run.databaseUrl, env })),
    freePort().then((port) => startServerProcess({ port, databaseUrl: run.databaseUrl, env })),
  ]);
  let lb: Nginx | null = null;
  let fleet: ClientFleet | null = null;
  const seqs: number[] = [];
  const refused: number[] = [];
  let writing = false;
  let writer: Promise<void> = Promise.resolve();
  const nodes = { a: a as ServerProcess | null };
  try {
    if (options.nginx) lb = await startNginx([a.port, b.port]);
    const url = (which: 'a' | 'b') => lb?.url ?? (which === 'a' ? a.url : b.url);
    const writeUrl = url(options.writeTo);
    writing = true;
    writer = (async () => {
      for (let i = 0; writing; i++) {
        const t = nowMs();
        const r = await postIncident(writeUrl, run.token, run.source.next(`${options.tag}-${i}`));
        if (r.change) seqs.push(r.change.seq);
        else refused.push(r.status);
        await sleep(Math.max(0, run.writeIntervalMs - (nowMs() - t)));
      }
    })();
    fleet = await ClientFleet.connect(url(options.clientsOn), run.clients, {
      perProcess: run.perProcess,
      reconnection: true,
      timeoutMs: 120_000,
    });
    const theFleet = fleet;
    const lastSeq = () => seqs[seqs.length - 1] ?? 0;
    return await measure(
      Object.assign(nodes, {
        b,
        fleet: theFleet,
        env,
        refused,
        lastSeq,
        async finish(firstSeq: number): Promise<Delivery> {
          writing = false;
          await writer;
          await sleep(2000);
          const range = { from: firstSeq + 1, to: Math.max(firstSeq, lastSeq()) };
          return delivery(await theFleet.report({ range }), range, run.clients);
        },
      }),
    );
  } finally {
    writing = false;
    await writer.catch(() => undefined);
    await fleet?.close();
    await lb?.stop();
    if (nodes.a) await nodes.a.stop();
    await b.stop();
  }
}
