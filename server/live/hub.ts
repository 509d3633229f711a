/**
 * The live hub of one node. The change log is the guarantee; NOTIFY and the in-process commit
 * event are only wake-ups. On each wake-up (and on every re-LISTEN and a slow safety poll) the hub
 * reads `seq > sent` in order and broadcasts it in coalesced batches to the sockets that are caught
 * up. A connecting socket first gets its missed changes from the log, then joins the broadcast room
 * at exactly the seq the room has reached, so it sees every seq once, in order.
 */
import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { Change } from '../../core/change/change';
import { MAX_REPLAY } from '../../core/change/change';
import { toPublicView } from '../../core/access/public-view';
import { CHANGES_CHANNEL, type Database } from '../../db/client';
import { readChangesAfter, readPosition } from '../../db/change-log';
import { LiveAuth, type ClientToServerEvents, type LiveSocketData, type ServerToClientEvents } from './events';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

/** Signed-in sockets (staff): the room other staff-only live signals go to as well. */
export const STAFF_ROOM = 'live';
const ROOM = STAFF_ROOM;
/** Anonymous readers of a public dashboard: the same changes through the public projection. */
export const PUBLIC_ROOM = 'live:public';
const roomOf = (socket: LiveSocket) => (socket.data.principal ? ROOM : PUBLIC_ROOM);
const isPublic = (socket: LiveSocket) => !socket.data.principal;
const forSocket = (socket: LiveSocket, changes: Change[]) => (isPublic(socket) ? toPublicView(changes) : changes);
const READ_PAGE = 1000;
/** CLOCK_MONOTONIC in ms: machine-wide, so a client process on the same machine can compare. */
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;
const REPLAY_GATHER_MS = 20;
const FLUSH_ALLOWANCE = 2;

export interface HubOptions {
  database: Database;
  io: LiveServer;
  log: Logger;
  /** The coalescing window: at most two broadcasts in any window; the rest wait for the next. */
  batchMs?: number;
  /** The safety poll, for a missed wake-up. */
  pollMs?: number;
}

interface Waiter {
  seq: number;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

export class LiveHub {
  private epoch = '';
  /** Highest seq read from the log (broadcast or waiting in the outbox). */
  private read = 0;
  /** Highest seq broadcast to the room. */
  private sent = 0;
  private outbox: Change[] = [];
  /**
   * The last changes broadcast (up to MAX_REPLAY, contiguous, ending at `sent`), loaded from the log
   * at start: a reconnect storm replays from memory instead of one log read per client.
   */
  private recent: Change[] = [];
  private readonly waiters = new Set<Waiter>();
  private replays = new Map<number, LiveSocket[]>();
  private replayTimer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private again = false;
  private flushTimer: NodeJS.Timeout | null = null;
  private flushSoon: NodeJS.Immediate | null = null;
  /** When the last FLUSH_ALLOWANCE broadcasts went out (oldest first). */
  private flushes: number[] = [];
  private pollTimer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private stopped = false;
  private healthy = true;
  private readonly onCommit = (changes?: readonly Change[]) => this.accept(changes);
  /** One read of the log's top shared by the handshakes that arrive together (a reconnect storm). */
  private topRead: Promise<{ epoch: string; seq: number }> | null = null;
  private readonly batchMs: number;
  private readonly pollMs: number;
  /** At debug level: when each commit reached the hub and each batch went out (the bench's profile). */
  private readonly timing: boolean;

  constructor(private readonly opts: HubOptions) {
    this.batchMs = opts.batchMs ?? 50;
    this.pollMs = opts.pollMs ?? 2000;
    this.timing = opts.log.isLevelEnabled('debug');
  }

  get position() {
    return { epoch: this.epoch, seq: this.sent };
  }

