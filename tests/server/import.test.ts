/**
 * POST /api/import/acled on a real server, both drivers: the real ACLED files (read where they live,
 * never copied in) with every row accounted for, re-imports that update and never duplicate, bad
 * rows and broken files answered with a report (never a 5xx), roles, limits and live progress.
 */
import { existsSync, openAsBlob, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from '../../core/group/group-verbs';
import { count } from '../support/rows';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, tokenFor } from './api-support';
import { REAL_FIXTURES } from '../support/fixtures';

const realDir = REAL_FIXTURES;
const OLD = path.join(realDir, 'acled_asia2015_pakistan_oldformat.csv');
const BENIN = path.join(realDir, 'acled_2022_benin_newformat_R_export_NA.csv');
const haveFixtures = existsSync(OLD) && existsSync(BENIN);

interface Report {
  rows: number;
  imported: number;
  updated: number;
  skipped: Record<string, number>;
  errors: { line: number; message: string }[];
  errorCount: number;
  stopped: { line: number; message: string } | null;
}

const accounted = (r: Report) =>
  r.imported + r.updated + Object.values(r.skipped).reduce((a, b) => a + b, 0) + r.errorCount;

const HEADER =
  'event_id_cnty,event_date,event_type,sub_event_type,actor1,country,admin1,admin2,location,latitude,longitude,notes,fatalities';
const row = (id: string, date: string, notes = 'An attack was reported.', fatalities = '2') =>
  `${id},${date},Violence against civilians,Attack,Unidentified Armed Group (Pakistan),Pakistan,Balochistan,Quetta,Quetta,30.18,66.99,"${notes}",${fatalities}`;

