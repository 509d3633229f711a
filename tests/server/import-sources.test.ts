/**
 * POST /api/import?format= on a real server, both drivers: the format from the header or named, a
 * file of none of the formats refused (422) with the reason, a bad format a 400 naming the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from '../../core/group/group-verbs';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { ucdpCsv, ucdpRow } from '../core/import/ucdp-csv';
import { addUser, call, tokenFor } from './api-support';
import { REAL_FIXTURES } from '../support/fixtures';

const realDir = REAL_FIXTURES;
const SUICIDE = path.join(realDir, 'pakistan_suicide_attacks_1995_2017_cleaned.csv');

const ACLED =
  'event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,country,admin1,admin2,location,fatalities\n' +
  'PAK77,2 March 2024,Explosions/Remote violence,Remote explosive/landmine/IED,TTP: Tehrik-i-Taliban Pakistan,2,Pakistan,Khyber Pakhtunkhwa,Bannu,Bannu,3\n';

describe.each(drivers)('POST /api/import on %s', (driver) => {
  let server: TestServer;
  let token = '';

  beforeAll(async () => {
    server = await startTestServer(driver);
    token = await tokenFor(server, (await addUser(server, 'operator@example.org', 'operator')).id);
    await createGroup({
      ctx: server.runtime.ctx({ id: null, label: 'system:test', role: 'system' }),
      input: { shortName: 'TTP', fullName: 'Tehrik-e-Taliban Pakistan' },
    });
  });
  afterAll(async () => {
    await server?.destroy();
  });

  const post = async (body: BodyInit, query = '') => {
    const res = await fetch(`${server.url}/api/import${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { stopped: unknown } };
  };

  it('reads the format from the header, or as named', async () => {
    const auto = await post(ACLED);
    expect(auto.status).toBe(200);
    expect(auto.body).toMatchObject({ format: 'acled', rows: 1, imported: 1 });
    const named = await post(ACLED, '?format=acled');
    expect(named.body).toMatchObject({ format: 'acled', rows: 1, imported: 0, updated: 1 });
  });

  it.skipIf(!existsSync(SUICIDE))('refuses a file of none of the formats (422) with the reason', async () => {
    const res = await post(readFileSync(SUICIDE));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      format: null,
      rows: 0,
      imported: 0,
      stopped: { line: 1, message: expect.stringMatching(/^not a file this importer reads/) },
    });
  });

  it('answers an unknown format with a 400 naming the field', async () => {
    const res = await post(ACLED, '?format=stata');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/format/);
  });

  it('keeps provenance on every record and filters lists by source (acled, ucdp, gtd, local)', async () => {
    const ucdp = await post(ucdpCsv([ucdpRow(9001), ucdpRow(9002)]), '?format=ucdp');
    expect(ucdp.body).toMatchObject({ format: 'ucdp', imported: 2 });
    const gtdCsv =
      'eventid,iyear,imonth,iday,country_txt,provstate,city,attacktype1_txt,targtype1_txt,gname,nkill,nkillter,nwound,nwoundte,doubtterr\n' +
      '201401010001,2014,1,0,Pakistan,Balochistan,Quetta,Bombing/Explosion,Police,Unknown,4,1,3,0,1\n';
    expect((await post(gtdCsv)).body).toMatchObject({ format: 'gtd', imported: 1 });
    const local = await call(server, 'POST', '/api/incidents', {
      token,
      body: { occurredAt: '2024-03-03', province: 'KP', type: 'armed_assault' },
    });
    expect(local.status).toBe(201);

    const list = async (q: string) => {
      const res = await call(server, 'GET', `/api/incidents?limit=50&${q}`, { token });
      expect(res.status).toBe(200);
      return (res.body.items as { externalId: string | null }[]).map((i) => i.externalId).sort();
    };
    expect(await list('source=ucdp')).toEqual(['ucdp:9001', 'ucdp:9002']);
    expect(await list('source=gtd')).toEqual(['gtd:201401010001']);
    expect(await list('source=acled')).toEqual(['acled:PAK77']);
    expect(await list('source=local')).toEqual([null]);
    expect(await list('source=gtd,local')).toEqual(['gtd:201401010001', null].sort());
    const bad = await call(server, 'GET', '/api/incidents?source=bbc', { token });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/source/);

    const gtd = await call(server, 'GET', '/api/incidents?source=gtd', { token });
    const record = gtd.body.items[0];
    expect(record).toMatchObject({
      occurredAt: expect.any(String),
      occurredUntil: '2014-01-31',
      timePrecision: 'month',
      sourceFields: expect.objectContaining({ doubtterr: 1, nkillter: 1 }),
      syncedAt: expect.any(String),
    });
    expect(record.casualties.killed).toMatchObject({ militants: { low: 1 }, security_forces: { low: 3 } });
  });
});
