/**
 * The database stops under a running server with dashboards connected: the server stays up,
 * health says degraded, writes answer 503 with a clear message; when the database returns, live
 * updates resume by themselves with no restart and no missing seq.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type PgCluster } from '../support/pg-cluster';
import { connectLive, startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, incidentInput, tokenFor } from '../server/api-support';

describe('a database outage', () => {
  let cluster: PgCluster;
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    cluster = await createCluster();
    server = await startTestServer('postgres', { databaseUrl: cluster.url, env: { PUBLIC_DASHBOARD: '1' } });
    token = await tokenFor(server, (await addUser(server, 'operator@outage.test', 'operator')).id);
  });
  afterAll(async () => {
    await server?.close();
    cluster?.destroy();
  });

  it('degrades clearly while the database is away and resumes live updates when it returns', async () => {
    const client = connectLive(server.url, {}, { reconnection: true });
    await client.waitFor(() => client.hellos.length === 1);
    const from = client.hellos[0]!.seq + 1;
    expect((await call(server, 'POST', '/api/incidents', { token, body: incidentInput(1) })).status).toBe(201);
    await client.waitFor(() => client.changes.length === 1);

    cluster.stop('fast');
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', database: 'postgres' });
    const write = await call(server, 'POST', '/api/incidents', { token, body: incidentInput(2) });
    expect(write.status).toBe(503);
    expect(write.body.error.code).toBe('unavailable');
    expect(write.body.error.message).toMatch(/database/i);
    const read = await call(server, 'GET', '/api/stats/summary', { token });
    expect(read.status).toBe(503);

    cluster.start();
    const deadline = Date.now() + 20_000;
    while ((await fetch(`${server.url}/api/health`)).status !== 200) {
      if (Date.now() > deadline) throw new Error('health did not recover');
      await new Promise((r) => setTimeout(r, 200));
    }
    for (let i = 3; i < 6; i++)
      expect((await call(server, 'POST', '/api/incidents', { token, body: incidentInput(i) })).status).toBe(201);
    await client.waitFor(() => client.changes.length === 4, 15_000);
    expect(client.changes.map((c) => c.seq)).toEqual([from, from + 1, from + 2, from + 3]);
    client.close();
  });
});
