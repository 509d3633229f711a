/**
 * Transport security: the cross-site write check on cookie sessions, security headers, body
 * limits and content types (never a 500 for bad input), the sign-in rate limit, and Secure
 * cookies behind HTTPS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  backoffSeconds,
  clearFailures,
  FREE_FAILURES,
  recordFailure,
  waitAfter,
} from '../../server/auth/sign-in-backoff';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, incidentInput, PASSWORD, signIn, tokenFor, type Session } from './api-support';
import { resultRows } from '../../db/result-rows';

async function countIncidents(server: TestServer): Promise<number> {
  const r = (await server.runtime.database.db.execute(sql`select count(*)::int as n from incidents`)) as unknown;
  const rows = resultRows<{ n: number }>(r);
  return Number(rows[0]!.n);
}

describe.each(drivers)('security on %s', (driver) => {
  let server: TestServer;
  let session: Session;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(driver);
    const user = await addUser(server, 'operator@example.org', 'operator');
    session = await signIn(server, 'operator@example.org');
    token = await tokenFor(server, user.id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('refuses a cookie write from a foreign Origin, or with no Origin at all, and writes nothing', async () => {
    const before = await countIncidents(server);
    const foreign = await call(server, 'POST', '/api/incidents', {
      session,
      body: incidentInput(),
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatchObject({ code: 'forbidden' });
    expect(foreign.body.error.message).toMatch(/https:\/\/evil\.example/);
    const bare = await fetch(`${server.url}/api/incidents`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(incidentInput()),
    });
    expect(bare.status).toBe(403);
    const foreignReferer = await call(server, 'DELETE', '/api/incidents/00000000-0000-4000-8000-000000000000', {
      session,
      headers: { origin: '', referer: 'https://evil.example/page' },
    });
    expect(foreignReferer.status).toBe(403);
    expect(await countIncidents(server)).toBe(before);
  });

  it('accepts a cookie write from this site (Origin or Referer) and a Bearer write without Origin', async () => {
    expect((await call(server, 'POST', '/api/incidents', { session, body: incidentInput() })).status).toBe(201);
    const viaReferer = await fetch(`${server.url}/api/incidents`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/json', referer: `${server.url}/incidents/new` },
      body: JSON.stringify(incidentInput()),
    });
    expect(viaReferer.status).toBe(201);
    expect((await call(server, 'POST', '/api/incidents', { token, body: incidentInput() })).status).toBe(201);
  });

  it('sends security headers on API answers, errors and health included', async () => {
    for (const path of ['/api/incidents', '/api/health', '/api/nope']) {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('answers 413 for a body over 1 MB, 415 for a non-JSON type, 400 for broken JSON, and writes nothing', async () => {
    const before = await countIncidents(server);
    const big = { ...incidentInput(), summary: 'x'.repeat(1024 * 1024 + 10) };
    const tooLarge = await call(server, 'POST', '/api/incidents', { token, body: big });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('payload_too_large');

    const form = await call(server, 'POST', '/api/incidents', {
      token,
      body: 'province=KP',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.body.error).toMatchObject({ code: 'unsupported_media_type' });
    expect(form.body.error.message).toMatch(/application\/json/);

    const broken = await call(server, 'POST', '/api/incidents', { token, body: '{"province": "KP",' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/not valid JSON/);

    const empty = await call(server, 'POST', '/api/incidents', {
      token,
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
    const notObject = await call(server, 'POST', '/api/incidents', { token, body: [1, 2] });
    expect(notObject.status).toBe(400);
    const badId = await call(server, 'PATCH', '/api/incidents/not-a-uuid', { token, body: { version: 1 } });
    expect(badId.status).toBe(404);
    const badQuery = await call(server, 'GET', '/api/incidents?limit=5000&province=Narnia&cursor=%%%', { token });
    expect(badQuery.status).toBe(400);
    expect(Object.keys(badQuery.body.error.fields)).toContain('limit');
    expect(await countIncidents(server)).toBe(before);
  });

  it('rate-limits sign-in attempts per client address (429 with Retry-After)', async () => {
    let n = 0;
    // A new email each time: the per-account backoff (below) stays out of this test.
    const attempt = () =>
      call(server, 'POST', '/api/auth/sign-in/email', {
        body: { email: `guess-${n++}@example.org`, password: 'wrong-password' },
        headers: { origin: server.url },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // A spoofed address header does not open a new bucket.
    const spoofed = await call(server, 'POST', '/api/auth/sign-in/email', {
      body: { email: 'operator@example.org', password: PASSWORD },
      headers: { origin: server.url, 'x-bw-client-ip': '203.0.113.9', 'x-forwarded-for': '203.0.113.9' },
    });
    expect(spoofed.status).toBe(429);
  });
});

describe.each(drivers)('behind HTTPS (BASE_URL https) on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(driver, { env: { BASE_URL: 'https://watch.example.org' } });
    await addUser(server, 'viewer@example.org', 'viewer');
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('sets a Secure, __Secure- prefixed session cookie and HSTS, and trusts BASE_URL as the origin', async () => {
    const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://watch.example.org' },
      body: JSON.stringify({ email: 'viewer@example.org', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Secure-bw.session_token='))!;
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    const session = { cookie: cookie.split(';')[0]!, email: 'viewer@example.org' };
    expect((await call(server, 'GET', '/api/me', { session })).body.user.email).toBe('viewer@example.org');
    expect(
      (await call(server, 'POST', '/api/auth/sign-out', { session, headers: { origin: 'https://watch.example.org' } }))
        .status,
    ).toBe(200);
  });
});

describe.each(drivers)('sign-in backoff per account on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(driver);
    await addUser(server, 'target@example.org', 'viewer');
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('makes an account wait after 5 failures whatever the address, then forgets on success', async () => {
    const db = server.runtime.database.db;
    const attempt = (password: string) =>
      call(server, 'POST', '/api/auth/sign-in/email', {
        body: { email: 'target@example.org', password },
        headers: { origin: server.url },
      });
    for (let i = 0; i < FREE_FAILURES; i++) expect((await attempt(`wrong ${i}`)).status).toBe(401);
    const refused = await attempt(PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/for this account/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(25);
    // A non-existent account gets the same treatment (no hint which emails exist).
    // (Four over HTTP, the fifth directly: the per-address limit of 10 a minute would answer first.)
    for (let i = 0; i < FREE_FAILURES - 1; i++)
      await call(server, 'POST', '/api/auth/sign-in/email', {
        body: { email: 'nobody@example.org', password: `x ${i}` },
        headers: { origin: server.url },
      });
    expect(await backoffSeconds(db, 'nobody@example.org')).toBe(0);
    await recordFailure(db, 'nobody@example.org');
    expect(await backoffSeconds(db, 'nobody@example.org')).toBeGreaterThan(0);
    // The wait doubles with each further failure, and a success clears the count.
    expect(waitAfter(FREE_FAILURES + 1)).toBe(2 * waitAfter(FREE_FAILURES));
    await clearFailures(db, 'target@example.org');
    await recordFailure(db, 'target@example.org');
    expect((await attempt(PASSWORD)).status).toBe(200);
    expect(await backoffSeconds(db, 'target@example.org')).toBe(0);
    await recordFailure(db, 'target@example.org');
    expect(await backoffSeconds(db, 'target@example.org')).toBe(0);
  });
});
