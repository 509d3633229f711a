/**
 * Soak (bounded, about 70 s): 200 clients, 20 writes per second through the API for 60 s; every
 * client receives every change exactly once, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, startTestServer, type LiveClient, type TestServer } from '../support/test-server';
import { addUser, call, incidentInput, tokenFor } from '../server/api-support';

const CLIENTS = 200;
const RATE = 20;
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);

describe('soak', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite', {
      env: { PUBLIC_DASHBOARD: '1' },
    });
    token = await tokenFor(server, (await addUser(server, 'operator@soak.test', 'operator')).id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it(`${CLIENTS} clients, ${RATE} writes/s for ${SECONDS} s: every change exactly once`, async () => {
    const clients: LiveClient[] = Array.from({ length: CLIENTS }, () => connectLive(server.url));
    for (const c of clients) await c.waitFor(() => c.hellos.length === 1, 30_000);
    const from = Math.max(...clients.map((c) => c.hellos[0]!.seq)) + 1;
    const total = RATE * SECONDS;
    const started = Date.now();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(
        call(server, 'POST', '/api/incidents', { token, body: incidentInput(i) }).then((r) => {
          if (r.status !== 201) throw new Error(`write ${i} answered ${r.status}`);
        }),
      );
    }
    await Promise.all(pending);
    const expected = Array.from({ length: total }, (_, i) => from + i);
    for (const c of clients) {
      await c.waitFor(() => c.changes.length >= total, 30_000);
      expect(c.changes.map((x) => x.seq)).toEqual(expected);
      c.close();
    }
  }, 180_000);
});
