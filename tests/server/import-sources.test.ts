/**
 * POST /api/import?format= on a real server, both drivers: the format from the header or named, a
 * file of none of the formats refused (422) with the reason, a bad format a 400 naming the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from '../../core/group/group-verbs';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, tokenFor } from './api-support';

const realDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/fixtures/real');
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
});
