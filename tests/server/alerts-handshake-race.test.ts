/**
 * An `/alerts` handshake that has passed its sign-in check when a revocation commits, and joins
 * only after the revocation watcher has acted on it: the socket is still ended, told why. The
 * interleaving is forced, not timed: a test middleware after the sign-in check holds the handshake
 * until a witness socket of the same session has been ended by the watcher.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { LiveRevoked } from '../../server/live/events';
import { ALERTS_NAMESPACE } from '../../server/alerts/alert-events';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, signIn } from './api-support';

async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Bell {
  socket: Socket;
  revoked: LiveRevoked[];
  connected: boolean;
  ended: string | null;
}

function bell(url: string, cookie: string, auth: Record<string, unknown> = {}): Bell {
  const socket = ioClient(`${url}${ALERTS_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    auth,
    extraHeaders: { cookie, origin: url },
  });
  const b: Bell = { socket, revoked: [], connected: false, ended: null };
  socket.on('connect', () => (b.connected = true));
  socket.on('live.revoked', (r: LiveRevoked) => b.revoked.push(r));
  socket.on('disconnect', (reason) => (b.ended = reason));
  return b;
}

describe.each(drivers)('an /alerts handshake racing a revocation on %s', (driver) => {
  let server: TestServer;
  const bells: Bell[] = [];
  beforeAll(async () => {
    server = await startTestServer(driver);
  });
  afterAll(async () => {
    for (const b of bells) b.socket.close();
    await server?.destroy();
  });

  it('is ended when it joins after the watcher acted on a sign-out that committed after its check', async () => {
    await addUser(server, 'racer@example.org', 'viewer');
    const session = await signIn(server, 'racer@example.org');

    // Runs after the namespace's sign-in check (registered at start-up, before this one).
    let reached = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    server.io.of(ALERTS_NAMESPACE).use((socket, next) => {
      if ((socket.handshake.auth as { gate?: boolean }).gate !== true) return next();
      reached = true;
      void gate.then(() => next());
    });

    const witness = bell(server.url, session.cookie);
    bells.push(witness);
    await until(() => witness.connected, 'the witness to connect');
    const racer = bell(server.url, session.cookie, { gate: true });
    bells.push(racer);
    await until(() => reached, 'the racing handshake to pass its sign-in check');

    expect((await call(server, 'POST', '/api/auth/sign-out', { session })).status).toBe(200);
    // The watcher has read the revocation and ended the joined socket; the racer is not joined yet.
    await until(() => witness.ended !== null, 'the witness to be ended');
    expect(witness.revoked.map((r) => r.reason)).toEqual(['signed-out']);
    expect(racer.connected).toBe(false);

    release();
    await until(() => racer.ended !== null, 'the racing socket to be ended');
    expect(racer.revoked.map((r) => r.reason)).toEqual(['signed-out']);
    expect(racer.ended).toBe('io server disconnect');
  });
});
