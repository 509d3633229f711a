/**
 * The password policy on every path that sets one (admin API, CLI, the user's own change, a direct
 * update), and what a script on the page can learn of a session (no token).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userAdd, UsageError } from '../../server/auth/cli-commands';
import { passwordProblem } from '../../server/auth/password-policy';
import { updateUser } from '../../server/auth/users';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, PASSWORD, signIn, type Session } from './api-support';

const WEAK = ['aaaaaaaa', 'password', 'aaaaaaaaaaaa', 'password1234', 'qwertyuiopasdf', 'borderwatch1', '123456789012'];

describe('password policy', () => {
  it('refuses short, common and guessable passwords and accepts passphrases', () => {
    for (const p of WEAK) expect(passwordProblem(p), p).not.toBeNull();
    expect(passwordProblem('aaaaaaaa')).toMatch(/at least 12 characters/);
    expect(passwordProblem('password1234')).toMatch(/too easy to guess/);
    for (const p of [PASSWORD, 'watch-the-border-demo', 'kettle orbit sandal 93'])
      expect(passwordProblem(p), p).toBeNull();
  });
});

describe.each(drivers)('password policy on every path on %s', (driver) => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await startTestServer(driver);
    await addUser(server, 'admin@example.org', 'admin');
    admin = await signIn(server, 'admin@example.org');
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('admin API: create and change', async () => {
    for (const password of WEAK) {
      const res = await call(server, 'POST', '/api/users', {
        session: admin,
        body: { email: `weak-${Math.random()}@example.org`, role: 'viewer', password },
      });
      expect(res.status, password).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(['password']);
    }
    const user = await addUser(server, 'someone@example.org', 'viewer');
    const res = await call(server, 'PATCH', `/api/users/${user.id}`, {
      session: admin,
      body: { password: 'password' },
    });
    expect(res.status).toBe(400);
    await expect(updateUser(server.runtime.auth, user.id, { password: 'aaaaaaaaaaaa' })).rejects.toThrow(/password/);
  });

  it('CLI user:add', async () => {
    await expect(
      userAdd(server.runtime.auth, ['--email', 'cli@example.org', '--role', 'viewer', '--password', 'password1234']),
    ).rejects.toThrow(UsageError);
  });

  it('the user’s own change-password', async () => {
    await addUser(server, 'self@example.org', 'viewer');
    const session = await signIn(server, 'self@example.org');
    const res = await call(server, 'POST', '/api/auth/change-password', {
      session,
      body: { currentPassword: PASSWORD, newPassword: 'aaaaaaaa' },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['newPassword']);
    // The old password still works: nothing was changed.
    await signIn(server, 'self@example.org');
  });

  it('never hands the session token to a script (get-session)', async () => {
    const res = await call(server, 'GET', '/api/auth/get-session', { session: admin });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('admin@example.org');
    expect(res.body.session).toBeDefined();
    expect(res.body.session.token).toBeUndefined();
    const secret = decodeURIComponent(admin.cookie.split('=')[1]!).split('.')[0]!;
    expect(JSON.stringify(res.body)).not.toContain(secret);
  });
});
