/**
 * Query strings against every GET route of the OpenAPI document: each documented parameter (and
 * a few undocumented ones) with hostile values, alone and repeated. Never a 5xx; a tampered
 * cursor is a 400 that names `cursor`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, incidentInput, tokenFor } from '../server/api-support';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const ID = '00000000-0000-4000-8000-000000000000';
const HOSTILE = [
  '9999-99-99',
  '9999-99-99T99:99:99Z',
  '2025-02-30',
  '1970-01-01',
  '0000-00-00',
  '-1',
  '1e999',
  'NaN',
  '%00',
  '%ED%A0%80',
  'a'.repeat(5000),
  "'; select pg_sleep(1); --",
  '[]',
  '{}',
  b64({ s: '-occurredAt', v: '9999-99-99 99:99:99', id: ID }),
  b64({ s: 'occurredAt', v: '2025-01-01 00:00:00+00', id: 'x' }),
  b64({ s: '-createdAt', v: '2025-13-01 00:00:00+00', id: ID }),
  b64([1, 2, 3]),
  '%%%',
];

describe.each(drivers)('hostile query strings on %s', (driver) => {
  let server: TestServer;
  let token: string;
  const routes: { path: string; params: string[] }[] = [];
  beforeAll(async () => {
    server = await startTestServer(driver);
    token = await tokenFor(server, (await addUser(server, 'admin@example.org', 'admin')).id);
    const created = await call(server, 'POST', '/api/incidents', { token, body: incidentInput() });
    const doc = (await call(server, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    for (const [template, ops] of Object.entries(doc.paths)) {
      const get = ops.get;
      if (!get) continue;
      const params = (get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const path = template.replace(/\{\w+\}/g, template.startsWith('/api/incidents') ? created.body.incident.id : ID);
      routes.push({ path, params: [...new Set([...params, 'cursor'])] });
    }
    expect(routes.length).toBeGreaterThan(15);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('never answers 5xx to a hostile value of any parameter', async () => {
    const wrong: string[] = [];
    const cases = routes.flatMap((r) =>
      r.params.flatMap((name) => HOSTILE.map((value) => ({ path: r.path, name, value }))),
    );
    // A few at a time: a hostile value must not cost more than a plain one.
    for (let i = 0; i < cases.length; i += 4) {
      await Promise.all(
        cases.slice(i, i + 4).map(async ({ path, name, value }) => {
          const q = `${encodeURIComponent(name)}=${value.includes('%') ? value : encodeURIComponent(value)}`;
          const res = await call(server, 'GET', `${path}?${q}&${q}`, { token });
          if (res.status >= 500) wrong.push(`${path}?${name}=${value.slice(0, 40)}: ${res.status}`);
        }),
      );
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('answers 400 naming the field for a tampered cursor on every list', async () => {
    const cursor = b64({ s: '-occurredAt', v: '9999-99-99 99:99:99', id: ID });
    for (const list of ['/api/incidents', '/api/operations']) {
      const res = await call(server, 'GET', `${list}?cursor=${cursor}`, { token });
      expect(res.status, list).toBe(400);
      expect(Object.keys(res.body.error.fields)).toContain('cursor');
    }
    const bucket = await call(server, 'GET', '/api/stats/overview?bucket=hour&from=1970-01-01', { token });
    expect(bucket.status).toBe(400);
    expect(Object.keys(bucket.body.error.fields)).toContain('bucket');
  });

  it('never answers 5xx to random query strings (fuzzed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes.map((r) => r.path)),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 40 }), { maxKeys: 4 }),
        async (path, query) => {
          const res = await call(server, 'GET', `${path}?${new URLSearchParams(query).toString()}`, { token });
          expect(res.status, `${path} ${JSON.stringify(query)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });
});
