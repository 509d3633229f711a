/**
 * A server process is SIGKILLed and restarted while another node keeps writing: every client of
 * the killed node ends with every change, exactly once, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, freePort, type PgCluster } from '../support/pg-cluster';
import { spawnServer, type ServerProcess } from '../support/spawn-server';
import { connectLive, startTestServer, type LiveClient, type TestServer } from '../support/test-server';
import { addUser, call, incidentInput, tokenFor } from '../server/api-support';

describe('a killed node', () => {
  let cluster: PgCluster;
  let writer: TestServer;
  let node: ServerProcess | null = null;
  let token: string;
  beforeAll(async () => {
    cluster = await createCluster();
    writer = await startTestServer('postgres', { databaseUrl: cluster.url, env: { PUBLIC_DASHBOARD: '1' } });
    token = await tokenFor(writer, (await addUser(writer, 'operator@kill.test', 'operator')).id);
  });
  afterAll(async () => {
    await node?.kill('SIGKILL');
    await writer?.close();
    cluster?.destroy();
  });

  it('loses nothing and repeats nothing for its clients', async () => {
    const env = { DATABASE_URL: cluster.url, PORT: String(await freePort()), PUBLIC_DASHBOARD: '1' };
    node = await spawnServer(env);
    const clients: LiveClient[] = Array.from({ length: 5 }, () => connectLive(node!.url, {}, { reconnection: true }));
    for (const c of clients) await c.waitFor(() => c.hellos.length === 1);
    const from = clients[0]!.hellos[0]!.seq + 1;

    let written = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        const res = await call(writer, 'POST', '/api/incidents', { token, body: incidentInput(written) });
        expect(res.status).toBe(201);
        written++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    await node.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 1000)); // writes go on while the node is down
    node = await spawnServer(env);
    await new Promise((r) => setTimeout(r, 500));
    writing = false;
    await writes;

    const expected = Array.from({ length: written }, (_, i) => from + i);
    for (const c of clients) {
      await c.waitFor(() => c.changes.length >= written, 20_000);
      expect(c.changes.map((ch) => ch.seq)).toEqual(expected);
      expect(c.hellos.length).toBeGreaterThanOrEqual(2);
      expect(c.hellos.at(-1)!.recovered).toBe(true);
      c.close();
    }
  });
});