describe.each(drivers)('POST /api/import/acled on %s', (driver) => {
  let server: TestServer;
  const tokens: Record<'viewer' | 'operator' | 'admin' | 'other', string> = {
    viewer: '',
    operator: '',
    admin: '',
    other: '',
  };

  beforeAll(async () => {
    server = await startTestServer(driver);
    for (const role of ['viewer', 'operator', 'admin'] as const)
      tokens[role] = await tokenFor(server, (await addUser(server, `${role}@example.org`, role)).id);
    tokens.other = await tokenFor(server, (await addUser(server, 'other-operator@example.org', 'operator')).id);
    await createGroup({
      ctx: server.runtime.ctx({ id: null, label: 'system:test', role: 'system' }),
      input: { shortName: 'TTP', fullName: 'Tehrik-e-Taliban Pakistan' },
    });
  });
  afterAll(async () => {
    await server?.destroy();
  });

  const post = async (
    body: BodyInit,
    opts: { type?: string; token?: string; query?: string; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${opts.token ?? tokens.operator}`,
      ...opts.headers,
    };
    if (opts.type) headers['content-type'] = opts.type;
    const res = await fetch(`${server.url}/api/import/acled${opts.query ?? ''}`, { method: 'POST', headers, body });
    return {
      status: res.status,
      headers: res.headers,
      body: (await res.json()) as Report & { error?: { code: string; message: string } },
    };
  };
  const upload = async (file: string, query = '') => {
    const form = new FormData();
    form.append('note', 'fields other than "file" are ignored');
    form.append('file', await openAsBlob(file), path.basename(file));
    return post(form, { query });
  };
  const incidents = () => count(server.runtime.database.db, 'incidents');
  const changes = () => count(server.runtime.database.db, 'changes');

  it.skipIf(!haveFixtures)(
    'imports the real 2015 Pakistan file as a multipart upload, every row accounted for, then re-imports it without duplicating',
    async () => {
      const first = await upload(OLD);
      expect(first.status).toBe(200);
      expect(first.body.rows).toBe(1800);
      expect(accounted(first.body)).toBe(first.body.rows);
      expect(first.body.errors).toEqual([]);
      expect(first.body.stopped).toBeNull();
      expect(first.body.imported).toBeGreaterThan(500);
      expect(await incidents()).toBe(first.body.imported);
      const ttp = await count(server.runtime.database.db, "incidents where group_name = 'TTP'");
      expect(ttp).toBeGreaterThan(50);

      const before = { incidents: await incidents(), changes: await changes() };
      const again = await upload(OLD);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ rows: 1800, imported: 0, updated: first.body.imported, errors: [] });
      // Unchanged rows are matched, not rewritten: no new versions, no change-log flood.
      expect({ incidents: await incidents(), changes: await changes() }).toEqual(before);
    },
  );

  it.skipIf(!haveFixtures)('maps arrests to operations only when asked', async () => {
    const plain = await upload(OLD);
    const withOps = await upload(OLD, '?operations=1');
    expect(accounted(withOps.body)).toBe(withOps.body.rows);
    const operations = await count(server.runtime.database.db, 'operations');
    expect(operations).toBeGreaterThan(0);
    expect(withOps.body.imported).toBe(operations);
    // The state's strikes and arrests of militants: skipped as not requested, imported when asked.
    expect(plain.body.skipped.operation_not_requested).toBe(operations);
    expect(withOps.body.skipped.operation_not_requested).toBeUndefined();
    expect(withOps.body.skipped.strategic_development).toBe(plain.body.skipped.strategic_development);
  });

  it.skipIf(!haveFixtures)('skips every row of a file about another country (raw text/csv body)', async () => {
    const res = await post(readFileSync(BENIN), { type: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toBeGreaterThan(0);
    expect(res.body.skipped.country_not_covered).toBe(res.body.rows);
  });

  it('stores the valid rows when one fails validation, and names the line of the bad one', async () => {
    const csv = [
      HEADER,
      row('VT1', '2024-02-01'),
      row('VT2', '2024-02-31'),
      row('VT3', '2024-02-03', 'A second attack.', 'many'),
    ].join('\n');
    const res = await post(csv, { type: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, imported: 1, errorCount: 2 });
    expect(res.body.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(res.body.errors[0]!.message).toMatch(/not a real calendar date/);
  });

  it('answers random bytes, a truncated file and a windows-1252 file with a report, never a 5xx', async () => {
    let seed = 7;
    const noise = Buffer.from(
      Array.from({ length: 64 * 1024 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff),
    );
    const random = await post(noise, { type: 'application/octet-stream' });
    // Nothing readable: 422, with the report saying why.
    expect(random.status).toBe(422);
    expect(random.body.stopped).not.toBeNull();
    expect(accounted(random.body)).toBe(random.body.rows);

    const notAcled = await post('name,date\nx,2024-01-01\n', { type: 'text/csv' });
    expect(notAcled.status).toBe(422);
    expect(notAcled.body).toMatchObject({
      rows: 0,
      stopped: { line: 1, message: expect.stringMatching(/not an ACLED file/) },
    });
    const headerOnly = await post(`${HEADER}\n`, { type: 'text/csv' });
    expect(headerOnly.status).toBe(200); // a real ACLED file with no rows is not an error

    const full = [
      HEADER,
      row('TR1', '2024-03-01'),
      row('TR2', '2024-03-02'),
      row('TR3', '2024-03-03', 'A long note that will be cut short here'),
    ].join('\r\n');
    const truncated = await post(full.slice(0, full.length - 25), { type: 'text/csv' });
    expect(truncated.status).toBe(200);
    expect(truncated.body).toMatchObject({ rows: 3, imported: 2, errorCount: 1 });

    const latin = Buffer.from(
      `${HEADER}\n${row('W1', '2024-04-01', 'Caf\u00e9 owner and his son were killed \u2013 police said.')}\n`,
      'latin1',
    );
    latin[latin.indexOf(0x13)] = 0x96; // U+2013 cannot be written in latin1: put windows-1252's en dash byte there
    const win = await post(latin, { type: 'text/csv' });
    expect(win.status).toBe(200);
    expect(win.body).toMatchObject({ rows: 1, imported: 1, errorCount: 0 });
    const stored = await call(server, 'GET', '/api/incidents?limit=200', { token: tokens.viewer });
    const w1 = (stored.body.items as { externalId: string; summary: string }[]).find(
      (i) => i.externalId === 'acled:W1',
    );
    expect(w1?.summary).toBe('Caf\u00e9 owner and his son were killed \u2013 police said.');
  });

  it('lets operators and admins import, and refuses viewers (403) and anonymous callers (401)', async () => {
    const csv = `${HEADER}\n${row('RC1', '2024-05-01')}\n`;
    expect((await post(csv, { type: 'text/csv', token: tokens.admin })).status).toBe(200);
    const viewer = await post(csv, { type: 'text/csv', token: tokens.viewer });
    expect([viewer.status, viewer.body.error?.code]).toEqual([403, 'forbidden']);
    const anonymous = await fetch(`${server.url}/api/import/acled`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(anonymous.status).toBe(401);
  });

  it('refuses other content types (415) and uploads declared over 200 MB (413)', async () => {
    const json = await post('{"rows": []}', { type: 'application/json' });
    expect([json.status, json.body.error?.code]).toEqual([415, 'unsupported_media_type']);
    const noFile = new FormData();
    noFile.append('other', 'x');
    expect((await post(noFile)).status).toBe(400);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/import/acled`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.operator}`,
          'content-type': 'text/csv',
          'content-length': String(201 * 1024 * 1024),
        },
      });
      req.on('response', (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write(HEADER);
    });
    expect(status).toBe(413);
  });

  it('shows the progress of a named job to its owner only (others, admins included, get 404)', async () => {
    const job = `job-${Date.now()}`;
    const csv = [HEADER, ...Array.from({ length: 1200 }, (_, i) => row(`PG${i}`, '2024-06-01'))].join('\n');
    const res = await post(csv, { type: 'text/csv', headers: { 'import-job': job } });
    expect(res.status).toBe(200);
    expect(res.headers.get('import-job')).toBe(job);
    const mine = await call(server, 'GET', `/api/import/progress?job=${job}`, { token: tokens.operator });
    expect(mine.status).toBe(200);
    expect(mine.body.job).toMatchObject({
      id: job,
      state: 'done',
      totalBytes: Buffer.byteLength(csv),
      progress: { rows: 1200, imported: 1200, bytesRead: Buffer.byteLength(csv) },
    });
    expect(mine.body.job.report).toEqual(res.body);
    expect((await call(server, 'GET', `/api/import/progress?job=${job}`, { token: tokens.admin })).status).toBe(404);
    expect((await call(server, 'GET', `/api/import/progress?job=${job}`, { token: tokens.other })).status).toBe(404);
    expect((await call(server, 'GET', '/api/import/progress?job=../x', { token: tokens.operator })).status).toBe(400);
  });
});

describe.each(drivers)('POST /api/import/acled with no groups stored, on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(driver);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('refuses to match actors against an empty group table (409, the fix named)', async () => {
    const token = await tokenFor(server, (await addUser(server, 'op@example.org', 'operator')).id);
    // Every start seeds the reference groups: empty the table as a never-seeded database would be.
    await server.runtime.database.db.execute(sql`delete from groups`);
    const res = await fetch(`${server.url}/api/import/acled`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: `${HEADER}\n${row('NG1', '2024-01-01')}\n`,
    });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([res.status, body.error.code]).toEqual([409, 'conflict']);
    expect(body.error.message).toMatch(/group table is empty.*db:migrate/);
    expect(await count(server.runtime.database.db, 'incidents')).toBe(0);
  });
});
