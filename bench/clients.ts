/**
 * A load-generator process: opens many Socket.IO clients (websocket transport, one connection
 * each, as many browsers would) and records what each receives, with receipt times on the
 * machine-wide monotonic clock. It reports to the bench over IPC only when asked, so measuring
 * costs nothing while the clock runs. Forked by bench/client-fleet.ts.
 */
import { io, type Socket } from 'socket.io-client';
import { LIVE_BACKOFF, followDrains } from '../app/live/live-socket';
import { nowMs } from './percentiles';
import type { ClientReport, FleetCommand, FleetReply, StormClient } from './fleet-protocol';

interface ChangeLike {
  seq: number;
  data?: { externalId?: string | null };
}
interface Hello {
  epoch: string;
  seq: number;
  recovered: boolean;
}

interface Tracked {
  socket: Socket;
  position: { epoch: string; seq: number } | null;
  hellos: { t: number; recovered: boolean; seq: number }[];
  disconnects: number[];
  attempts: number[];
  /** When a stopping node's `live.reconnect` arrived. */
  drains: number[];
  connectErrors: number;
  seqs: Set<number>;
  lastSeq: number;
  received: number;
  duplicates: number;
  outOfOrder: number;
  lastAt: number;
  /** After the latest hello: when the position first reached that hello's seq. */
  caughtUpAt: number | null;
}

const clients: Tracked[] = [];
/** marker (the incident's externalId) → receipt times, one per client. */
const receipts = new Map<string, number[]>();
let recordMarkers = false;

const send = (msg: FleetReply) => process.send?.(msg);

function open(url: string, reconnection: boolean): Tracked {
  const t: Tracked = {
    socket: undefined as unknown as Socket,
    position: null,
    hellos: [],
    disconnects: [],
    attempts: [],
    drains: [],
    connectErrors: 0,
    seqs: new Set(),
    lastSeq: 0,
    received: 0,
    duplicates: 0,
    outOfOrder: 0,
    lastAt: 0,
    caughtUpAt: null,
  };
  t.socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection,
    // The browser hook's backoff and drain handling (app/live/live-socket.ts).
    ...LIVE_BACKOFF,
    timeout: 20_000,
    auth: (cb) => cb(t.position ? { ...t.position } : {}),
  });
  t.socket.on('live.hello', (h: Hello) => {
    const at = nowMs();
    t.hellos.push({ t: at, recovered: h.recovered, seq: h.seq });
    if (!h.recovered) t.position = { epoch: h.epoch, seq: h.seq };
    t.caughtUpAt = t.position && t.position.seq >= h.seq ? at : null;
  });
  t.socket.on('live.changes', (batch: ChangeLike[]) => {
    const at = nowMs();
    for (const c of batch) {
      t.received++;
      if (t.seqs.has(c.seq)) t.duplicates++;
      else t.seqs.add(c.seq);
      if (c.seq <= t.lastSeq) t.outOfOrder++;
      t.lastSeq = Math.max(t.lastSeq, c.seq);
      t.position = { epoch: (c as { epoch?: string }).epoch ?? t.position?.epoch ?? '', seq: c.seq };
      const marker = c.data?.externalId;
      if (recordMarkers && marker) {
        let list = receipts.get(marker);
        if (!list) receipts.set(marker, (list = []));
        list.push(at);
      }
    }
    t.lastAt = at;
    const hello = t.hellos[t.hellos.length - 1];
    if (t.caughtUpAt === null && hello && t.position && t.position.seq >= hello.seq) t.caughtUpAt = at;
  });
  t.socket.on('disconnect', () => t.disconnects.push(nowMs()));
  t.socket.on('connect_error', () => t.connectErrors++);
  t.socket.io.on('reconnect_attempt', () => t.attempts.push(nowMs()));
  t.socket.on('live.reconnect', () => t.drains.push(nowMs()));
  followDrains(t.socket);
  return t;
}

function report(range: { from: number; to: number } | null): ClientReport[] {
  return clients.map((t) => {
    let inRange = 0;
    if (range) for (let s = range.from; s <= range.to; s++) if (t.seqs.has(s)) inRange++;
    const storm: StormClient = {
      hellos: t.hellos,
      disconnects: t.disconnects,
      attempts: t.attempts,
      drains: t.drains,
      connectErrors: t.connectErrors,
      caughtUpAt: t.caughtUpAt,
    };
    return {
      connected: t.socket.connected,
      received: t.received,
      duplicates: t.duplicates,
      outOfOrder: t.outOfOrder,
      lastSeq: t.lastSeq,
      lastAt: t.lastAt,
      inRange,
      storm,
    };
  });
}

process.on('message', async (cmd: FleetCommand) => {
  switch (cmd.type) {
    case 'connect': {
      recordMarkers = cmd.recordMarkers;
      // In waves: a thousand simultaneous handshakes measure the kernel's accept queue, not the app.
      for (let i = 0; i < cmd.count; i++) {
        clients.push(open(cmd.url, cmd.reconnection));
        if ((i + 1) % 50 === 0) await new Promise((r) => setTimeout(r, 20));
      }
      const deadline = Date.now() + cmd.timeoutMs;
      while (clients.some((c) => c.hellos.length === 0) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      send({ type: 'connected', ready: clients.filter((c) => c.hellos.length > 0).length });
      break;
    }
    case 'report':
      send({ type: 'report', clients: report(cmd.range), receipts: cmd.markers ? Object.fromEntries(receipts) : {} });
      break;
    case 'reset':
      receipts.clear();
      for (const t of clients)
        Object.assign(t, {
          received: 0,
          duplicates: 0,
          outOfOrder: 0,
          lastAt: 0,
          seqs: new Set<number>(),
          hellos: [],
          disconnects: [],
          drains: [],
        });
      send({ type: 'reset' });
      break;
    case 'close':
      for (const t of clients) t.socket.close();
      send({ type: 'closed' });
      setTimeout(() => process.exit(0), 50);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'started' });
