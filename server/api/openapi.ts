/**
 * GET /api/openapi.json: OpenAPI 3.1 built from the mounted route specs (so every guarded route is
 * listed with its access level) plus any route registered outside them, named as such.
 */
import type { Access } from '../auth/guards';
import { mount, mountedSpecs, type ApiApp, type RouteModule, type RouteSpec } from './route-spec';
import { components, jsonSchema, type JsonSchema } from './openapi-components';
import { mergePatchSchema } from './openapi-merge-patch';

const ACCESS_TEXT: Record<Access, string> = {
  public: 'Anyone.',
  read: 'Any signed-in user (viewer, operator, admin); anonymous too when PUBLIC_DASHBOARD=1.',
  'signed-in': 'Any signed-in user or API token.',
  operator: 'Operators and admins.',
  admin: 'Admins only.',
};

function queryParameters(spec: RouteSpec): JsonSchema[] {
  if (!spec.query) return [];
  const schema = jsonSchema(spec.query, 'input') as { properties?: Record<string, JsonSchema> };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    schema: s,
    style: 'form',
    explode: true,
  }));
}

function operation(spec: RouteSpec): JsonSchema {
  const pathParams = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const headers = spec.idempotent
    ? [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string', maxLength: 200 },
          description:
            'Same key and body: the first answer again (header Idempotent-Replayed: true). Same key, other body: 409.',
        },
      ]
    : [];
  const responses: JsonSchema = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    const schema = typeof r.schema === 'string' ? { $ref: `#/components/schemas/${r.schema}` } : r.schema;
    responses[status] = schema
      ? { description: r.description, content: { 'application/json': { schema } } }
      : { description: r.description };
  }
  if (spec.access !== 'public')
    responses['503'] ??= {
      description: 'The database is not answering',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  const plain =
    spec.body === undefined
      ? undefined
      : typeof spec.body === 'string'
        ? { $ref: `#/components/schemas/${spec.body}` }
        : jsonSchema(spec.body, 'input');
  const body = plain && spec.mergePatch ? mergePatchSchema(plain) : plain;
  // A merge patch is accepted under its own media type and as plain JSON.
  const bodyTypes = spec.mergePatch ? ['application/merge-patch+json', 'application/json'] : ['application/json'];
  return {
    tags: [spec.tag],
    summary: spec.summary,
    description: [spec.description, `Access: ${ACCESS_TEXT[spec.access]}`].filter(Boolean).join('\n\n'),
    operationId: `${spec.method}${spec.path
      .replace(/^\/api/, '')
      .replace(/[{}]/g, '')
      .replace(/(^|[/-])(\w)/g, (_, _s, ch: string) => ch.toUpperCase())}`,
    'x-access': spec.access,
    security: spec.access === 'public' ? [] : [{ cookieAuth: [] }, { bearerAuth: [] }],
    parameters: [...pathParams, ...queryParameters(spec), ...headers],
    ...(body
      ? {
          requestBody: {
            required: spec.bodyRequired ?? false,
            content: Object.fromEntries(bodyTypes.map((t) => [t, { schema: body }])),
          },
        }
      : {}),
    responses,
  };
}

export function buildOpenApi(app: ApiApp, info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const seen = new Set<string>();
  for (const spec of mountedSpecs(app)) {
    (paths[spec.path] ??= {})[spec.method] = operation(spec);
    seen.add(`${spec.method.toUpperCase()} ${spec.path}`);
  }
  // Routes registered directly on the app (health, other modules) are listed too, without detail.
  for (const r of app.routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    if (r.method === 'ALL' || path.includes('*') || seen.has(`${r.method} ${path}`)) continue;
    seen.add(`${r.method} ${path}`);
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary:
        path === '/api/health' ? 'Health: database kind and log position, 503 when degraded' : `${r.method} ${path}`,
      tags: [path.split('/')[2] ?? 'api'],
      responses: { default: { description: 'See the route module', content: { 'application/json': { schema: {} } } } },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'border-watch API',
      version: info.version,
      description:
        'JSON API of the security-incident dashboard. Errors are always `{ "error": { "code", "message", "fields"? } }`. ' +
        'Reads carry `position` ({epoch, seq}), read before the data: apply live changes after it. Writes answer `{ <entity>, change: {epoch, seq} }`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: components(),
  };
}

export const openApiRoutes: RouteModule = (app, runtime) => {
  let cached: JsonSchema | null = null;
  mount(app, runtime, [
    {
      method: 'get',
      path: '/api/openapi.json',
      access: 'public',
      tag: 'Meta',
      summary: 'This document',
      handler: (c) => c.json((cached ??= buildOpenApi(app, { version: '1' }))),
      responses: { 200: { description: 'OpenAPI 3.1' } },
    },
  ]);
};
