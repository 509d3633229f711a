/**
 * Deep and wide JSON against every JSON route (write routes from the OpenAPI document, and the
 * anonymous sign-in): 400 naming the limit, never a 5xx, and the server keeps answering while
 * several 1 MB nested bodies arrive at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_JSON_DEPTH, MAX_JSON_KEYS } from '../../core/json-bounds';
import { MAX_BATCH_KEYS } from '../../server/api/incident-batch';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, call, tokenFor } from '../server/api-support';

describe.each(drivers)('bounded JSON on %s', (driver) => {
  let server: TestServer;
  let token: string;
  const routes: { method: string; path: string }[] = [];
  beforeAll(async () => {
    server = await startTestServer(driver);
    token = await tokenFor(server, (await addUser(server, 'admin@example.org', 'admin')).id);
    const doc = (await call(server, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
    };
    for (const [template, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        if (op.requestBody?.content?.['application/json'])
          routes.push({
            method: method.toUpperCase(),
            path: template.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000'),
          });
    expect(routes.length).toBeGreaterThan(10);
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('answers 400 naming the limit on every JSON route, anonymous sign-in included', async () => {
    const wrong: string[] = [];
    // The batch endpoint takes up to 500 records, so its key limit is its own.
    const maxKeys = (path: string) => (path === '/api/incidents/batch' ? MAX_BATCH_KEYS : MAX_JSON_KEYS);
    const wide = (keys: number) => `{${Array.from({ length: keys + 1 }, (_, i) => `"k${i}":1`).join(',')}}`;
    for (const r of routes) {
      const bodies = {
        deep: '['.repeat(5000),
        deepObject: '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
        wide: wide(maxKeys(r.path)),
      };
      for (const [name, body] of Object.entries(bodies)) {
        const anonymous = r.path === '/api/auth/sign-in/email';
        const res = await call(server, r.method, r.path, {
          body,
          token: anonymous ? undefined : token,
          headers: { origin: server.url },
        });
        const limit = name === 'wide' ? `more than ${maxKeys(r.path)}` : `deeper than ${MAX_JSON_DEPTH}`;
        if (res.status !== 400 || !String(res.body?.error?.message).includes(limit))
          wrong.push(`${r.method} ${r.path} ${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never answers 5xx to random nestings (fuzzed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 20, max: 3000 }),
        fc.constantFrom('[', '{"x":', '[{"y":'),
        fc.boolean(),
        async (n, open, closed) => {
          const close = open === '[' ? ']' : open === '{"x":' ? '}' : '}]';
          const body = open.repeat(n) + (closed ? '1' + close.repeat(n) : '');
          const res = await call(server, 'POST', '/api/incidents', { body, token });
          expect(res.status).toBeLessThan(500);
          expect(res.status).toBe(400);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps answering while 8 nested 1 MB bodies arrive at once', async () => {
    const body = '['.repeat(1024 * 1024 - 10);
    const flood = Array.from({ length: 8 }, () => call(server, 'POST', '/api/incidents', { body, token }));
    const health = await call(server, 'GET', '/api/health');
    expect(health.status).toBe(200);
    for (const res of await Promise.all(flood)) expect(res.status).toBe(400);
  });
});
