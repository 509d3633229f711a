/**
 * Demo credentials: the sign-in page lists the demo accounts only while demo data is on and
 * loaded and only those that still have the demo password; admins are warned while any account
 * has it; a PostgreSQL start with DEMO_DATA=auto creates no account at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createIncident } from '../../core/incident/create-incident';
import { listUsers } from '../../db/queries/users';
import { createDemoAccounts } from '../../server/auth/demo-accounts';
import { DEMO_PASSWORD } from '../../core/demo/demo-accounts';
import { accountsWithDemoPassword, demoCredentials } from '../../server/auth/demo-password';
import { createUser, updateUser } from '../../server/auth/users';
import type { Runtime } from '../../server/runtime';
import { createReadModel } from '../../server/read-model';
import { startTestServer, type TestServer } from '../support/test-server';
import { incidentInput } from './api-support';

describe('demo credentials on the sign-in page (pglite)', () => {
  let server: TestServer;
  let on: Runtime;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    // The same runtime as a DEMO_DATA=on start would have (without loading three years of demo records).
    on = { ...server.runtime, env: { ...server.runtime.env, DEMO_DATA: 'on' } };
    await createDemoAccounts(on);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('shows nothing until synthetic demo data is loaded, then the accounts with the demo password', async () => {
    expect(await demoCredentials(on)).toBeNull();
    await createIncident({
      ctx: server.runtime.ctx({ id: null, label: 'system:demo', role: 'system' }),
      input: incidentInput(),
    });
    await server.runtime.database.db.execute(sql`update incidents set synthetic = true`);
    // A fresh read model: the dashboard's own caches "no synthetic records" for a while.
    on = { ...on, reads: createReadModel(server.runtime.database) };
    const shown = (await demoCredentials(on))!;
    expect(shown.password).toBe(DEMO_PASSWORD);
    expect(shown.accounts.map((a) => a.email).sort()).toEqual([
      'admin@demo.local',
      'operator@demo.local',
      'viewer@demo.local',
    ]);
    expect(await demoCredentials(server.runtime)).toBeNull(); // DEMO_DATA=off
  });

  it('drops an account from the list (and the admin warning) once its password changes', async () => {
    const service = server.runtime.auth;
    const viewer = (await listUsers(server.runtime.database.db)).find((u) => u.email === 'viewer@demo.local')!;
    await updateUser(service, viewer.id, { password: 'a private passphrase 2026' });
    expect((await demoCredentials(on))!.accounts.map((a) => a.email)).not.toContain('viewer@demo.local');
    // Any account with the demo password counts for the admin warning, not only the demo ones.
    await createUser(service, { email: 'lazy@example.org', role: 'viewer', password: DEMO_PASSWORD });
    expect(await accountsWithDemoPassword(server.runtime)).toContain('lazy@example.org');
    for (const u of await listUsers(server.runtime.database.db))
      if (u.email !== 'viewer@demo.local')
        await updateUser(service, u.id, { password: `private passphrase for ${u.email.split('@')[0]} 26` });
    expect(await accountsWithDemoPassword(server.runtime)).toEqual([]);
    expect(await demoCredentials(on)).toBeNull();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('a PostgreSQL start (needs TEST_DATABASE_URL)', () => {
  let server: TestServer;
  afterAll(async () => {
    await server?.destroy();
  });
  it('creates no demo account with DEMO_DATA=auto', async () => {
    server = await startTestServer('postgres', { env: { DEMO_DATA: 'auto' } });
    expect(await listUsers(server.runtime.database.db)).toEqual([]);
  });
});
