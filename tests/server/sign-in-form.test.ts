/**
 * The sign-in form posted without JavaScript: a 303 to `next` with the session cookie, or back to
 * the sign-in page with an error; never the password in a URL; only from this site's pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, PASSWORD } from './api-support';

describe.each(drivers)('sign-in form without JavaScript on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(driver);
    await addUser(server, 'viewer@example.org', 'viewer');
  });
  afterAll(async () => {
    await server?.destroy();
  });

  const post = (fields: Record<string, string>, origin: string | null = server.url) =>
    fetch(`${server.url}/api/auth/sign-in/form`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
      body: new URLSearchParams(fields).toString(),
    });

  it('signs in and redirects to next with the session cookie', async () => {
    const res = await post({ email: 'viewer@example.org', password: PASSWORD, next: '/incidents?x=1', remember: 'on' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/incidents?x=1');
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    expect(cookie).toMatch(/bw\.session_token=/);
    const me = await call(server, 'GET', '/api/me', { headers: { cookie } });
    expect(me.body.user.email).toBe('viewer@example.org');
  });

  it('sends a wrong password or a missing field back to the sign-in page, with no password in the URL', async () => {
    const wrong = await post({ email: 'viewer@example.org', password: 'not the password 1', next: '/wall' });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe('/sign-in?next=%2Fwall&error=wrong');
    expect(wrong.headers.getSetCookie().join()).not.toMatch(/session_token=[^;]/);
    const missing = await post({ email: 'viewer@example.org' });
    expect(missing.headers.get('location')).toBe('/sign-in?next=%2F&error=missing');
    for (const r of [wrong, missing]) expect(r.headers.get('location')).not.toContain('password');
  });

  it('never redirects off the site, and refuses a post from another origin or none', async () => {
    const res = await post({ email: 'viewer@example.org', password: PASSWORD, next: '//evil.example/x' });
    expect(res.headers.get('location')).toBe('/');
    expect((await post({ email: 'viewer@example.org', password: PASSWORD }, 'https://evil.example')).status).toBe(403);
    expect((await post({ email: 'viewer@example.org', password: PASSWORD }, null)).status).toBe(403);
  });
});
