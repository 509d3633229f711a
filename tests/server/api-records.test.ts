/**
 * The REST API's reads and audit trail: filtered, cursor-paged lists that neither skip nor repeat,
 * positions read before the data, a record's history and the change log with their actors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  addUser,
  annotationInput,
  call,
  figureInput,
  groupInput,
  incidentInput,
  operationInput,
  signIn,
  tokenFor,
  type Session,
} from './api-support';

describe.each(drivers)('records over the API on %s', (driver) => {
  let server: TestServer;
  let operator: Session;
  let admin: Session;
  let viewer: Session;
  let token: string;
  const ids: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(driver);
    const op = await addUser(server, 'operator@example.org', 'operator');
    await addUser(server, 'admin@example.org', 'admin');
    await addUser(server, 'viewer@example.org', 'viewer');
    [operator, admin, viewer] = [
      await signIn(server, 'operator@example.org'),
      await signIn(server, 'admin@example.org'),
      await signIn(server, 'viewer@example.org'),
    ];
    token = await tokenFor(server, op.id, 'nightly');
    const provinces = ['KP', 'Balochistan', 'Sindh'];
    for (let i = 0; i < 23; i++) {
      const day = String(1 + (i % 9)).padStart(2, '0'); // repeated instants: ties broken by id
      const body = { ...incidentInput(i), occurredAt: `2025-04-${day}T10:00:00Z`, province: provinces[i % 3] };
      const res = await call(server, 'POST', '/api/incidents', { token, body });
      ids.push(res.body.incident.id);
    }
  });
  afterAll(async () => {
    await server?.destroy();
  });

  async function pages(query: string) {
    const seen: { id: string; occurredAt: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    let n = 0;
    do {
      const res = await call(server, 'GET', `/api/incidents?${query}&limit=5${cursor ? `&cursor=${cursor}` : ''}`, {
        session: viewer,
      });
      expect(res.status).toBe(200);
      expect(res.body.position).toEqual({ epoch: expect.any(String), seq: expect.any(Number) });
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      n++;
    } while (cursor && n < 20);
    return seen;
  }

  it.each(['-occurredAt', 'occurredAt', '-createdAt'])(
    'pages through every incident once in %s order',
    async (sort) => {
      const seen = await pages(`sort=${sort}`);
      expect(seen.map((i) => i.id).sort()).toEqual([...ids].sort());
      const key = sort.includes('createdAt') ? 'createdAt' : 'occurredAt';
      const keys = seen.map((i) => i[key]);
      const sorted = [...keys].sort();
      expect(keys).toEqual(sort.startsWith('-') ? sorted.reverse() : sorted);
    },
  );

  it('filters by province (repeated or comma-separated) and time, and rejects a cursor of another sort', async () => {
    const kp = await pages('province=KP');
    expect(kp.length).toBe(8);
    const two = await pages('province=KP,Sindh');
    expect(two.length).toBe(15);
    const repeated = await pages('province=KP&province=Sindh');
    expect(repeated.length).toBe(15);
    const window = await pages('from=2025-04-02&to=2025-04-04');
    // Dates are days of the reporting zone (PKT): 2 April starts at 19:00 UTC on 1 April.
    expect(
      window.every((i) => i.occurredAt >= '2025-04-01T19:00:00.000Z' && i.occurredAt < '2025-04-03T19:00:00.000Z'),
    ).toBe(true);
    expect(window.length).toBeGreaterThan(0);
    const first = await call(server, 'GET', '/api/incidents?limit=2', { session: viewer });
    const mixed = await call(server, 'GET', `/api/incidents?limit=2&sort=occurredAt&cursor=${first.body.nextCursor}`, {
      session: viewer,
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.fields).toHaveProperty('cursor');
    const badTo = await call(server, 'GET', '/api/incidents?from=2025-05-01&to=2025-04-01', { session: viewer });
    expect(badTo.body.error.fields).toHaveProperty('to');
  });

  it('hides retracted incidents unless asked, and shows them with retracted=only', async () => {
    const id = ids[0]!;
    await call(server, 'DELETE', `/api/incidents/${id}`, { session: operator, body: { reason: 'reported twice' } });
    expect((await pages('')).some((i) => i.id === id)).toBe(false);
    const only = await pages('retracted=only');
    expect(only.map((i) => i.id)).toEqual([id]);
    expect((await pages('retracted=include')).length).toBe(ids.length);
  });

  it('keeps the audit trail: history and the change log name who changed what, with before and after', async () => {
    const id = ids[5]!;
    const edited = await call(server, 'PATCH', `/api/incidents/${id}`, {
      session: operator,
      body: { version: 1, verification: 'confirmed' },
    });
    expect(edited.status).toBe(200);
    const history = await call(server, 'GET', `/api/incidents/${id}/history`, { session: viewer });
    expect(history.status).toBe(200);
    expect(history.body.items.map((c: { action: string; actor: string }) => [c.action, c.actor])).toEqual([
      ['created', 'token:nightly (operator@example.org)'],
      ['updated', 'operator@example.org'],
    ]);
    expect(history.body.items[1].before.verification).toBe('reported');
    expect(history.body.items[1].data.verification).toBe('confirmed');

    const log = await call(server, 'GET', `/api/changes?after=${edited.body.change.seq - 1}&limit=10`, { token });
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({
      seq: edited.body.change.seq,
      entity: 'incident',
      action: 'updated',
      id,
      actor: 'operator@example.org',
    });
    const all = await call(server, 'GET', '/api/changes?after=0&limit=10', { token });
    expect(all.body.items.length).toBe(10);
    expect(all.body.hasMore).toBe(true);
    expect(all.body.nextAfter).toBe(all.body.items[9].seq);
    const wrongEpoch = await call(server, 'GET', '/api/changes?after=0&epoch=not-this-one', { token });
    expect(wrongEpoch.status).toBe(409);
    expect(
      (await call(server, 'GET', '/api/incidents/00000000-0000-4000-8000-000000000000/history', { session: viewer }))
        .status,
    ).toBe(404);
  });

  it('records operations, groups, reference figures and annotations through the same life cycle', async () => {
    const op = await call(server, 'POST', '/api/operations', { session: operator, body: operationInput() });
    expect(op.status).toBe(201);
    expect(
      (await call(server, 'GET', '/api/operations?kind=intelligence_based', { session: viewer })).body.items.map(
        (o: { id: string }) => o.id,
      ),
    ).toContain(op.body.operation.id);
    expect(
      (await call(server, 'GET', '/api/operations?type=clash', { session: viewer })).body.error.fields,
    ).toHaveProperty('type');

    const group = await call(server, 'POST', '/api/groups', {
      session: admin,
      body: { ...groupInput(9), strengthEstimates: [{ low: 10, high: 20, asOf: '2024-01-01', source: 'UN' }] },
    });
    expect(group.status).toBe(201);
    const listed = await call(server, 'GET', '/api/groups', { session: viewer });
    expect(listed.body).toMatchObject({ nextCursor: null, position: { seq: expect.any(Number) } });
    expect(listed.body.items.find((g: { id: string }) => g.id === group.body.group.id).strengthEstimates).toHaveLength(
      1,
    );
    const attributed = await call(server, 'POST', '/api/incidents', {
      session: operator,
      body: { ...incidentInput(), groupId: group.body.group.id },
    });
    expect(attributed.body.incident.groupName).toBe(group.body.group.shortName);
    expect(
      (await call(server, 'GET', `/api/incidents?group=${group.body.group.id}`, { session: viewer })).body.items,
    ).toHaveLength(1);

    const figure = await call(server, 'POST', '/api/reference-figures', { session: admin, body: figureInput() });
    expect(figure.status).toBe(201);
    const patched = await call(server, 'PATCH', `/api/reference-figures/${figure.body.referenceFigure.id}`, {
      session: admin,
      body: { version: 1, valueKind: 'range', valueHigh: 5 },
    });
    // Valid alone, invalid with the stored value (10): the database's rule answers 400, never 500.
    expect(patched.status).toBe(400);
    expect(patched.body.error.code).toBe('validation');

    const note = await call(server, 'POST', '/api/annotations', { session: admin, body: annotationInput() });
    expect(note.status).toBe(201);
    const inRange = await call(server, 'GET', '/api/annotations?from=2024-12-01&to=2025-01-31', { session: viewer });
    expect(inRange.body.items.map((a: { id: string }) => a.id)).toEqual([note.body.annotation.id]);
    expect((await call(server, 'GET', '/api/annotations?from=2025-02-01', { session: viewer })).body.items).toEqual([]);
  });

  it('lets admins manage users: generated password shown once, role changes, never the last admin', async () => {
    const created = await call(server, 'POST', '/api/users', {
      session: admin,
      body: { email: 'New.Analyst@Example.org', role: 'viewer' },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: 'new.analyst@example.org', role: 'viewer', disabled: false });
    expect(created.body.generatedPassword).toMatch(/^.{20,}$/);
    await signIn(server, 'new.analyst@example.org', created.body.generatedPassword);
    expect(
      (
        await call(server, 'POST', '/api/users', {
          session: admin,
          body: { email: 'new.analyst@example.org', role: 'viewer' },
        })
      ).status,
    ).toBe(409);
    const bad = await call(server, 'POST', '/api/users', {
      session: admin,
      body: { email: 'nope', role: 'boss', password: 'short' },
    });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'password', 'role']);
    const promoted = await call(server, 'PATCH', `/api/users/${created.body.user.id}`, {
      session: admin,
      body: { role: 'operator' },
    });
    expect(promoted.body.user.role).toBe('operator');

    const users = (await call(server, 'GET', '/api/users', { session: admin })).body.items as {
      id: string;
      email: string;
    }[];
    const self = users.find((u) => u.email === 'admin@example.org')!;
    const demote = await call(server, 'PATCH', `/api/users/${self.id}`, { session: admin, body: { role: 'viewer' } });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/last active admin/);

    const tok = await call(server, 'POST', '/api/tokens', {
      session: admin,
      body: { name: 'for analyst', email: 'new.analyst@example.org' },
    });
    expect(tok.status).toBe(201);
    expect(tok.body.secret).toMatch(/^bw_/);
    expect(tok.body.token).toMatchObject({
      name: 'for analyst',
      email: 'new.analyst@example.org',
      prefix: tok.body.secret.slice(0, 10),
    });
    const mine = await call(server, 'GET', `/api/tokens?userId=${created.body.user.id}`, { session: admin });
    expect(mine.body.items).toHaveLength(1);
    expect(JSON.stringify(mine.body)).not.toContain(tok.body.secret);
  });
});
