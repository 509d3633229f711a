/** The OpenAPI document: valid 3.1 JSON, every route with access, parameters and responses, refs that resolve. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { addUser, incidentInput, operationInput, tokenFor } from './api-support';

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

/**
 * Every key of `value` is described by `schema` and every required key is present, recursively
 * (refs and anyOf resolved): enough to catch a response that drifted from its documented shape.
 */
function undocumented(value: unknown, schema: Json, schemas: Json, at = '$'): string[] {
  if (typeof schema.$ref === 'string')
    return undocumented(value, schemas[schema.$ref.split('/').pop()!] as Json, schemas, at);
  if (Array.isArray(schema.allOf)) {
    // Every part documents some of the members: one schema with all their properties and requirements.
    const parts = (schema.allOf as Json[]).map((s) =>
      typeof s.$ref === 'string' ? (schemas[s.$ref.split('/').pop()!] as Json) : s,
    );
    const merged: Json = {
      type: 'object',
      required: parts.flatMap((p) => (p.required ?? []) as string[]),
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    };
    return undocumented(value, merged, schemas, at);
  }
  if (Array.isArray(schema.anyOf)) {
    const fits = (schema.anyOf as Json[]).map((s) => undocumented(value, s, schemas, at));
    return fits.find((f) => f.length === 0) ?? fits[0]!;
  }
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (value === null) return types.length === 0 || types.includes('null') ? [] : [`${at}: null`];
  if (Array.isArray(value))
    return value.flatMap((v, i) => undocumented(v, (schema.items ?? {}) as Json, schemas, `${at}[${i}]`));
  if (typeof value !== 'object') return [];
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const out = ((schema.required ?? []) as string[]).filter((k) => !(k in value)).map((k) => `${at}.${k}: missing`);
  for (const [k, v] of Object.entries(value)) {
    if (!(k in properties)) out.push(`${at}.${k}: not in the schema`);
    else out.push(...undocumented(v, properties[k]!, schemas, `${at}.${k}`));
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
  let token: string;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    token = await tokenFor(server, (await addUser(server, 'viewer@example.org', 'viewer')).id);
    // One incident and one operation, so the answers hold rows, figures and "missing" counts.
    const operator = await tokenFor(server, (await addUser(server, 'op@example.org', 'operator')).id);
    for (const [path, body] of [
      ['/api/incidents', incidentInput(1)],
      ['/api/operations', operationInput()],
    ] as const)
      await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
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

  it('describes PATCH as a JSON Merge Patch under both media types', () => {
    const patch = doc.paths['/api/incidents/{id}']!.patch! as Json & { requestBody: { content: Record<string, Json> } };
    expect(Object.keys(patch.requestBody.content)).toEqual(['application/merge-patch+json', 'application/json']);
    expect(String(patch.description)).toMatch(/RFC 7396/);
    const body = patch.requestBody.content['application/merge-patch+json']!.schema as {
      required: string[];
      properties: Record<string, { anyOf: Json[] }>;
    };
    expect(body.required).toEqual(['version']);
    // A nested member is optional and may be null (clears it); arrays keep their item schema.
    const casualties = body.properties.casualties!.anyOf[0] as {
      required?: string[];
      properties: Record<string, Json>;
    };
    expect(casualties.required).toBeUndefined();
    expect(body.properties.casualties!.anyOf[1]).toMatchObject({ type: 'null' });
    expect(body.properties.sources!.anyOf[0]).toMatchObject({ type: 'array' });
    for (const base of ['/api/operations/{id}', '/api/groups/{id}']) {
      const content = (doc.paths[base]!.patch!.requestBody as { content: Json }).content;
      expect(Object.keys(content)).toContain('application/merge-patch+json');
    }
  });

  it.each([
    ['summary', '', ['from', 'to', 'range', 'province', 'group', 'type', 'target', 'status', 'country']],
    ['timeseries', '?bucket=day', ['range', 'bucket', 'province']],
    ['breakdown', '?by=province', ['range', 'by', 'top', 'province']],
    ['overview', '', ['range', 'bucket', 'top', 'province']],
  ])(
    'lists the query parameters and response schema of /api/stats/%s, and a live answer fits it',
    async (name, qs, params) => {
      const op = doc.paths[`/api/stats/${name}`]!.get! as Json & {
        parameters: Json[];
        responses: Record<string, Json>;
      };
      expect(op.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(params));
      expect(op.parameters.map((p) => p.name)).not.toContain('retracted');
      const schema = (op.responses['200'] as { content: { 'application/json': { schema: Json } } }).content[
        'application/json'
      ].schema;
      expect(schema.$ref).toMatch(/^#\/components\/schemas\/Stats/);
      expect(op.responses).toHaveProperty('400');
      const res = await fetch(`${server.url}/api/stats/${name}${qs}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(undocumented(await res.json(), schema, doc.components.schemas)).toEqual([]);
    },
  );

  it('documents the overview lists, and a live answer fits the schema', async () => {
    const op = doc.paths['/api/overview/incidents']!.get! as Json & { responses: Record<string, Json> };
    const schema = (op.responses['200'] as { content: { 'application/json': { schema: Json } } }).content[
      'application/json'
    ].schema;
    expect(schema.$ref).toBe('#/components/schemas/OverviewIncidents');
    const res = await fetch(`${server.url}/api/overview/incidents?province=KP`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { feed: unknown[]; points: unknown[] };
    expect(body.feed).toHaveLength(1);
    expect(body.points).toHaveLength(0); // the incident has no coordinates
    expect(undocumented(body, schema, doc.components.schemas)).toEqual([]);
    const bad = await fetch(`${server.url}/api/overview/incidents?provnce=KP`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'provnce',
    );
  });

  it('documents the overview’s published figures, and a live answer fits the schema', async () => {
    const op = doc.paths['/api/overview/reference']!.get! as Json & { responses: Record<string, Json> };
    const schema = (op.responses['200'] as { content: { 'application/json': { schema: Json } } }).content[
      'application/json'
    ].schema;
    expect(schema.$ref).toBe('#/components/schemas/OverviewReference');
    // One published figure for a whole past year, compared with the incidents recorded in it.
    const admin = await tokenFor(server, (await addUser(server, 'admin@example.org', 'admin')).id);
    const created = await fetch(`${server.url}/api/reference-figures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        metric: 'Militant attacks',
        valueKind: 'exact',
        value: 500,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        periodLabel: '2025',
        sourceName: 'A published report',
        comparableTo: 'incidents',
      }),
    });
    expect(created.status).toBe(201);
    const res = await fetch(`${server.url}/api/overview/reference`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { comparisons: { recorded: unknown }[]; position: { seq: number } };
    expect(body.comparisons.length).toBeGreaterThan(0);
    expect(body.comparisons.some((c) => c.recorded !== null)).toBe(true);
    expect(undocumented(body, schema, doc.components.schemas)).toEqual([]);
    const bad = await fetch(`${server.url}/api/overview/reference?range=30d`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('range');
  });

  it('documents the split body: an optional record to bring back, an Idempotency-Key and the conflict', () => {
    const split = doc.paths['/api/incidents/{id}/split']!.post! as Json & {
      requestBody: { required: boolean; content: { 'application/json': { schema: Json } } };
      parameters: Json[];
      responses: Record<string, Json>;
    };
    expect(split.requestBody.required).toBe(false);
    expect(split.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      properties: { merged: { type: 'string', format: 'uuid' } },
    });
    expect(split.requestBody.content['application/json'].schema.required ?? []).toEqual([]);
    expect(split.parameters.map((p) => p.name)).toContain('Idempotency-Key');
    expect(split.responses).toHaveProperty('409');
    expect(String(split.description)).toMatch(/merged/);
  });

  it('documents GET /api/overview/duplicates, and a live answer fits it', async () => {
    const op = doc.paths['/api/overview/duplicates']!.get! as Json & {
      parameters: Json[];
      responses: Record<string, Json>;
    };
    expect(op['x-access']).toBe('read');
    expect(op.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['range', 'from', 'to']));
    const schema = (op.responses['200'] as { content: { 'application/json': { schema: Json } } }).content[
      'application/json'
    ].schema;
    expect(schema.$ref).toBe('#/components/schemas/OverviewDuplicates');
    const res = await fetch(`${server.url}/api/overview/duplicates?range=30d`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { count: number };
    expect(body.count).toBe(0);
    expect(undocumented(body, schema, doc.components.schemas)).toEqual([]);
  });

  it('has no dangling references', () => {
    const names = new Set(Object.keys(doc.components.schemas));
    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(names, ref).toContain(ref.slice('#/components/schemas/'.length));
    }
  });
});
