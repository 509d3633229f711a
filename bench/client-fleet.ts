/**
 * The bench's side of the client fleets: N socket clients spread over processes of at most
 * `perProcess` each (separate from the server, and able to use the second core), driven over IPC.
 */
import type { ChildProcess } from 'node:child_process';
import { forkTs, stopChild } from './children';
import type { ClientReport, FleetCommand, FleetReply } from './fleet-protocol';

export interface FleetReport {
  clients: ClientReport[];
  receipts: Map<string, number[]>;
}

function request<T extends FleetReply['type']>(
  child: ChildProcess,
  cmd: FleetCommand | null,
  reply: T,
  timeoutMs: number,
): Promise<Extract<FleetReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`client fleet did not answer "${reply}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (msg: FleetReply) => {
      if (msg.type !== reply) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(msg as Extract<FleetReply, { type: T }>);
    };
    child.on('message', onMessage);
    if (cmd) child.send(cmd);
  });
}

export class ClientFleet {
  private constructor(private readonly procs: ChildProcess[]) {}

  /** Forks the processes and connects `count` clients; resolves once each got its hello. */
  static async connect(
    url: string,
    count: number,
    opts: { perProcess: number; reconnection?: boolean; recordMarkers?: boolean; timeoutMs?: number },
  ): Promise<ClientFleet> {
    const n = Math.max(1, Math.ceil(count / opts.perProcess));
    const procs: ChildProcess[] = [];
    for (let i = 0; i < n; i++) {
      const child = forkTs('bench/clients.ts');
      procs.push(child);
      await request(child, null, 'started', 30_000);
    }
    const fleet = new ClientFleet(procs);
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const sizes = procs.map((_, i) => Math.floor(count / n) + (i < count % n ? 1 : 0));
    const replies = await Promise.all(
      procs.map((p, i) =>
        request(
          p,
          {
            type: 'connect',
            url,
            count: sizes[i]!,
            reconnection: opts.reconnection ?? false,
            recordMarkers: opts.recordMarkers ?? false,
            timeoutMs,
          },
          'connected',
          timeoutMs + 10_000,
        ),
      ),
    );
    const ready = replies.reduce((s, r) => s + r.ready, 0);
    if (ready < count) {
      await fleet.close();
      throw new Error(`only ${ready} of ${count} clients connected within ${timeoutMs} ms`);
    }
    return fleet;
  }

  async report(opts: { range?: { from: number; to: number }; markers?: boolean } = {}): Promise<FleetReport> {
    const replies = await Promise.all(
      this.procs.map((p) =>
        request(p, { type: 'report', range: opts.range ?? null, markers: opts.markers ?? false }, 'report', 60_000),
      ),
    );
    const receipts = new Map<string, number[]>();
    for (const r of replies) {
      for (const [marker, times] of Object.entries(r.receipts)) {
        const list = receipts.get(marker);
        if (list) list.push(...times);
        else receipts.set(marker, [...times]);
      }
    }
    return { clients: replies.flatMap((r) => r.clients), receipts };
  }

  async reset(): Promise<void> {
    await Promise.all(this.procs.map((p) => request(p, { type: 'reset' }, 'reset', 10_000)));
  }

  async close(): Promise<void> {
    await Promise.all(this.procs.map((p) => request(p, { type: 'close' }, 'closed', 10_000).catch(() => undefined)));
    await Promise.all(this.procs.map((p) => stopChild(p, 3000)));
  }
}
