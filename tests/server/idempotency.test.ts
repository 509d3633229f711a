/**
 * Writes that must not duplicate or overwrite: Idempotency-Key replays (one row, even under a race),
 * a reused key with another body, PATCH against an outdated version, and validation errors that
 * name the field and write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, incidentInput, signIn, tokenFor, type Session } from './api-support';
import { resultRows } from '../../db/result-rows';

async function count(server: TestServer, table: 'incidents' | 'idempotency_keys' | 'changes'): Promise<number> {
  const r = (await server.runtime.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown;
  const rows = resultRows<{ n: number }>(r);
  return Number(rows[0]!.n);
}

describe.each(drivers)('idempotent and versioned writes on %s', (driver) => {
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

  it('replays the first answer for the same key and body, keeping one row', async () => {
    const before = await count(server, 'incidents');
    const first = await call(server, 'POST', '/api/incidents', {
      session,
      body: incidentInput(1),
      headers: { 'idempotency-key': 'form-123' },
    });
    expect(first.status).toBe(201);
    // Same body with other key order and spacing: still the same request.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(incidentInput(1)).reverse()), null, 2);
    const again = await call(server, 'POST', '/api/incidents', {
      session,
      body: reordered,
      headers: { 'idempotency-key': 'form-123' },
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await count(server, 'incidents')).toBe(before + 1);
    expect(first.body.change).toEqual({ epoch: expect.any(String), seq: expect.any(Number) });
  });

  it('records one incident when the same request races itself', async () => {
    const before = await count(server, 'incidents');
    const send = () =>
      call(server, 'POST', '/api/incidents', {
        token,
        body: incidentInput(2),
        headers: { 'idempotency-key': 'double-click' },
      });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.incident.id)).size).toBe(1);
    expect(await count(server, 'incidents')).toBe(before + 1);
  });

  it('answers 409 for the same key with another body, and scopes keys per caller', async () => {
    await call(server, 'POST', '/api/incidents', {
      session,
      body: incidentInput(3),
      headers: { 'idempotency-key': 'k-409' },
    });
    const other = await call(server, 'POST', '/api/incidents', {
      session,
      body: incidentInput(4),
      headers: { 'idempotency-key': 'k-409' },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.fields).toHaveProperty('Idempotency-Key');
    const colleague = await addUser(server, 'colleague@example.org', 'operator');
    const theirs = await call(server, 'POST', '/api/incidents', {
      token: await tokenFor(server, colleague.id),
      body: incidentInput(4),
      headers: { 'idempotency-key': 'k-409' },
    });
    expect(theirs.status).toBe(201);
  });

  it('stores nothing for a failed create, so a corrected retry with the same key succeeds', async () => {
    const [incidents, keys, changes] = [
      await count(server, 'incidents'),
      await count(server, 'idempotency_keys'),
      await count(server, 'changes'),
    ];
    const bad = { ...incidentInput(5), casualties: { killed: { civilians: { low: 5, high: 2 } } }, province: 'Narnia' };
    const refused = await call(server, 'POST', '/api/incidents', {
      session,
      body: bad,
      headers: { 'idempotency-key': 'typo' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation');
    expect(refused.body.error.fields).toHaveProperty(['casualties.killed.civilians.high']);
    expect(refused.body.error.fields).toHaveProperty('province');
    expect([
      await count(server, 'incidents'),
      await count(server, 'idempotency_keys'),
      await count(server, 'changes'),
    ]).toEqual([incidents, keys, changes]);
    const fixed = await call(server, 'POST', '/api/incidents', {
      session,
      body: incidentInput(5),
      headers: { 'idempotency-key': 'typo' },
    });
    expect(fixed.status).toBe(201);
  });

  it('rejects an unknown field and an unknown group by name, writing nothing', async () => {
    const before = await count(server, 'incidents');
    const unknownField = await call(server, 'POST', '/api/incidents', {
      session,
      body: { ...incidentInput(), killed: 3 },
    });
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(unknownField.body.error)).toMatch(/killed/);
    const unknownGroup = await call(server, 'POST', '/api/incidents', {
      session,
      body: { ...incidentInput(), groupId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownGroup.status).toBe(400);
    expect(unknownGroup.body.error.fields).toEqual({ groupId: 'no such group' });
    expect(await count(server, 'incidents')).toBe(before);
  });

  it('refuses a PATCH on an outdated version with 409 and the record as it is now', async () => {
    const created = (await call(server, 'POST', '/api/incidents', { session, body: incidentInput(6) })).body.incident;
    const first = await call(server, 'PATCH', `/api/incidents/${created.id}`, {
      session,
      body: { version: 1, summary: 'first edit' },
    });
    expect(first.status).toBe(200);
    expect(first.body.incident).toMatchObject({ version: 2, summary: 'first edit', updatedBy: 'operator@example.org' });
    const stale = await call(server, 'PATCH', `/api/incidents/${created.id}`, {
      session,
      body: { version: 1, summary: 'stale edit' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.current).toMatchObject({ id: created.id, version: 2, summary: 'first edit' });
    const noVersion = await call(server, 'PATCH', `/api/incidents/${created.id}`, { session, body: { summary: 'x' } });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.fields).toHaveProperty('version');
    expect((await call(server, 'GET', `/api/incidents/${created.id}`, { session })).body.incident.summary).toBe(
      'first edit',
    );
  });

  it('retracts only with a reason (body or query), and only once', async () => {
    const created = (await call(server, 'POST', '/api/incidents', { session, body: incidentInput(7) })).body.incident;
    const noReason = await call(server, 'DELETE', `/api/incidents/${created.id}`, { session });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty('reason');
    const viaQuery = await call(
      server,
      'DELETE',
      `/api/incidents/${created.id}?reason=${encodeURIComponent('duplicate of another report')}&version=1`,
      { session },
    );
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body.incident).toMatchObject({
      retractionReason: 'duplicate of another report',
      retractedBy: 'operator@example.org',
      version: 2,
    });
    const twice = await call(server, 'DELETE', `/api/incidents/${created.id}`, {
      session,
      body: { reason: 'again please' },
    });
    expect(twice.status).toBe(409);
    const missing = await call(server, 'DELETE', '/api/incidents/00000000-0000-4000-8000-000000000000', {
      session,
      body: { reason: 'not there' },
    });
    expect(missing.status).toBe(404);
  });
});
