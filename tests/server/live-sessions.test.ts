/**
 * Live sockets follow the account: the handshake checks Origin with the rule of cross-site writes,
 * and sign-out, disabling, a role change, a password change and a revoked token end that sign-in's
 * open sockets (told why first) on every node, the change travelling through the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import { updateUser } from '../../server/auth/users';
import type { LiveRevoked } from '../../server/live/events';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, PASSWORD, signIn, tokenFor, type Session } from './api-support';

interface Probe {
  socket: Socket;
  revoked: LiveRevoked[];
  disconnectReason: string | null;
  outcome: Promise<{ connected: boolean; message?: string; code?: string }>;
}

function probe(url: string, opts: { cookie?: string; origin?: string | null; token?: string } = {}): Probe {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  // A browser sends its page's Origin on every WebSocket; default to this site's.
  const origin = opts.origin === undefined ? url : opts.origin;
  if (origin) headers.origin = origin;
  const socket = ioClient(url, {
    transports: ['websocket'],
    reconnection: false,
    auth: opts.token ? { token: opts.token } : {},
    extraHeaders: headers,
  });
  const p: Probe = {
    socket,
    revoked: [],
    disconnectReason: null,
    outcome: new Promise((resolve) => {
      socket.on('live.hello', () => resolve({ connected: true }));
      socket.on('connect_error', (err: Error & { data?: { code?: string } }) =>
        resolve({ connected: false, message: err.message, code: err.data?.code }),
      );
    }),
  };
  socket.on('live.revoked', (r: LiveRevoked) => p.revoked.push(r));
  socket.on('disconnect', (reason) => (p.disconnectReason = reason));
  return p;
}

async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const open: Probe[] = [];
const connected = async (p: Probe) => {
  open.push(p);
  expect(await p.outcome).toEqual({ connected: true });
  return p;
};
const ended = (p: Probe, reason: string) =>
  until(() => p.disconnectReason !== null, `${reason} to end the socket`).then(() => {
    expect(p.revoked.map((r) => r.reason)).toEqual([reason]);
    expect(p.revoked[0]!.message.length).toBeGreaterThan(10);
    expect(p.disconnectReason).toBe('io server disconnect');
  });

/** A socket that should stay: a fresh round trip through the server proves it is still served. */
async function stillOpen(server: TestServer, p: Probe): Promise<void> {
  const again = await connected(probe(server.url, { origin: null, token: await freshToken(server) }));
  again.socket.close();
  expect(p.socket.connected).toBe(true);
  expect(p.revoked).toEqual([]);
}
let tokenOwner = '';
const freshToken = (server: TestServer) => tokenFor(server, tokenOwner, 'probe');

