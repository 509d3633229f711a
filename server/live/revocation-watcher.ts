/**
 * Ends the live sockets of a sign-in that stopped holding, on every node. HTTP re-checks the session
 * or token on each request, a socket only at its handshake: so each revocation is a database row
 * (db/queries/revocations.ts) that every node reads, woken by NOTIFY (PostgreSQL), by the in-process
 * event (this node's writes, and PGlite) and by a poll for a missed wake-up. The socket is told why
 * (`live.revoked`) before it is disconnected, so the page can say so instead of retrying.
 */
import type { Logger } from 'pino';
import type { Database } from '../../db/client';
import {
  readRevocationsAfter,
  REVOCATIONS_CHANNEL,
  topRevocationId,
  type StoredRevocation,
} from '../../db/queries/revocations';
import type { Principal } from '../auth/principal';
import type { LiveServer, LiveSocket } from './hub';
import type { RevocationReason } from './events';
import { ALERTS_NAMESPACE } from '../alerts/alert-events';

/**
 * Identity values are taken before commit, so a lower id can become visible after a higher one:
 * each read reaches back this far and skips the ids it has acted on.
 */
export const OVERLAP = 64;
/** How long a revocation is remembered for sockets still in their handshake when it arrived. */
const REMEMBER_MS = 60_000;

const MESSAGES: Record<RevocationReason, string> = {
  'signed-out': 'You signed out; live updates stopped.',
  disabled: 'Your account was disabled; live updates stopped.',
  'role-changed': 'Your role changed; reload the page to continue with your new access.',
  'password-changed': 'The password of this account was changed; sign in again.',
  'token-revoked': 'The API token of this connection was revoked.',
};

/** What a socket is told when its sign-in ends. */
export function revokedNotice(reason: RevocationReason): { reason: RevocationReason; message: string } {
  return { reason, message: MESSAGES[reason] ?? 'Your sign-in no longer holds.' };
}

export function revokes(r: StoredRevocation, p: Principal): boolean {
  if (p.userId !== r.userId) return false;
  switch (r.scope) {
    case 'account':
      return true;
    case 'sessions':
      return p.via === 'cookie' && p.sessionId !== r.keepSessionId;
    case 'session':
      return p.via === 'cookie' && p.sessionId === r.sessionId;
    case 'token':
      return p.via === 'bearer' && p.tokenId === r.tokenId;
  }
}

/** Namespaces whose sockets end with their sign-in: the live feed and the alert bell (server/alerts). */
const WATCHED_NAMESPACES = ['/', ALERTS_NAMESPACE];

export class RevocationWatcher {
  private cursor = 0;
  private readonly seen = new Set<number>();
  private recent: { at: number; r: StoredRevocation }[] = [];
  private reading: Promise<void> | null = null;
  private again = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private stopped = false;
  private readonly onEvent = () => this.wake();

  constructor(private readonly opts: { database: Database; io: LiveServer; log: Logger; pollMs?: number }) {}

  async start(): Promise<void> {
    this.cursor = await topRevocationId(this.opts.database.db);
    this.opts.database.events.on('revocation', this.onEvent);
    const { sql } = this.opts.database;
    if (sql) {
      const sub = await sql.listen(REVOCATIONS_CHANNEL, this.onEvent, this.onEvent);
      this.unlisten = () => sub.unlisten();
    }
    this.pollTimer = setInterval(this.onEvent, this.opts.pollMs ?? 1000);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.opts.database.events.off('revocation', this.onEvent);
    if (this.pollTimer) clearInterval(this.pollTimer);
    await this.reading?.catch(() => {});
    await this.unlisten?.().catch(() => {});
  }

  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.read()
      .catch((err: Error) => this.opts.log.warn({ err: err.message }, 'cannot read sign-in revocations'))
      .finally(() => {
        this.reading = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /**
   * A socket whose handshake checked its sign-in just before a revocation committed joins after the
   * watcher acted: it is checked against what arrived since its handshake began.
   */
  checkNew(socket: LiveSocket, handshakeAt: number): boolean {
    const principal = socket.data.principal;
    if (!principal) return true;
    const hit = this.recent.find((e) => e.at >= handshakeAt - 1000 && revokes(e.r, principal));
    if (hit) this.end(socket, hit.r);
    return !hit;
  }

  private async read(): Promise<void> {
    const rows = await readRevocationsAfter(this.opts.database.db, Math.max(0, this.cursor - OVERLAP), 1000);
    const now = Date.now();
    this.recent = this.recent.filter((e) => now - e.at < REMEMBER_MS);
    for (const r of rows) {
      if (this.seen.has(r.id)) continue;
      this.seen.add(r.id);
      this.cursor = Math.max(this.cursor, r.id);
      this.recent.push({ at: now, r });
      // The live feed and the alert bell: every namespace whose sockets carry their principal.
      for (const name of WATCHED_NAMESPACES) {
        for (const socket of this.opts.io.of(name).sockets.values()) {
          const principal = socket.data.principal;
          if (principal && revokes(r, principal)) this.end(socket, r);
        }
      }
    }
    for (const id of this.seen) if (id <= this.cursor - OVERLAP) this.seen.delete(id);
  }

  private end(socket: LiveSocket, r: StoredRevocation): void {
    const reason = r.reason as RevocationReason;
    socket.emit('live.revoked', revokedNotice(reason));
    // A namespace disconnect (not closing the transport) keeps packet order: the reason arrives first.
    socket.disconnect();
    this.opts.log.info({ userId: r.userId, reason }, 'live socket ended: sign-in revoked');
  }
}
