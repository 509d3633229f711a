/**
 * Sign-in and sign-out with real cookies, disabled accounts, API tokens (created by the CLI's
 * function, used as Bearer, revoked) and the live socket's handshake check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema';
import { tokenCreate, userAdd } from '../../server/auth/cli-commands';
import { drivers } from '../support/test-database';
import { io as ioClient } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, incidentInput, PASSWORD, signIn } from './api-support';

/** Connects as a browser (cookie header on the upgrade) or a script (auth.token); reports the outcome. */
function tryConnect(url: string, auth: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const socket = ioClient(url, { transports: ['websocket'], reconnection: false, auth, extraHeaders: headers });
  return new Promise<{ connected: boolean; message?: string; code?: string }>((resolve) => {
    socket.on('connect', () => resolve({ connected: true }));
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) =>
      resolve({ connected: false, message: err.message, code: err.data?.code }),
    );
  }).finally(() => socket.close());
}

describe.each(drivers)('sign-in, tokens and sockets on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(driver);
    await addUser(server, 'viewer@example.org', 'viewer');
    await addUser(server, 'operator@example.org', 'operator');
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('signs in with an HttpOnly, SameSite=Lax session cookie (not Secure over http) and signs out', async () => {
    const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'Operator@Example.org', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: 'operator@example.org', role: 'operator' });
    expect(body.token).toBeUndefined();
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('bw.session_token='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const session = { cookie: setCookie.split(';')[0]!, email: 'operator@example.org' };

    const me = await call(server, 'GET', '/api/me', { session });
    expect(me.body).toMatchObject({ user: { email: 'operator@example.org', role: 'operator' }, via: 'cookie' });
    expect((await call(server, 'POST', '/api/incidents', { session, body: incidentInput() })).status).toBe(201);

    const out = await call(server, 'POST', '/api/auth/sign-out', { session });
    expect(out.status).toBe(200);
    expect(
      out.headers
        .getSetCookie()
        .some((c) => c.startsWith('bw.session_token=;') || /bw\.session_token=.*Max-Age=0/i.test(c)),
    ).toBe(true);
    // The old cookie no longer works: the session row is gone.
    expect((await call(server, 'GET', '/api/incidents', { session })).status).toBe(401);
    expect((await call(server, 'GET', '/api/me', { session })).body.user).toBeNull();
  });

  it('refuses a wrong password (401) and names missing fields (400)', async () => {
    const wrong = await call(server, 'POST', '/api/auth/sign-in/email', {
      body: { email: 'viewer@example.org', password: 'not-the-password' },
      headers: { origin: server.url },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthenticated');
    const missing = await call(server, 'POST', '/api/auth/sign-in/email', {
      body: { email: 'not-an-email' },
      headers: { origin: server.url },
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['email', 'password']);
  });

  it('keeps sign-up, admin and impersonation endpoints of the library closed', async () => {
    for (const path of ['/api/auth/sign-up/email', '/api/auth/admin/list-users', '/api/auth/admin/impersonate-user']) {
      const res = await call(server, 'POST', path, {
        body: { email: 'x@example.org', password: 'whatever-123', name: 'x' },
        headers: { origin: server.url },
      });
      expect(res.status, path).toBe(404);
    }
  });

  it('signs a disabled user out at once and refuses their sign-in and tokens', async () => {
    const user = await addUser(server, 'leaver@example.org', 'operator');
    const session = await signIn(server, 'leaver@example.org');
    const token = (await tokenCreate(server.runtime.auth, ['--email', 'leaver@example.org', '--name', 'cron'])).at(-1)!;
    expect((await call(server, 'GET', '/api/incidents', { token })).status).toBe(200);
    const admin = await addUser(server, 'admin-a@example.org', 'admin');
    const adminSession = await signIn(server, admin.email);
    expect(
      (await call(server, 'PATCH', `/api/users/${user.id}`, { session: adminSession, body: { disabled: true } })).body
        .user.disabled,
    ).toBe(true);
    expect((await call(server, 'GET', '/api/incidents', { session })).status).toBe(401);
    expect((await call(server, 'GET', '/api/incidents', { token })).status).toBe(401);
    const again = await call(server, 'POST', '/api/auth/sign-in/email', {
      body: { email: 'leaver@example.org', password: PASSWORD },
      headers: { origin: server.url },
    });
    // A disabled account answers exactly like a wrong password: a right guess is not confirmed.
    const wrong = await call(server, 'POST', '/api/auth/sign-in/email', {
      body: { email: 'leaver@example.org', password: 'certainly not it 2026' },
      headers: { origin: server.url },
    });
    expect(again.status).toBe(401);
    expect({ status: again.status, body: again.body }).toEqual({ status: wrong.status, body: wrong.body });
    await call(server, 'PATCH', `/api/users/${user.id}`, { session: adminSession, body: { disabled: false } });
    expect((await call(server, 'GET', '/api/incidents', { token })).status).toBe(200);
  });

  it('creates a token with the CLI function, accepts it as Bearer, records its use, and rejects it once revoked', async () => {
    const lines = await tokenCreate(server.runtime.auth, ['--email', 'operator@example.org', '--name', 'importer']);
    const token = lines.at(-1)!;
    expect(token).toMatch(/^bw_[A-Za-z0-9_-]{43}$/);
    const [row] = await server.runtime.database.db.select().from(apiTokens).where(eq(apiTokens.name, 'importer'));
    expect(row!.tokenHash).not.toContain(token.slice(3));
    expect(row!.lastUsedAt).toBeNull();

    const created = await call(server, 'POST', '/api/incidents', { token, body: incidentInput(7) });
    expect(created.status).toBe(201);
    expect(created.body.incident.createdBy).toBe('token:importer (operator@example.org)');
    const [used] = await server.runtime.database.db.select().from(apiTokens).where(eq(apiTokens.id, row!.id));
    expect(used!.lastUsedAt).not.toBeNull();

    const admin = await addUser(server, 'admin-b@example.org', 'admin');
    const adminToken = (await tokenCreate(server.runtime.auth, ['--email', admin.email, '--name', 'admin-script'])).at(
      -1,
    )!;
    const listed = await call(server, 'GET', '/api/tokens', { token: adminToken });
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(
      (await call(server, 'DELETE', `/api/tokens/${row!.id}`, { token: adminToken })).body.token.revokedAt,
    ).not.toBeNull();
    const refused = await call(server, 'GET', '/api/incidents', { token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/revoked/);
    expect((await call(server, 'GET', '/api/incidents', { token: 'bw_not-a-real-token' })).status).toBe(401);
    expect(
      (await call(server, 'GET', '/api/incidents', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })).status,
    ).toBe(401);
  });

  it('user:add creates, then updates the role, and prints a generated password only when it made one', async () => {
    const service = server.runtime.auth;
    const first = await userAdd(service, ['--email', 'cli@example.org', '--role', 'viewer']);
    expect(first[0]).toMatch(/^Created cli@example.org with role viewer/);
    const password = first.at(-1)!;
    await signIn(server, 'cli@example.org', password);
    const second = await userAdd(service, ['--email', 'cli@example.org', '--role', 'operator']);
    expect(second).toEqual(['Updated cli@example.org with role operator.', 'Password unchanged.']);
    await expect(userAdd(service, ['--email', 'cli@example.org', '--role', 'boss'])).rejects.toThrow(
      /--role must be one of/,
    );
  });

  it('refuses a socket without credentials with a clear error, and accepts a cookie or a token', async () => {
    const anonymous = await tryConnect(server.url);
    expect(anonymous).toMatchObject({ connected: false, code: 'unauthenticated' });
    expect(anonymous.message).toMatch(/Sign in to receive live updates/);
    const bad = await tryConnect(server.url, { token: 'bw_nope' });
    expect(bad).toMatchObject({ connected: false, code: 'unauthenticated' });
    const session = await signIn(server, 'viewer@example.org');
    expect(await tryConnect(server.url, {}, { cookie: session.cookie, origin: server.url })).toEqual({
      connected: true,
    });
    const token = (await tokenCreate(server.runtime.auth, ['--email', 'viewer@example.org', '--name', 'wall'])).at(-1)!;
    expect(await tryConnect(server.url, { token })).toEqual({ connected: true });
  });
});
