/**
 * Random and malformed bodies against every write endpoint (read from the OpenAPI document, so a
 * new route is fuzzed too): never a 5xx, never a partial write (row counts checked after every
 * case), and a 400 names the field or the problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../support/test-server';
import { rows } from '../support/rows';
import {
  addUser,
  annotationInput,
  call,
  figureInput,
  groupInput,
  incidentInput,
  operationInput,
  tokenFor,
} from '../server/api-support';

const weird = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ unit: 'grapheme', minLength: 3000, maxLength: 6000 }),
  fc.constantFrom(
    "'; DROP TABLE incidents; --",
    '1 OR 1=1',
    '\u0000',
    '\uD800',
    '𝕏'.repeat(300),
    '<script>alert(1)</script>',
    '../../etc/passwd',
    'NaN',
    '-1',
  ),
  fc.double(),
  fc.constantFrom(-1, -0, 1e308, -1e308, 2 ** 53 + 1, 0.5, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
);

/** A valid body with one field (possibly nested) replaced, removed, or an unknown one added. */
function mutated(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.record({ key: fc.constantFrom(...keys), value: weird }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    fc
      .record({ key: fc.string({ minLength: 1, maxLength: 8 }), value: weird })
      .map(({ key, value }) => ({ ...valid, [`x_${key}`]: value })),
    fc
      .record({
        path: fc.constantFrom(
          'casualties.killed.civilians.low',
          'casualties.injured.militants.high',
          'sources.0.url',
          'sources.0.name',
        ),
        value: weird,
      })
      .map(({ path, value }) => {
        const copy = structuredClone(valid) as Record<string, unknown>;
        const parts = path.split('.');
        let node: Record<string, unknown> = copy;
        for (const p of parts.slice(0, -1))
          node = (node[p] ??= /^\d+$/.test(parts[parts.indexOf(p) + 1] ?? '') ? [{}] : {}) as Record<string, unknown>;
        node[parts.at(-1)!] = value;
        return copy;
      }),
  );
}

const rawBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"occurredAt":', 'null', '[]', '"text"', '{"a":1}}', '\u0000\u0001', ''),
);

describe('fuzzing the write endpoints', () => {
  let server: TestServer;
  let admin: string;
  const ids: Record<string, { id: string; version: number }> = {};

  const counts = async () =>
    rows(
      server.runtime.database.db,
      sql`select (select count(*) from incidents) i, (select count(*) from operations) o, (select count(*) from groups) g,
      (select count(*) from reference_figures) r, (select count(*) from annotations) a, (select count(*) from changes) c, (select count(*) from "user") u, (select count(*) from api_tokens) t`,
    );

  beforeAll(async () => {
    server = await startTestServer('pglite');
    admin = await tokenFor(server, (await addUser(server, 'admin@fuzz.test', 'admin')).id);
    for (const [path, body] of [
      ['incidents', incidentInput(1)],
      ['operations', operationInput()],
      ['groups', groupInput(1)],
      ['reference-figures', figureInput()],
      ['annotations', annotationInput()],
    ] as const) {
      const res = await call(server, 'POST', `/api/${path}`, { token: admin, body });
      expect(res.status).toBe(201);
      const record = Object.values(res.body as Record<string, { id?: string; version?: number }>).find(
        (v) => v && typeof v === 'object' && v.id,
      );
      ids[path] = { id: record!.id!, version: record!.version! };
    }
  });
  afterAll(async () => {
    await server?.destroy();
  });

  async function expectSafe(method: string, path: string, body: unknown, raw = false) {
    const before = await counts();
    const res = await call(server, method, path, { token: admin, body: raw ? String(body) : body });
    expect(
      res.status,
      `${method} ${path} ${JSON.stringify(body)?.slice(0, 200)} → ${JSON.stringify(res.body)?.slice(0, 300)}`,
    ).toBeLessThan(500);
    if (res.status >= 400) {
      expect(await counts()).toEqual(before);
      expect(typeof res.body?.error?.code).toBe('string');
      expect(res.body.error.message.length).toBeGreaterThan(5);
      if (res.body.error.code === 'validation')
        expect(Object.keys(res.body.error.fields ?? {}).length).toBeGreaterThan(0);
    }
    return res;
  }

  const valids: [string, string, () => Record<string, unknown>][] = [
    ['POST', '/api/incidents', () => incidentInput(2)],
    ['POST', '/api/operations', () => operationInput()],
    ['POST', '/api/groups', () => groupInput(2)],
    ['POST', '/api/reference-figures', () => figureInput()],
    ['POST', '/api/annotations', () => annotationInput()],
    [
      'POST',
      '/api/users',
      () => ({ email: `u${Math.random()}@fuzz.test`, role: 'viewer', password: 'fuzzing passphrase kite 41' }),
    ],
    ['POST', '/api/tokens', () => ({ name: 'fuzz token' })],
  ];

  it.each(valids)('%s %s: mutated valid bodies', async (method, path, valid) => {
    await fc.assert(
      fc.asyncProperty(mutated(valid()), (body) => expectSafe(method, path, body).then(() => true)),
      { numRuns: 40 },
    );
  });

  it.each(['incidents', 'operations', 'groups', 'reference-figures', 'annotations'])(
    'PATCH and DELETE /api/%s/{id}: random bodies',
    async (entity) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            weird,
            fc.dictionary(fc.constantFrom('version', 'summary', 'reason', 'province', 'title', 'value'), weird),
          ),
          async (body) => {
            const { id } = ids[entity]!;
            await expectSafe('PATCH', `/api/${entity}/${id}`, body);
            await expectSafe('DELETE', `/api/${entity}/${id}`, body);
            return true;
          },
        ),
        { numRuns: 25 },
      );
    },
  );

  it('malformed JSON, wrong types and odd ids everywhere', async () => {
    const targets = [
      '/api/incidents',
      '/api/operations',
      '/api/groups',
      '/api/reference-figures',
      '/api/annotations',
      '/api/users',
      '/api/tokens',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), rawBody, async (path, body) => {
        await expectSafe('POST', path, body, true);
        return true;
      }),
      { numRuns: 80 },
    );
    for (const id of ['not-a-uuid', "1' OR '1'='1", '00000000-0000-0000-0000-000000000000', '%00']) {
      const res = await call(server, 'GET', `/api/incidents/${encodeURIComponent(id)}`, { token: admin });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });

  it('rejects a body over the size limit with 413 and writes nothing', async () => {
    const res = await expectSafe('POST', '/api/incidents', {
      ...incidentInput(3),
      summary: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });
});
