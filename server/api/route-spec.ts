/**
 * Routes are declared as data: method, path, access level, documentation and handler. Mounting
 * applies the access guard and records the spec, so the OpenAPI document and the role tests read
 * the same list the server serves (a route cannot be undocumented or unguarded by accident).
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { allow, type Access } from '../auth/guards';
import type { Runtime } from '../runtime';

/** The API's types live here, not in app.ts, so route modules need not import the module that mounts them. */
export type ApiEnv = { Variables: { runtime: Runtime } };
export type ApiApp = Hono<ApiEnv>;
export type RouteModule = (app: ApiApp, runtime: Runtime) => void;

export type Method = 'get' | 'post' | 'patch' | 'delete';

/** A component name in the OpenAPI document (`#/components/schemas/<name>`), or an inline JSON schema. */
export type SchemaRef = string | Record<string, unknown>;

export interface RouteDoc {
  summary: string;
  tag: string;
  description?: string;
  /** An object schema whose keys are the query parameters. */
  query?: z.ZodType;
  body?: z.ZodType | string;
  bodyRequired?: boolean;
  /** The body is a JSON Merge Patch of `body` (RFC 7396): every member optional, null clears, plus `version`. */
  mergePatch?: boolean;
  /** POST accepts an Idempotency-Key header. */
  idempotent?: boolean;
  responses: Record<number, { description: string; schema?: SchemaRef }>;
}

export interface RouteSpec extends RouteDoc {
  method: Method;
  /** OpenAPI style: `/api/incidents/{id}`. */
  path: string;
  access: Access;
  handler: (c: Context) => Promise<Response> | Response;
}

const mounted = new WeakMap<ApiApp, RouteSpec[]>();

const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

export function mount(app: ApiApp, runtime: Runtime, specs: RouteSpec[]): void {
  const list = mounted.get(app) ?? [];
  for (const spec of specs) {
    app.on(spec.method.toUpperCase(), honoPath(spec.path), allow(runtime, spec.access), spec.handler);
    list.push(spec);
  }
  mounted.set(app, list);
}

export function mountedSpecs(app: ApiApp): RouteSpec[] {
  return mounted.get(app) ?? [];
}
