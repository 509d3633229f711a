/**
 * Live in-app alerts: the `/alerts` namespace admits signed-in users only and puts each socket in
 * its user's room. The evaluator's transaction NOTIFYs the owners (PostgreSQL, every node) or emits
 * in-process (PGlite); each node tells its own sockets, which then read the inbox over HTTP.
 */
import type { Namespace } from 'socket.io';
import type { Runtime } from '../runtime';
import type { LiveServer } from '../live/hub';
import { resolvePrincipal } from '../auth/principal';
import { checkHandshakeOrigin } from '../auth/socket-auth';
import { ALERTS_CHANNEL } from '../../db/alert-store';
import { ALERTS_NAMESPACE, type AlertClientEvents, type AlertServerEvents } from './alert-events';

type AlertNamespace = Namespace<AlertClientEvents, AlertServerEvents>;

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
    const headers = new Headers();
    const h = socket.handshake.headers;
    if (typeof h.cookie === 'string') headers.set('cookie', h.cookie);
    if (typeof h.host === 'string') headers.set('host', h.host);
    const token = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (typeof token === 'string' && token) headers.set('authorization', `Bearer ${token}`);
    resolvePrincipal(runtime.auth, headers).then(
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
