/**
 * PATCH is JSON Merge Patch (RFC 7396) on every record route: nested objects patch only the keys
 * they name, arrays are replaced whole, null clears, both media types are accepted, rules spanning
 * fields are checked on the merged record, and a bad patch is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, tokenFor, type Answer } from './api-support';

describe.each(drivers)('JSON Merge Patch on %s', (driver) => {
  let server: TestServer;
  let token: string;
  let adminToken: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    token = await tokenFor(server, (await addUser(server, 'op@example.org', 'operator')).id);
    adminToken = await tokenFor(server, (await addUser(server, 'admin@example.org', 'admin')).id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  async function newIncident() {
    const res = await call(server, 'POST', '/api/incidents', {
      token,
      body: {
        occurredAt: '2025-03-14T09:30:00Z',
        province: 'KP',
        type: 'ied_explosive',
        latitude: 34,
        longitude: 71.5,
        summary: 'first report',
        casualties: {
          killed: { civilians: { low: 2, high: 5 }, security_forces: { low: 1 } },
          injured: { civilians: { low: 4 }, militants: { low: 0 } },
        },
        sources: [{ name: 'Dawn' }, { name: 'The News' }],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.incident;
  }
  const patch = (id: string, body: unknown, contentType = 'application/merge-patch+json', base = 'incidents') =>
    call(server, 'PATCH', `/api/${base}/${id}`, {
      token: base === 'incidents' || base === 'operations' ? token : adminToken,
      body,
      headers: { 'content-type': contentType },
    });
  const ok = (res: Answer) => {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('changes only the cell a nested object names', async () => {
    const i = await newIncident();
    const after = ok(await patch(i.id, { version: 1, casualties: { injured: { civilians: { low: 9 } } } })).incident;
    expect(after.casualties).toEqual({
      ...i.casualties,
      injured: { ...i.casualties.injured, civilians: { low: 9, high: null } },
    });
    expect(after.summary).toBe('first report');
    expect(after.sources).toEqual(i.sources);
    expect(after.version).toBe(2);
  });

  it('accepts application/json too, and replaces arrays whole', async () => {
    const i = await newIncident();
    const after = ok(await patch(i.id, { version: 1, sources: [{ name: 'ISPR' }] }, 'application/json')).incident;
    expect(after.sources).toEqual([{ name: 'ISPR', url: null, publishedAt: null }]);
    expect(after.casualties).toEqual(i.casualties);
  });

  it('clears with null: a figure becomes not reported, text empty, a setting its default', async () => {
    const i = await newIncident();
    const after = ok(
      await patch(i.id, {
        version: 1,
        summary: null,
        verification: null,
        casualties: { killed: { civilians: { high: null } }, injured: { militants: null } },
      }),
    ).incident;
    expect(after.summary).toBeNull();
    expect(after.verification).toBe('reported');
    expect(after.casualties.killed.civilians).toEqual({ low: 2, high: null });
    expect(after.casualties.injured.militants).toEqual({ low: null, high: null });
    expect(after.casualties.injured.civilians).toEqual({ low: 4, high: null });
  });

  it('checks rules that span fields on the merged record', async () => {
    const i = await newIncident();
    // A lower "up to" than the stored "at least": only the merged record shows the conflict.
    const range = await patch(i.id, { version: 1, casualties: { killed: { civilians: { high: 1 } } } });
    expect(range.status).toBe(400);
    expect(Object.keys(range.body.error.fields)).toEqual(['casualties.killed.civilians.high']);
    // An "up to" figure once the "at least" one is cleared.
    const orphan = await patch(i.id, { version: 1, casualties: { killed: { civilians: { low: null } } } });
    expect(Object.keys(orphan.body.error.fields)).toEqual(['casualties.killed.civilians.low']);
    // One coordinate cleared, the other kept.
    const coords = await patch(i.id, { version: 1, latitude: null });
    expect(coords.status).toBe(400);
    expect(Object.keys(coords.body.error.fields)).toEqual(['latitude']);
    // Both cleared is fine; the record did not change on the refused patches.
    expect(ok(await patch(i.id, { version: 1, latitude: null, longitude: null })).incident.version).toBe(2);
  });

  it.each([
    [
      'a nested type error',
      { casualties: { injured: { civilians: { low: 'nine' } } } },
      'casualties.injured.civilians.low',
    ],
    ['a negative figure', { casualties: { killed: { militants: { low: -1 } } } }, 'casualties.killed.militants.low'],
    ['an unknown nested key', { casualties: { wounded: {} } }, 'casualties.wounded'],
    ['an unknown field', { perpetrator: 'x' }, 'perpetrator'],
    ['a required field cleared', { province: null }, 'province'],
    ['a whole object replaced by a number', { casualties: 5 }, 'casualties'],
    ['an array where an object belongs', { casualties: { killed: [] } }, 'casualties.killed'],
    ['a bad element of a replaced array', { sources: [{ url: 'x' }] }, 'sources.0.name'],
    ['a read-only field', { groupName: 'TTP' }, 'groupName'],
  ])('answers 400 naming the field for %s', async (_, body, field) => {
    const i = await newIncident();
    const res = await patch(i.id, { version: 1, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    const now = (await call(server, 'GET', `/api/incidents/${i.id}`, { token })).body.incident;
    expect(now.version).toBe(1);
  });

  it('answers 400 for a body that is not an object or lacks the version', async () => {
    const i = await newIncident();
    const list = await patch(i.id, [{ op: 'replace', path: '/summary', value: 'x' }]);
    expect(list.status).toBe(400);
    expect(Object.keys(list.body.error.fields)).toEqual(['_']);
    const noVersion = await patch(i.id, { summary: 'x' });
    expect(Object.keys(noVersion.body.error.fields)).toEqual(['version']);
  });

  it('patches operations and groups the same way', async () => {
    const op = (
      await call(server, 'POST', '/api/operations', {
        token,
        body: { occurredAt: '2025-03-15T00:00:00Z', kind: 'intelligence_based', militantsKilled: 3, agency: 'CTD' },
      })
    ).body.operation;
    const after = ok(
      await patch(op.id, { version: 1, militantsKilled: null, militantsArrested: 2 }, undefined, 'operations'),
    ).operation;
    expect(after).toMatchObject({ militantsKilled: null, militantsArrested: 2, agency: 'CTD' });
    const group = (
      await call(server, 'POST', '/api/groups', {
        token: adminToken,
        body: { shortName: 'MPG', fullName: 'Merge Patch Group', aliases: ['MP1', 'MP2'], description: 'kept' },
      })
    ).body.group;
    const g = ok(await patch(group.id, { version: 1, aliases: ['MP3'] }, undefined, 'groups')).group;
    expect(g).toMatchObject({ aliases: ['MP3'], description: 'kept', fullName: 'Merge Patch Group' });
  });
});
