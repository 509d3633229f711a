/**
 * The live protocol against a real server on port 0 and real socket.io clients. Writes go
 * through the same core verbs the API calls, in the server's own runtime.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createIncident, createIncidents } from '../../core/incident/create-incident';
import { updateIncident } from '../../core/incident/update-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import type { Incident } from '../../core/incident/schema';
import { drivers } from '../support/test-database';
import { connectLive, startTestServer, type LiveClient, type TestServer } from '../support/test-server';

const actor = { id: null, label: 'live-test', role: 'operator' as const };
const input = (n: number) => ({
  occurredAt: '2025-02-01T10:00:00Z',
  province: 'KP',
  type: 'ied_explosive',
  summary: `incident ${n}`,
  casualties: { killed: { civilians: { low: n % 5 } } },
});

function expectContiguous(client: LiveClient, from: number, to: number) {
  expect(client.changes.map((c) => c.seq)).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

describe.each(drivers)('live changes on %s', (driver) => {
  let server: TestServer;
  const clients: LiveClient[] = [];
  const connect = (auth: Record<string, unknown> = {}, opts = {}) => {
    const c = connectLive(server.url, auth, opts);
    clients.push(c);
    return c;
  };
  const write = (n: number) => createIncident({ ctx: server.runtime.ctx(actor), input: input(n) });

  beforeAll(async () => {
    server = await startTestServer(driver, { env: { PUBLIC_DASHBOARD: '1' } });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('delivers a write to a connected client with its seq and data', async () => {
    const client = connect();
    await client.waitFor(() => client.hellos.length === 1);
    expect(client.hellos[0]!.recovered).toBe(false);
    const { record, change } = await write(1);
    await client.waitFor(() => client.changes.length === 1);
    const got = client.changes[0]!;
    expect(got).toMatchObject({
      seq: change.seq,
      epoch: change.epoch,
      entity: 'incident',
      action: 'created',
      id: record.id,
      version: 1,
    });
    expect((got.data as Incident).summary).toBe('incident 1');
  });

  it('replays exactly the changes missed while disconnected, in order, then live ones', async () => {
    const client = connect();
    await client.waitFor(() => client.hellos.length === 1);
    const start = client.hellos[0]!.seq;
    client.close();
    for (let i = 0; i < 50; i++) await write(i);
    const back = connect({ epoch: client.hellos[0]!.epoch, seq: start });
    await back.waitFor(() => back.changes.length === 50);
    expect(back.hellos[0]).toMatchObject({ recovered: true, seq: start + 50 });
    const { change } = await write(99);
    await back.waitFor(() => back.changes.length === 51);
    expectContiguous(back, start + 1, change.seq);
  });

  it('answers recovered: false for another epoch and for a position too far behind', async () => {
    const other = connect({ epoch: 'another-history', seq: 1 });
    await other.waitFor(() => other.hellos.length === 1);
    expect(other.hellos[0]!.recovered).toBe(false);
    const ctx = server.runtime.ctx(actor);
    // More than 1,000 changes behind: cheaper through one transaction.
    const { epoch, seq } = server.runtime.hub.position;
    await ctx.store.transact((tx) =>
      createIncidents({ ctx, inputs: Array.from({ length: 1001 }, (_, i) => input(i)), tx }),
    );
    await server.runtime.hub.until(seq + 1001);
    const behind = connect({ epoch, seq });
    await behind.waitFor(() => behind.hellos.length === 1);
    expect(behind.hellos[0]).toMatchObject({ recovered: false, seq: seq + 1001 });
    const near = connect({ epoch, seq: seq + 1 });
    await near.waitFor(() => near.changes.length === 1000);
    expect(near.hellos[0]!.recovered).toBe(true);
  });

  it('gives every client contiguous seqs under 20 concurrent writers', async () => {
    const a = connect();
    const b = connect();
    await a.waitFor(() => a.hellos.length === 1 && b.hellos.length === 1);
    const from = a.hellos[0]!.seq + 1;
    await Promise.all(
      Array.from({ length: 20 }, async (_, w) => {
        for (let i = 0; i < 5; i++) await write(w * 10 + i);
      }),
    );
    for (const c of [a, b]) {
      await c.waitFor(() => c.changes.length === 100);
      expectContiguous(c, from, from + 99);
    }
  });

  it('sends updates and retractions as changes that the client can apply', async () => {
    const client = connect();
    await client.waitFor(() => client.hellos.length === 1);
    const ctx = server.runtime.ctx(actor);
    const { record } = await write(3);
    await updateIncident({
      ctx,
      id: record.id,
      input: { version: 1, casualties: { killed: { civilians: { low: 7 } } } },
    });
    await retractIncident({ ctx, id: record.id, input: { reason: 'duplicate report' } });
    await client.waitFor(() => client.changes.length === 3);
    // What a dashboard does: keep the latest version of each record, count the live ones.
    const state = new Map<string, Incident>();
    const killed = () =>
      [...state.values()]
        .filter((i) => !i.retractedAt)
        .reduce((n, i) => n + (i.casualties.killed.civilians.low ?? 0), 0);
    const seen: number[] = [];
    for (const c of client.changes) {
      state.set(c.id, c.data as Incident);
      seen.push(killed());
    }
    expect(client.changes.map((c) => c.action)).toEqual(['created', 'updated', 'retracted']);
    expect(seen).toEqual([3, 7, 0]);
    expect((client.changes[2]!.data as Incident).retractionReason).toBe('duplicate report');
  });

  it('lets clients resume after the server stops and starts again, missing nothing', async () => {
    const reconnecting = connect({}, { reconnection: true });
    await reconnecting.waitFor(() => reconnecting.hellos.length === 1);
    const from = reconnecting.hellos[0]!.seq + 1;
    await write(1);
    await reconnecting.waitFor(() => reconnecting.changes.length === 1);
    const { port } = server;
    const dataDir = server.env.DATA_DIR;
    const databaseUrl = server.env.DATABASE_URL;
    await server.close();
    // Written while no server is running, straight into the database by a second server we stop.
    const writer = await startTestServer(driver, { databaseUrl, dataDir, env: { PUBLIC_DASHBOARD: '1' } });
    for (let i = 0; i < 5; i++) await createIncident({ ctx: writer.runtime.ctx(actor), input: input(i) });
    await writer.close();
    const restarted = await startTestServer(driver, {
      databaseUrl,
      dataDir,
      env: { PUBLIC_DASHBOARD: '1', PORT: String(port) },
    });
    const destroyOld = server.destroy;
    server = {
      ...restarted,
      destroy: async () => {
        await restarted.close();
        await destroyOld().catch(() => {});
      },
    };
    await write(2);
    await reconnecting.waitFor(() => reconnecting.changes.length === 7, 15_000);
    expectContiguous(reconnecting, from, from + 6);
    expect(reconnecting.hellos.at(-1)!.recovered).toBe(true);
  });
});
