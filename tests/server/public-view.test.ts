/**
 * PUBLIC_DASHBOARD=1: anonymous readers get records, exports, live payloads and the pages' reads
 * without staff identities or the audit trail. Staff write through the API (so their emails are
 * in createdBy / updatedBy / retractedBy); then every GET route of the OpenAPI document, both
 * exports, an anonymous socket and the public read model are scanned for any user's email, and
 * the same scan as staff finds them (so the scan can fail).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUsers } from '../../db/queries/users';
import { publicReadModel } from '../../server/public-reads';
import { drivers } from '../support/test-database';
import { connectLive, startTestServer, type TestServer } from '../support/test-server';
import {
  addUser,
  annotationInput,
  call,
  figureInput,
  groupInput,
  incidentInput,
  operationInput,
  signIn,
  type Session,
} from './api-support';

describe.each(drivers)('the public projection on %s', (driver) => {
  let server: TestServer;
  let operator: Session;
  let admin: Session;
  const ids: Record<string, string> = {};
  let emails: string[] = [];

  const found = (text: string) => emails.filter((e) => text.includes(e));

  beforeAll(async () => {
    server = await startTestServer(driver, { env: { PUBLIC_DASHBOARD: '1' } });
    await addUser(server, 'operator@example.org', 'operator');
    await addUser(server, 'admin@example.org', 'admin');
    operator = await signIn(server, 'operator@example.org');
    admin = await signIn(server, 'admin@example.org');
    const make = async (base: string, key: string, session: Session, body: unknown) => {
      const res = await call(server, 'POST', base, { session, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body[key] as { id: string; version: number };
    };
    const group = await make('/api/groups', 'group', admin, groupInput(1));
    const incident = await make('/api/incidents', 'incident', operator, { ...incidentInput(), groupId: group.id });
    const edited = await call(server, 'PATCH', `/api/incidents/${incident.id}`, {
      session: admin,
      body: { summary: 'edited by the admin', version: 1 },
    });
    expect(edited.status).toBe(200);
    const retracted = await make('/api/incidents', 'incident', operator, incidentInput(2));
    expect(
      (
        await call(server, 'DELETE', `/api/incidents/${retracted.id}`, {
          session: admin,
          body: { reason: 'duplicate' },
        })
      ).status,
    ).toBe(200);
    ids.incidents = incident.id;
    ids.groups = group.id;
    ids.operations = (await make('/api/operations', 'operation', operator, operationInput())).id;
    ids['reference-figures'] = (await make('/api/reference-figures', 'referenceFigure', admin, figureInput())).id;
    ids.annotations = (await make('/api/annotations', 'annotation', admin, annotationInput())).id;
    emails = (await listUsers(server.runtime.database.db)).map((u) => u.email);
    expect(emails.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  /** Every GET route of the API, with real ids for its path parameters and retracted records included. */
  async function readPaths(): Promise<string[]> {
    const doc = (await call(server, 'GET', '/api/openapi.json')).body as { paths: Record<string, object> };
    const paths: string[] = [];
    for (const [template, ops] of Object.entries(doc.paths)) {
      if (!('get' in ops)) continue;
      const base = template.split('/')[2]!;
      const path = template.replace(/\{\w+\}/g, () => ids[base] ?? '00000000-0000-4000-8000-000000000000');
      const sep = path.includes('?') ? '&' : '?';
      paths.push(path, `${path}${sep}retracted=include&by=group`);
    }
    return paths;
  }

  it('answers every read route to anonymous readers without any user’s email, and withholds history', async () => {
    const leaks: string[] = [];
    let staffSees = 0;
    for (const path of await readPaths()) {
      const res = await call(server, 'GET', path);
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      if (found(text).length > 0) leaks.push(`${path}: ${found(text).join(', ')}`);
      const staff = await call(server, 'GET', path, { session: operator });
      if (found(JSON.stringify(staff.body)).length > 0) staffSees++;
    }
    expect(leaks).toEqual([]);
    // The scan would see a leak: the same routes as staff carry the emails.
    expect(staffSees).toBeGreaterThan(3);
    expect((await call(server, 'GET', `/api/incidents/${ids.incidents}/history`)).status).toBe(401);
    const one = await call(server, 'GET', `/api/incidents/${ids.incidents}`);
    expect(one.body.incident).toMatchObject({ createdBy: null, updatedBy: null, summary: 'edited by the admin' });
  });

  it('exports CSV and JSON without staff identities to anonymous readers', async () => {
    for (const file of ['incidents.csv', 'incidents.json']) {
      const path = `/api/export/${file}?retracted=include`;
      const anonymous = await fetch(`${server.url}${path}`).then((r) => r.text());
      expect(found(anonymous), file).toEqual([]);
      expect(anonymous).toContain('edited by the admin');
      const staff = await fetch(`${server.url}${path}`, { headers: { cookie: operator.cookie } }).then((r) => r.text());
      expect(found(staff).length, file).toBeGreaterThan(0);
    }
  });

  it('sends an anonymous socket the changes without staff identities (a staff socket gets them)', async () => {
    const anonymous = connectLive(server.url);
    const staffSocket = connectLive(server.url, {}, { headers: { cookie: operator.cookie, origin: server.url } });
    try {
      await anonymous.waitFor(() => anonymous.hellos.length === 1);
      await staffSocket.waitFor(() => staffSocket.hellos.length === 1);
      const res = await call(server, 'POST', '/api/incidents', { session: operator, body: incidentInput(5) });
      expect(res.status).toBe(201);
      const id = res.body.incident.id as string;
      await call(server, 'PATCH', `/api/incidents/${id}`, { session: admin, body: { summary: 'x', version: 1 } });
      await anonymous.waitFor(() => anonymous.changes.filter((c) => c.id === id).length === 2);
      await staffSocket.waitFor(() => staffSocket.changes.filter((c) => c.id === id).length === 2);
      expect(found(JSON.stringify(anonymous.changes))).toEqual([]);
      expect(found(JSON.stringify(staffSocket.changes))).toEqual(
        expect.arrayContaining(['operator@example.org', 'admin@example.org']),
      );
      // A reconnect replays from the log, through the same projection.
      const replay = connectLive(server.url, { epoch: anonymous.hellos[0]!.epoch, seq: 0 });
      await replay.waitFor(() => replay.changes.some((c) => c.id === id));
      expect(found(JSON.stringify(replay.changes))).toEqual([]);
      replay.close();
    } finally {
      anonymous.close();
      staffSocket.close();
    }
  });

  it('gives pages (the public read model) no staff identities and no history', async () => {
    const reads = publicReadModel(server.runtime.reads);
    const position = await reads.position();
    const results = await Promise.all([
      reads.incidents.list({ filter: { retracted: 'include' }, sort: '-occurredAt', limit: 50, after: null }),
      reads.incidents.get(ids.incidents!),
      reads.operations.get(ids.operations!),
      reads.groups.list(),
      reads.groups.get(ids.groups!),
      reads.referenceFigures.list(),
      reads.annotations.list(),
      reads.history(position.epoch, 'incident', ids.incidents!),
      reads.changeRecordsAfter(position.epoch, 0, 100),
      reads.changesAfter(position.epoch, 0, 100),
    ] as Promise<unknown>[]);
    expect(found(JSON.stringify(results))).toEqual([]);
    expect(results[7]).toEqual([]);
    const staffHistory = await server.runtime.reads.history(position.epoch, 'incident', ids.incidents!);
    expect(found(JSON.stringify(staffHistory)).length).toBeGreaterThan(0);
  });
});
