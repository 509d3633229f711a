/**
 * Live in-app alerts: the `/alerts` namespace admits signed-in users only and puts each socket in
 * its user's room. The evaluator's transaction NOTIFYs the owners (PostgreSQL, every node) or emits
 * in-process (PGlite); each node tells its own sockets, which then read the inbox over HTTP.
 */
import type { Namespace, Socket } from 'socket.io';
import type { Runtime } from '../runtime';
import type { LiveServer } from '../live/hub';
import { resolvePrincipal, type Principal } from '../auth/principal';
import { readRevocationsAfter, topRevocationId } from '../../db/queries/revocations';
import { OVERLAP, revokedNotice, revokes } from '../live/revocation-watcher';
import type { RevocationReason } from '../live/events';
import { checkHandshakeOrigin } from '../auth/socket-auth';
import { ALERTS_CHANNEL } from '../../db/alert-store';
import { ALERTS_NAMESPACE, type AlertClientEvents, type AlertServerEvents } from './alert-events';

type AlertNamespace = Namespace<AlertClientEvents, AlertServerEvents>;
type AlertSocket = Socket<AlertClientEvents, AlertServerEvents>;

/** The sign-in a handshake carries, as request headers for resolvePrincipal. */
function handshakeHeaders(socket: AlertSocket): Headers {
  const headers = new Headers();
  const h = socket.handshake.headers;
  if (typeof h.cookie === 'string') headers.set('cookie', h.cookie);
  if (typeof h.host === 'string') headers.set('host', h.host);
  const token = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
  if (typeof token === 'string' && token) headers.set('authorization', `Bearer ${token}`);
  return headers;
}

const sameSignIn = (a: Principal, b: Principal | null) =>
  b !== null &&
  a.userId === b.userId &&
  a.actor.role === b.actor.role &&
  a.via === b.via &&
  a.sessionId === b.sessionId &&
  a.tokenId === b.tokenId;

/**
 * The handshake's sign-in, read again once the socket has joined the namespace. A revocation that
 * commits after this read is found by the revocation watcher (it reads revocations after their
 * commit and ends every joined socket they match, this one included); one that committed before
 * it has already ended the session, token or account this read sees. Without it, a revocation
 * read by the watcher between the handshake's check and the join would miss the socket.
 */
async function confirmSignIn(runtime: Runtime, socket: AlertSocket): Promise<void> {
  const before = socket.data.principal as Principal | undefined;
  if (!before) return;
  const { principal: now } = await resolvePrincipal(runtime.auth, handshakeHeaders(socket));
  if (sameSignIn(before, now) || !socket.connected) return;
  // Say why, as the watcher would: the latest recorded revocation of this sign-in.
  const db = runtime.database.db;
  const recent = await readRevocationsAfter(db, Math.max(0, (await topRevocationId(db)) - OVERLAP), 1000);
  const hit = recent.filter((r) => revokes(r, before)).at(-1);
  const reason = (hit?.reason ?? (now === null ? 'signed-out' : 'role-changed')) as RevocationReason;
  socket.emit('live.revoked', revokedNotice(reason));
  socket.disconnect();
  runtime.log.info({ userId: before.userId, reason }, 'alert socket ended: sign-in revoked during its handshake');
}

export async function startAlertFanout(runtime: Runtime, io: LiveServer): Promise<() => Promise<void>> {
  const nsp = (io as unknown as { of(name: string): AlertNamespace }).of(ALERTS_NAMESPACE);
  nsp.use((socket, next) => {
    // The live feed's origin rule (cross-site WebSocket hijacking), before any sign-in check.
    try {
      checkHandshakeOrigin(runtime.env, {
        headers: socket.handshake.headers,
        auth: socket.handshake.auth as Record<string, unknown> | undefined,
      });
    } catch (err) {
      return next(Object.assign(new Error((err as Error).message), { data: { code: 'forbidden' } }));
    }
    resolvePrincipal(runtime.auth, handshakeHeaders(socket)).then(
      ({ principal }) => {
        if (!principal)
          return next(Object.assign(new Error('Sign in to receive alerts.'), { data: { code: 'unauthenticated' } }));
        socket.data.userId = principal.userId;
        // The revocation watcher ends the socket when this sign-in ends (server/live/revocation-watcher.ts).
        socket.data.principal = principal;
        void socket.join(`user:${principal.userId}`);
        next();
      },
      (err: Error) => next(Object.assign(new Error(err.message), { data: { code: 'unauthenticated' } })),
    );
  });
  nsp.on('connection', (socket) => {
    confirmSignIn(runtime, socket).catch((err: Error) => {
      runtime.log.warn({ err: err.message }, 'alert socket: sign-in not confirmed');
      socket.disconnect();
    });
  });
  const tell = (owners: string[]) => {
    const at = new Date().toISOString();
    if (owners.includes('*')) nsp.emit('alerts.new', { at });
    else for (const id of new Set(owners)) nsp.to(`user:${id}`).emit('alerts.new', { at });
  };
  const local = (owners: string[]) => tell(owners);
  runtime.database.events.on('alerts', local);
  let unlisten: (() => Promise<void>) | null = null;
  const { sql } = runtime.database;
  if (sql) {
    const sub = await sql.listen(ALERTS_CHANNEL, (payload) => tell(payload.split(',').filter(Boolean)));
    unlisten = () => sub.unlisten();
  }
  return async () => {
    runtime.database.events.off('alerts', local);
    await unlisten?.().catch(() => {});
    nsp.disconnectSockets(true);
  };
}
