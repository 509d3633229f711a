/**
 * Sign-in, sign-out and session routes, served by better-auth under /api/auth. Only the paths the
 * product uses are passed through (no sign-up, no impersonation: accounts are managed through
 * /api/users); better-auth's answers are rewritten into the API's error shape.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { DomainError, parseInput } from '../../core/errors';
import { findUserById } from '../../db/queries/users';
import { CLIENT_IP_HEADER } from '../auth/better-auth';
import { checkAccess } from '../auth/guards';
import { SignInInput } from '../auth/user-schemas';
import type { Runtime } from '../runtime';
import { mount, type RouteModule, type RouteSpec } from './route-spec';
import { readJson } from './json-body';

const CODES: Record<number, string> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation',
  429: 'rate_limited',
};

/** Forwards to better-auth with the client's address set by us (rate limits key on it; clients cannot spoof it). */
async function forward(c: Context, runtime: Runtime, body?: unknown): Promise<Response> {
  const headers = new Headers(c.req.raw.headers);
  headers.delete(CLIENT_IP_HEADER);
  headers.delete('content-length');
  const ip = getConnInfo(c).remote.address;
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  if (body !== undefined) headers.set('content-type', 'application/json');
  const request = new Request(c.req.url, {
    method: c.req.method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return runtime.auth.betterAuth.handler(request);
}

/** Copies status and headers (Set-Cookie!) of better-auth's answer around a new JSON body. */
function rewrap(res: Response, body: unknown, status = res.status): Response {
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers });
}

async function relay(res: Response, runtime: Runtime): Promise<Response> {
  if (res.ok) return res;
  // better-auth answers 500 for any storage failure: when the database is away, say so (503).
  if (
    res.status >= 500 &&
    !(await runtime.database.ping(1000).then(
      () => true,
      () => false,
    ))
  ) {
    return rewrap(
      res,
      { error: { code: 'unavailable', message: 'The database is not answering; try again in a moment.' } },
      503,
    );
  }
  const body = (await res.json().catch(() => null)) as { message?: string } | null;
  const code = CODES[res.status] ?? (res.status >= 500 ? 'internal' : 'validation');
  const out = rewrap(res, { error: { code, message: body?.message || res.statusText || 'Request refused' } });
  const retry = res.headers.get('x-retry-after');
  if (res.status === 429 && retry) out.headers.set('Retry-After', retry);
  return out;
}

const userShape = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', enum: ['viewer', 'operator', 'admin'] },
  },
};

export const authRoutes: RouteModule = (app, runtime) => {
  const specs: RouteSpec[] = [
    {
      method: 'post',
      path: '/api/auth/sign-in/email',
      access: 'public',
      tag: 'Auth',
      summary: 'Sign in with email and password; sets the HttpOnly session cookie',
      description: 'Rate-limited per client address (429 with Retry-After). Browsers must send their Origin.',
      body: SignInInput,
      bodyRequired: true,
      handler: async (c) => {
        const input = parseInput(SignInInput, await readJson(c));
        const res = await forward(c, runtime, input);
        if (!res.ok) return relay(res, runtime);
        const { user } = (await res.json()) as { user: { id: string; email: string; name: string; role?: string } };
        return rewrap(res, { user: { id: user.id, email: user.email, name: user.name, role: user.role ?? 'viewer' } });
      },
      responses: {
        200: { description: 'Signed in', schema: { type: 'object', properties: { user: userShape } } },
        400: { description: 'Missing or malformed email/password', schema: 'Error' },
        401: { description: 'Wrong email or password', schema: 'Error' },
        403: { description: 'Account disabled, or cross-site request', schema: 'Error' },
        429: { description: 'Too many attempts', schema: 'Error' },
      },
    },
    {
      method: 'post',
      path: '/api/auth/sign-out',
      access: 'public',
      tag: 'Auth',
      summary: 'Sign out: deletes the session and clears the cookie',
      handler: async (c) => relay(await forward(c, runtime, {}), runtime),
      responses: { 200: { description: 'Signed out' }, 403: { description: 'Cross-site request', schema: 'Error' } },
    },
    {
      method: 'get',
      path: '/api/auth/get-session',
      access: 'public',
      tag: 'Auth',
      summary: "better-auth's session view (null when signed out)",
      handler: async (c) => relay(await forward(c, runtime), runtime),
      responses: { 200: { description: 'The session and user, or null' } },
    },
    {
      method: 'post',
      path: '/api/auth/change-password',
      access: 'signed-in',
      tag: 'Auth',
      summary: 'Change your own password',
      body: z.object({
        currentPassword: z.string(),
        newPassword: z.string().min(8),
        revokeOtherSessions: z.boolean().optional(),
      }),
      bodyRequired: true,
      handler: async (c) => relay(await forward(c, runtime, await readJson(c)), runtime),
      responses: {
        200: { description: 'Changed' },
        400: { description: 'Invalid password', schema: 'Error' },
        401: { description: 'Not signed in', schema: 'Error' },
      },
    },
    {
      method: 'get',
      path: '/api/me',
      access: 'public',
      tag: 'Auth',
      summary: 'Who am I: the signed-in user (or null) and whether anonymous reading is on',
      handler: async (c) => {
        const principal = await checkAccess(c, runtime, 'public');
        const user = principal ? await findUserById(runtime.database.db, principal.userId) : null;
        return c.json({
          user: principal && user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null,
          via: principal?.via ?? null,
          publicDashboard: runtime.env.PUBLIC_DASHBOARD,
        });
      },
      responses: {
        200: {
          description: 'The caller',
          schema: {
            type: 'object',
            properties: {
              user: { anyOf: [userShape, { type: 'null' }] },
              via: { type: ['string', 'null'] },
              publicDashboard: { type: 'boolean' },
            },
          },
        },
      },
    },
  ];
  mount(app, runtime, specs);
  // Everything else better-auth could serve (sign-up, admin, impersonation) stays closed.
  app.all('/api/auth/*', (c) => {
    throw new DomainError('not_found', `No API route ${c.req.method} ${c.req.path}`);
  });
};
