/**
 * Several server processes on one PostgreSQL: a write on one node reaches the clients of another
 * through the change log (NOTIFY only wakes the node up), even when the LISTEN connection dies.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { createIncident } from '../../core/incident/create-incident';
import { connectLive, startTestServer, type LiveClient, type TestServer } from '../support/test-server';

const actor = { id: null, label: 'node-test', role: 'operator' as const };
const input = (n: number) => ({
  occurredAt: '2025-02-01T10:00:00Z',
  province: 'Sindh',
  type: 'targeted_killing',
  summary: `n${n}`,
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two nodes on one PostgreSQL (needs TEST_DATABASE_URL)', () => {
  let a: TestServer;
  let b: TestServer;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    a = await startTestServer('postgres', { env: { PUBLIC_DASHBOARD: '1' } });
    b = await startTestServer('postgres', { databaseUrl: a.env.DATABASE_URL, env: { PUBLIC_DASHBOARD: '1' } });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await b?.close();
    await a?.destroy();
  });

  it('a write on one node reaches the clients of the other', async () => {
    const onB = connectLive(b.url);
    clients.push(onB);
    await onB.waitFor(() => onB.hellos.length === 1);
    const { change } = await createIncident({ ctx: a.runtime.ctx(actor), input: input(1) });
    await onB.waitFor(() => onB.changes.length === 1);
    expect(onB.changes[0]!.seq).toBe(change.seq);
  });

  it('loses nothing when the LISTEN connection is terminated while writes continue', async () => {
    const onB = connectLive(b.url);
    clients.push(onB);
    await onB.waitFor(() => onB.hellos.length === 1);
    const from = onB.hellos[0]!.seq + 1;
    const admin = postgres(a.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const ctx = a.runtime.ctx(actor);
    try {
      for (let i = 0; i < 60; i++) {
        await createIncident({ ctx, input: input(i) });
        if (i === 20 || i === 40) {
          // Kill every LISTEN connection (both nodes'); postgres.js reconnects and re-LISTENs.
          const killed =
            await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`;
          expect(killed.length).toBeGreaterThanOrEqual(1);
        }
      }
    } finally {
      await admin.end();
    }
    await onB.waitFor(() => onB.changes.length === 60, 15_000);
    expect(onB.changes.map((c) => c.seq)).toEqual(Array.from({ length: 60 }, (_, i) => from + i));
  });
});