  async start(): Promise<void> {
    const pos = await readPosition(this.opts.database.db);
    this.epoch = pos.epoch;
    this.read = this.sent = pos.seq;
    this.recent =
      pos.seq > 0
        ? await readChangesAfter(
            this.opts.database.db,
            this.epoch,
            Math.max(0, pos.seq - MAX_REPLAY),
            MAX_REPLAY,
            pos.seq,
          )
        : [];
    this.opts.database.events.on('commit', this.onCommit);
    const { sql } = this.opts.database;
    if (sql) {
      // onlisten runs on the first LISTEN and after every reconnect: catch up on what was missed.
      const sub = await sql.listen(
        CHANGES_CHANNEL,
        (payload) => this.notified(payload),
        () => this.wake(),
      );
      this.unlisten = () => sub.unlisten();
    }
    this.pollTimer = setInterval(() => this.wake(), this.pollMs);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const w of this.waiters) this.settle(w, false);
    this.opts.database.events.off('commit', this.onCommit);
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.flushSoon) clearImmediate(this.flushSoon);
    if (this.replayTimer) clearTimeout(this.replayTimer);
    await this.reading?.catch(() => {});
    await this.unlisten?.().catch(() => {});
  }

  /**
   * A NOTIFY carries the log's new top. This node's own commits were handed over in process
   * (accept) before or soon after their NOTIFY comes back: one at or below what the hub has read
   * needs no read of the log. Anything else (a higher top, a payload that is not a number) reads.
   */
  private notified(payload: string): void {
    const top = Number(payload);
    if (Number.isInteger(top) && top > 0 && top <= this.read) return;
    this.wake();
  }

  /** Schedules a read of the log; concurrent wake-ups coalesce into one more read. */
  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readLoop().finally(() => {
      this.reading = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /**
   * A commit in this process hands over its changes. When they continue where this node's reading
   * stands, they go out without a read of the log (one query less between a write and its
   * broadcast); those already read are dropped; anything else (a gap, another epoch) falls back to
   * reading the log.
   */
  private accept(changes: readonly Change[] | undefined): void {
    const first = changes?.[0];
    if (this.stopped || !first || first.epoch !== this.epoch || first.seq > this.read + 1) return this.wake();
    // Their NOTIFY may come back before the commit's own hand-over, and the read it caused has
    // them already: nothing to read again. A commit's changes are consecutive seqs.
    const fresh = first.seq > this.read ? changes : changes.filter((c) => c.seq > this.read);
    if (fresh.length === 0) return;
    this.read = fresh[fresh.length - 1]!.seq;
    if (this.timing) this.opts.log.debug({ from: fresh[0]!.seq, to: this.read, t: monotonicMs() }, 'live commit');
    this.outbox.push(...fresh);
    this.scheduleFlush();
  }

  /**
   * Resolves once this node has broadcast `seq` (or after `timeoutMs`). Waiters are settled by the
   * broadcast itself: in a reconnect storm thousands of handshakes wait at once, and polling each
   * on a 10 ms timer saturated the process.
   */
  async until(seq: number, timeoutMs = 5000): Promise<boolean> {
    if (this.sent >= seq) return true;
    if (this.stopped) return false;
    this.wake();
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = { seq, resolve, timer: setTimeout(() => this.settle(waiter, false), timeoutMs) };
      this.waiters.add(waiter);
    });
  }

  private settle(waiter: Waiter, reached: boolean): void {
    if (!this.waiters.delete(waiter)) return;
    clearTimeout(waiter.timer);
    waiter.resolve(reached || this.sent >= waiter.seq);
  }

  private async readLoop(): Promise<void> {
    try {
      for (;;) {
        const batch = await readChangesAfter(this.opts.database.db, this.epoch, this.read, READ_PAGE);
        if (batch.length === 0) break;
        // A commit in this process may have handed over some of these while the read ran.
        const fresh = batch.filter((c) => c.seq > this.read);
        if (fresh.length > 0) {
          this.read = fresh[fresh.length - 1]!.seq;
          this.outbox.push(...fresh);
          this.scheduleFlush();
        }
        if (batch.length < READ_PAGE) break;
      }
      if (!this.healthy) this.opts.log.info({ seq: this.read }, 'live hub reads the change log again');
      this.healthy = true;
    } catch (err) {
      // The database is away: the safety poll retries; nothing is lost, the log still holds it.
      if (this.healthy) this.opts.log.warn({ err: (err as Error).message }, 'live hub cannot read the change log');
      this.healthy = false;
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.flushSoon) return;
    // Up to FLUSH_ALLOWANCE broadcasts per batchMs go out at once: two writes that happen to commit
    // close together (10 writes/s with a jittery write path) are not held back, while a storm is
    // still cut into at most that many batches per window.
    const oldest = this.flushes.length < FLUSH_ALLOWANCE ? 0 : this.flushes[0]!;
    const wait = Math.max(0, oldest + this.batchMs - Date.now());
    // Not in this tick: a commit in this process hands its changes over before the request that
    // made it has answered, and writing to every socket first (~20 ms at 1,000 clients) held that
    // answer back. The rest of this tick (the request's answer) goes first; then the broadcast.
    if (wait === 0)
      this.flushSoon = setImmediate(() => {
        this.flushSoon = null;
        this.flush();
      });
    else this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.outbox.length === 0) return;
    const batch = this.outbox;
    this.outbox = [];
    this.flushes.push(Date.now());
    if (this.flushes.length > FLUSH_ALLOWANCE) this.flushes.shift();
    this.sent = batch[batch.length - 1]!.seq;
    // Read before the emit: the first sockets are written to during it.
    const at = this.timing ? monotonicMs() : 0;
    // One broadcast per audience: Socket.IO encodes the packet once for every socket in a room.
    this.opts.io.to(ROOM).emit('live.changes', batch);
    if (this.opts.io.of('/').adapter.rooms.get(PUBLIC_ROOM)?.size)
      this.opts.io.to(PUBLIC_ROOM).emit('live.changes', toPublicView(batch));
    if (this.timing) this.opts.log.debug({ from: batch[0]!.seq, to: this.sent, t: at }, 'live broadcast');
    for (const w of this.waiters) if (w.seq <= this.sent) this.settle(w, true);
    this.recent.push(...batch);
    if (this.recent.length > MAX_REPLAY) this.recent.splice(0, this.recent.length - MAX_REPLAY);
  }

  /** The changes after `cursor` up to `sent` from memory, or null when memory does not reach back. */
  private remembered(cursor: number): Change[] | null {
    const first = this.recent[0];
    if (!first || first.seq > cursor + 1 || this.recent[this.recent.length - 1]!.seq !== this.sent) return null;
    return this.recent.slice(cursor + 1 - first.seq);
  }

  /** The handshake: hello, then the missed changes, then the room. */
  async attach(socket: LiveSocket): Promise<void> {
    const parsed = LiveAuth.safeParse(socket.handshake.auth ?? {});
    const auth = parsed.success ? parsed.data : {};
    const from = auth.seq;
    // Hello tells the top of the log: let this node catch up with it first (bounded wait).
    const top = await (this.topRead ??= readPosition(this.opts.database.db).finally(() => (this.topRead = null)));
    if (top.seq > this.sent) await this.until(top.seq, 2000);
    let recovered = auth.epoch === this.epoch && from !== undefined && this.sent - from <= MAX_REPLAY;
    // A snapshot read from the database can be ahead of this node's broadcasts for a moment.
    if (recovered && from! > this.sent) recovered = await this.until(from!);
    if (!recovered) {
      socket.emit('live.hello', { epoch: this.epoch, seq: this.sent, recovered: false });
      socket.join(roomOf(socket));
      return;
    }
    socket.emit('live.hello', { epoch: this.epoch, seq: this.sent, recovered: true });
    if (this.remembered(from!) !== null) this.queueReplay(socket, from!);
    else await this.replayFromLog(socket, from!);
  }

  /** Replays from the log until the cursor meets the room, then joins it. */
  private async replayFromLog(socket: LiveSocket, from: number): Promise<void> {
    let cursor = from;
    // The check and the join run without an await between them, so no broadcast slips in between.
    while (cursor < this.sent) {
      const missed =
        this.remembered(cursor) ??
        (await readChangesAfter(this.opts.database.db, this.epoch, cursor, READ_PAGE, this.sent));
      if (missed.length === 0) break;
      if (!socket.connected) return;
      socket.emit('live.changes', forSocket(socket, missed));
      cursor = missed[missed.length - 1]!.seq;
    }
    if (socket.connected) socket.join(roomOf(socket));
  }

  /**
   * Replays from memory are gathered for a few milliseconds and sent once per distinct cursor: after
   * a restart every client resumes from about the same seq, and encoding the same hundreds of
   * changes once per socket was most of a reconnect storm's work.
   */
  private queueReplay(socket: LiveSocket, cursor: number): void {
    const group = this.replays.get(cursor);
    if (group) group.push(socket);
    else this.replays.set(cursor, [socket]);
    this.replayTimer ??= setTimeout(() => this.flushReplays(), REPLAY_GATHER_MS);
  }

  /** Synchronous from the read of memory to every join: no broadcast can fall in between. */
  private flushReplays(): void {
    this.replayTimer = null;
    const groups = this.replays;
    this.replays = new Map();
    for (const [cursor, sockets] of groups) {
      const waiting = sockets.filter((s) => s.connected);
      if (waiting.length === 0) continue;
      const missed = this.remembered(cursor);
      if (missed === null) {
        for (const s of waiting) this.replayFromLog(s, cursor).catch(() => s.disconnect(true));
        continue;
      }
      if (missed.length > 0) {
        const staff = waiting.filter((s) => !isPublic(s)).map((s) => s.id);
        const anonymous = waiting.filter(isPublic).map((s) => s.id);
        if (staff.length > 0) this.opts.io.to(staff).emit('live.changes', missed);
        if (anonymous.length > 0) this.opts.io.to(anonymous).emit('live.changes', toPublicView(missed));
      }
      for (const s of waiting) s.join(roomOf(s));
    }
  }
}
