/**
 * POST /api/incidents/batch against a real server: per-item answers equal to the single create's
 * (same status, message and field, the path prefixed by the item's place), per-item and per-request
 * Idempotency-Keys (a retried batch stores nothing twice, also across the single-create route), the
 * envelope's own 400s, and live clients receiving a chunk as one batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers } from '../support/test-database';
import { connectLive, startTestServer, type TestServer } from '../support/test-server';
import { resultRows } from '../../db/result-rows';
import { addUser, call, incidentInput, tokenFor } from './api-support';

async function count(server: TestServer, table: 'incidents' | 'changes' | 'idempotency_keys'): Promise<number> {
  const r = (await server.runtime.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown;
  return Number(resultRows<{ n: number }>(r)[0]!.n);
}

describe.each(drivers)('POST /api/incidents/batch on %s', (driver) => {
  let server: TestServer;
  let token: string;
  let viewer: string;
  beforeAll(async () => {
    server = await startTestServer(driver);
    token = await tokenFor(server, (await addUser(server, 'batch@example.org', 'operator')).id);
    viewer = await tokenFor(server, (await addUser(server, 'watch@example.org', 'viewer')).id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  const batch = (items: unknown, headers: Record<string, string> = {}) =>
    call(server, 'POST', '/api/incidents/batch', { token, body: { items }, headers });

  it('answers each item as a single create would, bad items beside good ones', async () => {
    const before = await count(server, 'incidents');
    const bad = { ...incidentInput(2), province: 'Atlantis' };
    const single = await call(server, 'POST', '/api/incidents', { token, body: bad });
    expect(single.status).toBe(400);
    const unknownGroup = { ...incidentInput(3), groupId: '00000000-0000-4000-8000-000000000000' };
    const singleGroup = await call(server, 'POST', '/api/incidents', { token, body: unknownGroup });
    expect(singleGroup.status).toBe(400);

    const res = await batch([incidentInput(1), bad, unknownGroup, incidentInput(4), 'not an object']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, replayed: 0, failed: 3 });
    const [ok, wrong, noGroup, ok2, notObject] = res.body.results;
    expect(ok).toMatchObject({ index: 0, status: 201, incident: { summary: 'test incident 1', version: 1 } });
    expect(ok.change).toEqual({ epoch: expect.any(String), seq: expect.any(Number) });
    expect(ok2.change.seq).toBeGreaterThan(ok.change.seq);
    // The same message; the field path is the single create's, inside items.<index>.
    expect(wrong.status).toBe(400);
    expect(wrong.error.message).toBe(single.body.error.message);
    expect(wrong.error.fields).toEqual({ 'items.1.province': single.body.error.fields.province });
    expect(noGroup).toMatchObject({ index: 2, status: 400, error: { message: singleGroup.body.error.message } });
    expect(noGroup.error.fields).toEqual({ 'items.2.groupId': singleGroup.body.error.fields.groupId });
    expect(notObject).toMatchObject({ index: 4, status: 400, error: { code: 'validation' } });
    expect(Object.keys(notObject.error.fields)).toEqual(['items.4']);
    // Only the two good ones were stored.
    expect(await count(server, 'incidents')).toBe(before + 2);
    const stored = await call(server, 'GET', `/api/incidents/${ok.incident.id}`, { token });
    expect(stored.body.incident).toEqual(ok.incident);
  });

  it('gives a taken external id the single create error and writes the rest of the chunk', async () => {
    const first = await batch([{ ...incidentInput(5), externalId: 'ext-batch-1' }]);
    expect(first.body.results[0].status).toBe(201);
    const before = await count(server, 'incidents');
    const single = await call(server, 'POST', '/api/incidents', {
      token,
      body: { ...incidentInput(6), externalId: 'ext-batch-1' },
    });
    expect(single.status).toBe(400);
    const res = await batch([incidentInput(7), { ...incidentInput(6), externalId: 'ext-batch-1' }, incidentInput(8)]);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 400, 201]);
    expect(res.body.results[1].error.message).toBe(single.body.error.message);
    expect(res.body.results[1].error.fields).toEqual({ 'items.1.externalId': single.body.error.fields.externalId });
    expect(await count(server, 'incidents')).toBe(before + 2);
  });

  it('stores nothing twice when a keyed batch is retried, and replays across the single route', async () => {
    const items = [
      { ...incidentInput(10), idempotencyKey: 'item-a' },
      { ...incidentInput(11), idempotencyKey: 'item-b' },
      incidentInput(12),
    ];
    const before = await count(server, 'incidents');
    const first = await batch(items, { 'idempotency-key': 'load-7' });
    expect(first.body).toMatchObject({ created: 3, replayed: 0, failed: 0 });
    const again = await batch(items, { 'idempotency-key': 'load-7' });
    expect(again.body).toMatchObject({ created: 0, replayed: 3, failed: 0 });
    expect(again.body.results.map((r: { incident: { id: string } }) => r.incident.id)).toEqual(
      first.body.results.map((r: { incident: { id: string } }) => r.incident.id),
    );
    expect(await count(server, 'incidents')).toBe(before + 3);

    // A single create with an item's key and body is the same request.
    const single = await call(server, 'POST', '/api/incidents', {
      token,
      body: incidentInput(10),
      headers: { 'idempotency-key': 'item-a' },
    });
    expect(single.status).toBe(201);
    expect(single.headers.get('idempotent-replayed')).toBe('true');
    expect(single.body.incident.id).toBe(first.body.results[0].incident.id);

    // The same key with another body is that item's conflict; the others still go in.
    const other = await batch([{ ...incidentInput(99), idempotencyKey: 'item-b' }, incidentInput(13)]);
    expect(other.body.results[0]).toMatchObject({
      status: 409,
      error: { code: 'conflict', fields: { 'items.0.idempotencyKey': 'was used with another body' } },
    });
    expect(other.body.results[1].status).toBe(201);
    expect(await count(server, 'incidents')).toBe(before + 4);
  });

  it('answers a key repeated inside one batch once, and a bad key as the item field', async () => {
    const before = await count(server, 'incidents');
    const item = { ...incidentInput(20), idempotencyKey: 'twice' };
    const res = await batch([
      item,
      item,
      { ...incidentInput(21), idempotencyKey: 'twice' },
      { ...item, idempotencyKey: 7 },
    ]);
    const [a, b, c, d] = res.body.results;
    expect(a.status).toBe(201);
    expect(b).toMatchObject({ status: 201, replayed: true, incident: { id: a.incident.id } });
    expect(c).toMatchObject({ status: 409, error: { fields: { 'items.2.idempotencyKey': expect.any(String) } } });
    expect(d).toMatchObject({ status: 400, error: { fields: { 'items.3.idempotencyKey': 'must be a string' } } });
    expect(await count(server, 'incidents')).toBe(before + 1);
  });

  it('refuses a wrong envelope with a 400 naming it', async () => {
    const empty = await batch([]);
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual({ items: expect.any(String) });
    const tooMany = await batch(Array.from({ length: 501 }, () => incidentInput(1)));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields.items).toMatch(/at most 500/);
    const notArray = await call(server, 'POST', '/api/incidents/batch', { token, body: { items: {} } });
    expect(notArray.body.error.fields).toEqual({ items: 'must be an array of incidents' });
    const extra = await call(server, 'POST', '/api/incidents/batch', { token, body: { items: [], more: 1 } });
    expect(extra.body.error.fields).toEqual({ more: 'is not a known field' });
    const array = await call(server, 'POST', '/api/incidents/batch', { token, body: [incidentInput(1)] });
    expect(array.status).toBe(400);
    const asViewer = await call(server, 'POST', '/api/incidents/batch', {
      token: viewer,
      body: { items: [incidentInput(1)] },
    });
    expect(asViewer.status).toBe(403);
  });

  it('writes 500 items in chunks that live clients receive as batches, each change once', async () => {
    const live = connectLive(server.url, { token: viewer });
    await live.waitFor(() => live.hellos.length === 1);
    const batches: number[] = [];
    live.socket.on('live.changes', (b: unknown[]) => batches.push(b.length));
    const before = await count(server, 'changes');
    const res = await batch(Array.from({ length: 500 }, (_, i) => incidentInput(100 + i)));
    expect(res.body).toMatchObject({ created: 500, failed: 0 });
    const ids = new Set(res.body.results.map((r: { incident: { id: string } }) => r.incident.id));
    expect(ids.size).toBe(500);
    expect(await count(server, 'changes')).toBe(before + 500);
    await live.waitFor(() => live.changes.filter((c) => ids.has(c.id)).length >= 500);
    expect(live.changes.filter((c) => ids.has(c.id))).toHaveLength(500);
    // Five transactions of 100: a handful of broadcasts, not 500.
    expect(batches.length).toBeLessThanOrEqual(5);
    const seqs = res.body.results.map((r: { change: { seq: number } }) => r.change.seq);
    expect(seqs).toEqual([...seqs].sort((x: number, y: number) => x - y));
    live.close();
  });
});
