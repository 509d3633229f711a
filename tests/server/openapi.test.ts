/** The OpenAPI document: valid 3.1 JSON, every route with access, parameters and responses, refs that resolve. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

type Json = Record<string, unknown>;

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

// The document does not depend on the database: one driver is enough.
describe('GET /api/openapi.json', () => {
  let server: TestServer;
  let doc: {
    openapi: string;
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Json; securitySchemes: Json };
  };
  beforeAll(async () => {
    server = await startTestServer('pglite');
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    doc = JSON.parse(await res.text());
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('is OpenAPI 3.1 with both security schemes and the error shape', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes).toMatchObject({
      cookieAuth: { type: 'apiKey', in: 'cookie' },
      bearerAuth: { type: 'http', scheme: 'bearer' },
    });
    expect(doc.components.schemas.Error).toMatchObject({ properties: { error: { required: ['code', 'message'] } } });
  });

  it('lists every route of the contract with its access level and responses', () => {
    const expected = [
      'get /api/incidents',
      'post /api/incidents',
      'get /api/incidents/{id}',
      'patch /api/incidents/{id}',
      'delete /api/incidents/{id}',
      'get /api/incidents/{id}/history',
      'get /api/operations',
      'post /api/operations',
      'get /api/operations/{id}',
      'patch /api/operations/{id}',
      'delete /api/operations/{id}',
      'get /api/groups',
      'post /api/groups',
      'patch /api/groups/{id}',
      'delete /api/groups/{id}',
      'get /api/reference-figures',
      'post /api/reference-figures',
      'get /api/annotations',
      'post /api/annotations',
      'get /api/changes',
      'get /api/users',
      'post /api/users',
      'patch /api/users/{id}',
      'get /api/tokens',
      'post /api/tokens',
      'delete /api/tokens/{id}',
      'post /api/auth/sign-in/email',
      'post /api/auth/sign-out',
      'get /api/me',
      'get /api/health',
      'get /api/openapi.json',
      'get /api/stats/summary',
      'get /api/saved-views',
      'post /api/saved-views',
      'get /api/alert-rules',
      'post /api/alert-rules',
      'patch /api/alert-rules/{id}',
      'delete /api/alert-rules/{id}',
      'get /api/alerts/inbox',
    ];
    const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    for (const route of expected) expect(listed, route).toContain(route);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses as Json).length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
    const create = doc.paths['/api/incidents']!.post!;
    expect(create['x-access']).toBe('operator');
    expect(create.security).toEqual([{ cookieAuth: [] }, { bearerAuth: [] }]);
    expect((create.parameters as Json[]).map((p) => p.name)).toContain('Idempotency-Key');
    const body = (
      create.requestBody as { content: { 'application/json': { schema: { properties: Json; required: string[] } } } }
    ).content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(['occurredAt', 'province', 'type', 'casualties', 'sources']),
    );
    expect(body.required).toEqual(expect.arrayContaining(['occurredAt', 'province', 'type']));
    const list = doc.paths['/api/incidents']!.get!;
    expect((list.parameters as Json[]).map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'limit',
        'cursor',
        'sort',
        'from',
        'to',
        'country',
        'province',
        'group',
        'type',
        'target',
        'status',
        'retracted',
      ]),
    );
    expect(doc.paths['/api/openapi.json']!.get!.security).toEqual([]);
    expect(doc.paths['/api/incidents/{id}']!.patch!.responses).toHaveProperty('409');
  });

  it('has no dangling references', () => {
    const names = new Set(Object.keys(doc.components.schemas));
    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(names, ref).toContain(ref.slice('#/components/schemas/'.length));
    }
  });
});