describe.each(drivers)('live sockets and the sign-in behind them on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    // More sign-ins than the default 10 a minute from 127.0.0.1: every case signs in afresh.
    server = await startTestServer(driver, {
      env: { ALLOWED_ORIGINS: 'https://wall.example.org', SIGN_IN_RATE_LIMIT: '100' },
    });
    tokenOwner = (await addUser(server, 'admin@example.org', 'admin')).id;
  });
  afterAll(async () => {
    for (const p of open) p.socket.close();
    await server?.destroy();
  });

  it('refuses a handshake from another origin with a clear connect_error, cookie or not', async () => {
    await addUser(server, 'origin@example.org', 'viewer');
    const session = await signIn(server, 'origin@example.org');
    const port = new URL(server.url).port;
    for (const foreign of [`http://127.0.0.1:${Number(port) + 1}`, 'http://evil.127.0.0.1.nip.io', 'null']) {
      const p = probe(server.url, { cookie: session.cookie, origin: foreign });
      open.push(p);
      const out = await p.outcome;
      expect(out.connected, foreign).toBe(false);
      expect(out.code).toBe('forbidden');
      if (foreign !== 'null') expect(out.message).toContain(`came from ${foreign}`);
    }
    const noOrigin = probe(server.url, { cookie: session.cookie, origin: null });
    open.push(noOrigin);
    expect(await noOrigin.outcome).toMatchObject({ connected: false, code: 'forbidden' });
    expect((await noOrigin.outcome).message).toMatch(/must carry an Origin/);
    // The alerts namespace applies the same rule.
    const bell = ioClient(`${server.url}/alerts`, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: session.cookie, origin: 'https://evil.example' },
    });
    const bellOutcome = await new Promise<{ connected: boolean; code?: string }>((resolve) => {
      bell.on('connect', () => resolve({ connected: true }));
      bell.on('connect_error', (err: Error & { data?: { code?: string } }) =>
        resolve({ connected: false, code: err.data?.code }),
      );
    }).finally(() => bell.close());
    expect(bellOutcome).toEqual({ connected: false, code: 'forbidden' });
    // This site, an allow-listed origin, and a script with a token and no Origin are accepted.
    await connected(probe(server.url, { cookie: session.cookie }));
    await connected(probe(server.url, { cookie: session.cookie, origin: 'https://wall.example.org' }));
    await connected(probe(server.url, { origin: null, token: await freshToken(server) }));
  });

  it('signing out ends that session’s sockets only', async () => {
    await addUser(server, 'out@example.org', 'viewer');
    const first = await signIn(server, 'out@example.org');
    const second = await signIn(server, 'out@example.org');
    const a = await connected(probe(server.url, { cookie: first.cookie }));
    const b = await connected(probe(server.url, { cookie: second.cookie }));
    expect((await call(server, 'POST', '/api/auth/sign-out', { session: first })).status).toBe(200);
    await ended(a, 'signed-out');
    await stillOpen(server, b);
  });

  it('disabling an account ends its cookie and token sockets', async () => {
    const user = await addUser(server, 'gone@example.org', 'operator');
    const session = await signIn(server, 'gone@example.org');
    const byCookie = await connected(probe(server.url, { cookie: session.cookie }));
    const byToken = await connected(probe(server.url, { origin: null, token: await tokenFor(server, user.id) }));
    await updateUser(server.runtime.auth, user.id, { disabled: true });
    await ended(byCookie, 'disabled');
    await ended(byToken, 'disabled');
    // And it cannot come back.
    const retry = probe(server.url, { cookie: session.cookie });
    open.push(retry);
    expect((await retry.outcome).connected).toBe(false);
  });

  it('disabling an account also ends its alert-bell socket (/alerts)', async () => {
    const user = await addUser(server, 'bell@example.org', 'viewer');
    const session = await signIn(server, 'bell@example.org');
    const bell = ioClient(`${server.url}/alerts`, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: session.cookie, origin: server.url },
    });
    const revoked: LiveRevoked[] = [];
    let reason: string | null = null;
    bell.on('live.revoked', (r: LiveRevoked) => revoked.push(r));
    bell.on('disconnect', (r) => (reason = r));
    try {
      await until(() => bell.connected, 'the alert socket to connect');
      await updateUser(server.runtime.auth, user.id, { disabled: true });
      await until(() => reason !== null, 'the alert socket to end');
      expect(revoked.map((r) => r.reason)).toEqual(['disabled']);
      expect(reason).toBe('io server disconnect');
    } finally {
      bell.close();
    }
  });

  it('a role change through the admin API ends the account’s sockets', async () => {
    const user = await addUser(server, 'demoted@example.org', 'operator');
    const admin = await signIn(server, 'admin@example.org');
    const p = await connected(probe(server.url, { cookie: (await signIn(server, 'demoted@example.org')).cookie }));
    const res = await call(server, 'PATCH', `/api/users/${user.id}`, { session: admin, body: { role: 'viewer' } });
    expect(res.status).toBe(200);
    await ended(p, 'role-changed');
  });

  it('a password change ends the other sessions (and their sockets), not the one that made it', async () => {
    await addUser(server, 'pw@example.org', 'viewer');
    const mine = await signIn(server, 'pw@example.org');
    const other = await signIn(server, 'pw@example.org');
    const mySocket = await connected(probe(server.url, { cookie: mine.cookie }));
    const otherSocket = await connected(probe(server.url, { cookie: other.cookie }));
    const res = await call(server, 'POST', '/api/auth/change-password', {
      session: mine,
      body: { currentPassword: PASSWORD, newPassword: 'a fresh passphrase for pw 2026' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await ended(otherSocket, 'password-changed');
    expect((await call(server, 'GET', '/api/me', { session: other })).body.user).toBeNull();
    // The session that made the change is renewed (a new cookie); this browser stays signed in.
    const renewed = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('bw.session_token=') && !c.endsWith('='));
    const mineAfter: Session = { ...mine, cookie: renewed ?? mine.cookie };
    expect((await call(server, 'GET', '/api/me', { session: mineAfter })).body.user?.email).toBe('pw@example.org');
    await stillOpen(server, mySocket);
  });

  it('a password set by an admin ends every session of the account', async () => {
    const user = await addUser(server, 'reset@example.org', 'viewer');
    const session = await signIn(server, 'reset@example.org');
    const p = await connected(probe(server.url, { cookie: session.cookie }));
    await updateUser(server.runtime.auth, user.id, { password: 'another strong passphrase 77' });
    await ended(p, 'password-changed');
    expect((await call(server, 'GET', '/api/me', { session })).body.user).toBeNull();
  });

  it('revoking a token ends the sockets that use it, not the owner’s others', async () => {
    const user = await addUser(server, 'tok@example.org', 'viewer');
    const admin = await signIn(server, 'admin@example.org');
    const secret = await tokenFor(server, user.id, 'wall');
    const keep = await connected(probe(server.url, { origin: null, token: await tokenFor(server, user.id, 'keep') }));
    const p = await connected(probe(server.url, { origin: null, token: secret }));
    const list = await call(server, 'GET', `/api/tokens?userId=${user.id}`, { session: admin });
    const id = (list.body.items as { id: string; name: string }[]).find((t) => t.name === 'wall')!.id;
    expect((await call(server, 'DELETE', `/api/tokens/${id}`, { session: admin })).status).toBe(200);
    await ended(p, 'token-revoked');
    await stillOpen(server, keep);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('revocations across two nodes (needs TEST_DATABASE_URL)', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startTestServer('postgres');
    b = await startTestServer('postgres', { databaseUrl: a.env.DATABASE_URL });
    tokenOwner = (await addUser(a, 'admin@example.org', 'admin')).id;
  });
  afterAll(async () => {
    for (const p of open) p.socket.close();
    await b?.close();
    await a?.destroy();
  });

  it('a change on one node ends the sockets on the other', async () => {
    const user = await addUser(a, 'far@example.org', 'operator');
    const session = await signIn(a, 'far@example.org');
    const onB = await connected(probe(b.url, { cookie: session.cookie }));
    const tokenOnB = await connected(probe(b.url, { origin: null, token: await tokenFor(a, user.id) }));
    const signedOut = await signIn(a, 'far@example.org');
    const other = await connected(probe(b.url, { cookie: signedOut.cookie }));
    expect((await call(a, 'POST', '/api/auth/sign-out', { session: signedOut })).status).toBe(200);
    await ended(other, 'signed-out');
    expect(onB.socket.connected).toBe(true);
    await updateUser(a.runtime.auth, user.id, { disabled: true });
    await ended(onB, 'disabled');
    await ended(tokenOnB, 'disabled');
  });
});
