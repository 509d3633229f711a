/**
 * Aliases an admin adds take effect on stored records: POST /api/groups/rematch re-derives groupId
 * from the actors kept verbatim, through the versioned write path (new version, change log,
 * rollups), on both drivers. The import report named the unmatched actor first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, tokenFor } from './api-support';

const CSV = [
  'event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,actor2,inter2,country,admin1,admin2,fatalities',
  'RM1,2024-03-01,Violence against civilians,Attack,Foo Brigade,3,Civilians (Pakistan),7,Pakistan,Balochistan,Quetta,2',
  'RM2,2024-03-02,Battles,Armed clash,Military Forces of Pakistan (2018-),1,Foo Brigade,3,Pakistan,Balochistan,Quetta,5',
  'RM3,2024-03-03,Violence against civilians,Attack,Unidentified Armed Group (Pakistan),3,Civilians (Pakistan),7,Pakistan,Sindh,Karachi,1',
].join('\n');

describe.each(drivers)('re-matching groups after an alias change on %s', (driver) => {
  let server: TestServer;
  let admin = '';
  beforeAll(async () => {
    server = await startTestServer(driver);
    admin = await tokenFor(server, (await addUser(server, 'admin@example.org', 'admin')).id);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('moves the records naming the new alias to the group, as versioned edits', async () => {
    const group = await call(server, 'POST', '/api/groups', {
      token: admin,
      body: { shortName: 'FB', fullName: 'Fighters of the Brigade' },
    });
    expect(group.status).toBe(201);
    const gid = (group.body as { group: { id: string } }).group.id;
    const imported = await fetch(`${server.url}/api/import/acled`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
      body: CSV,
    });
    const report = (await imported.json()) as { imported: number; unmatchedActors: { name: string; rows: number }[] };
    expect(report.imported).toBe(3);
    expect(report.unmatchedActors).toEqual([{ name: 'Foo Brigade', rows: 2 }]);

    // "Foo Brigade" is named by the source but is none of our groups yet: other named actors, not unknown.
    const before = await call(server, 'GET', `/api/stats/breakdown?by=group`, { token: admin });
    expect(
      (before.body.rows as { key: string; label: string; incidents: number }[]).map((r) => [
        r.key,
        r.label,
        r.incidents,
      ]),
    ).toEqual([
      ['other', 'Other named actors', 2],
      ['unknown', 'Unknown / unclaimed', 1],
    ]);
    const otherList = await call(server, 'GET', '/api/incidents?group=other', { token: admin });
    expect(
      (otherList.body.items as { externalId: string; namedActor: boolean }[])
        .map((i) => [i.externalId, i.namedActor])
        .sort(),
    ).toEqual([
      ['acled:RM1', true],
      ['acled:RM2', true],
    ]);

    const current = await call(server, 'GET', `/api/groups/${gid}`, { token: admin });
    const version = (current.body as { group: { version: number } }).group.version;
    const patched = await call(server, 'PATCH', `/api/groups/${gid}`, {
      token: admin,
      body: { version, aliases: ['foo-brigade'] },
    });
    expect(patched.status).toBe(200);

    const rematch = await call(server, 'POST', '/api/groups/rematch', { token: admin });
    expect(rematch.status).toBe(200);
    expect(rematch.body).toEqual({ checked: 3, changed: 2, conflicts: 0 });

    const list = await call(server, 'GET', '/api/incidents?limit=10&sort=occurredAt', { token: admin });
    const items = list.body.items as {
      externalId: string;
      groupId: string | null;
      version: number;
      category: string;
    }[];
    expect(items.map((i) => [i.externalId, i.groupId, i.version, i.category])).toEqual([
      ['acled:RM1', gid, 2, 'attack'],
      ['acled:RM2', gid, 2, 'clash'],
      ['acled:RM3', null, 1, 'attack'],
    ]);
    const after = await call(server, 'GET', `/api/stats/breakdown?by=group`, { token: admin });
    const rows = after.body.rows as { key: string; incidents: number }[];
    expect(rows.find((r) => r.key === gid)?.incidents).toBe(2);
    expect(rows.find((r) => r.key === 'unknown')?.incidents).toBe(1);
    expect(rows.find((r) => r.key === 'other')).toBeUndefined();
    // A second run finds nothing to change.
    expect((await call(server, 'POST', '/api/groups/rematch', { token: admin })).body).toEqual({
      checked: 3,
      changed: 0,
      conflicts: 0,
    });
    const viewer = await tokenFor(server, (await addUser(server, 'viewer@example.org', 'viewer')).id);
    expect((await call(server, 'POST', '/api/groups/rematch', { token: viewer })).status).toBe(403);
  });
});
