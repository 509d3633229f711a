/**
 * Sign-in, sign-out and session routes, served by better-auth under /api/auth. Only the paths the
 * product uses are passed through (no sign-up, no impersonation: accounts are managed through
 * /api/users); better-auth's answers are rewritten into the API's error shape.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { DomainError, parseInput } from '../../core/errors';
import { findUserById } from '../../db/queries/users';
import { CLIENT_IP_HEADER } from '../auth/better-auth';
import { backoffSeconds, clearFailures, recordFailure } from '../auth/sign-in-backoff';
import { checkAccess, requirePrincipal } from '../auth/guards';
import { recordRevocation } from '../../db/queries/revocations';
import { forgetDemoPasswordCheck } from '../auth/demo-password';
import { ChangePasswordInput, SignInInput } from '../auth/user-schemas';
import type { Runtime } from '../runtime';
import { mount, type RouteModule, type RouteSpec } from './route-spec';
import { readJson } from './json-body';
import { signInFromForm } from './sign-in-form';

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
async function forward(c: Context, runtime: Runtime, body?: unknown, path?: string): Promise<Response> {
  const headers = new Headers(c.req.raw.headers);
  headers.delete(CLIENT_IP_HEADER);
  headers.delete('content-length');
  const ip = getConnInfo(c).remote.address;
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  if (body !== undefined) headers.set('content-type', 'application/json');
  const url = new URL(c.req.url);
  if (path) url.pathname = path;
  const request = new Request(url, {
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

const WRONG_CREDENTIALS = 'Wrong email or password.';

function wrongCredentials(res: Response): Response {
  return rewrap(res, { error: { code: 'unauthenticated', message: WRONG_CREDENTIALS } }, 401);
}

function accountBackoff(seconds: number): Response {
  return new Response(
    JSON.stringify({
      error: {
        code: 'rate_limited',
        message: `Too many failed sign-ins for this account; wait ${seconds} seconds and try again.`,
      },
    }),
    { status: 429, headers: { 'content-type': 'application/json; charset=utf-8', 'Retry-After': String(seconds) } },
  );
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
      description:
        'Rate-limited per client address and, after 5 failures, per account with a doubling wait (429 with Retry-After). Browsers must send their Origin.',
      body: SignInInput,
      bodyRequired: true,
      handler: async (c) => {
        const input = parseInput(SignInInput, await readJson(c));
        const db = runtime.database.db;
        const wait = await backoffSeconds(db, input.email);
        if (wait > 0) return accountBackoff(wait);
        const res = await forward(c, runtime, input);
        if (!res.ok) {
          // A wrong password and a disabled account answer alike: the answer must not confirm a
          // guessed password for an account that happens to be disabled.
          const code =
            res.status === 403
              ? (
                  (await res
                    .clone()
                    .json()
                    .catch(() => null)) as { code?: string } | null
                )?.code
              : null;
          if (res.status === 401 || code === 'BANNED_USER') {
            await recordFailure(db, input.email);
            return wrongCredentials(res);
          }
          return relay(res, runtime);
        }
        await clearFailures(db, input.email);
        const { user } = (await res.json()) as { user: { id: string; email: string; name: string; role?: string } };
        return rewrap(res, { user: { id: user.id, email: user.email, name: user.name, role: user.role ?? 'viewer' } });
      },
      responses: {
        200: { description: 'Signed in', schema: { type: 'object', properties: { user: userShape } } },
        400: { description: 'Missing or malformed email/password', schema: 'Error' },
        401: { description: 'Wrong email or password, or a disabled account (the same answer)', schema: 'Error' },
        403: { description: 'Cross-site request', schema: 'Error' },
        429: { description: 'Too many attempts from this address, or for this account', schema: 'Error' },
      },
    },
    {
      method: 'post',
      path: '/api/auth/sign-in/form',
      access: 'public',
      tag: 'Auth',
      summary: 'Sign in from the HTML form without JavaScript (form-encoded email, password, remember, next)',
      description:
        'Answers 303: to `next` with the session cookie, or back to /sign-in?error=wrong|missing|rate_limited|unavailable. The Origin must be this site.',
      handler: (c) => signInFromForm(c, runtime, (ctx, body, path) => forward(ctx, runtime, body, path)),
      responses: {
        303: { description: 'Redirect to `next` (signed in) or back to the sign-in page' },
        403: { description: 'Cross-site request', schema: 'Error' },
      },
    },
    {
      method: 'post',
      path: '/api/auth/sign-out',
      access: 'public',
      tag: 'Auth',
      summary: 'Sign out: deletes the session and clears the cookie',
      handler: async (c) => {
        const principal = await checkAccess(c, runtime, 'public').catch(() => null);
        const res = await relay(await forward(c, runtime, {}), runtime);
        if (res.ok && principal?.sessionId) {
          await recordRevocation(runtime.database, {
            scope: 'session',
            userId: principal.userId,
            sessionId: principal.sessionId,
            reason: 'signed-out',
          });
        }
        return res;
      },
      responses: { 200: { description: 'Signed out' }, 403: { description: 'Cross-site request', schema: 'Error' } },
    },
    {
      method: 'get',
      path: '/api/auth/get-session',
      access: 'public',
      tag: 'Auth',
      summary: "better-auth's session view (null when signed out), without the session token",
      handler: async (c) => {
        const res = await relay(await forward(c, runtime), runtime);
        if (!res.ok) return res;
        // The token is the cookie's secret: HttpOnly keeps it from scripts, so this answer must too.
        const body = (await res.json().catch(() => null)) as { session?: Record<string, unknown> } | null;
        if (body?.session) delete body.session.token;
        return rewrap(res, body);
      },
      responses: { 200: { description: 'The session and user, or null' } },
    },
    {
      method: 'post',
      path: '/api/auth/change-password',
      access: 'signed-in',
      tag: 'Auth',
      summary: 'Change your own password; every other session of the account is signed out',
      body: ChangePasswordInput,
      bodyRequired: true,
      handler: async (c) => {
        const principal = await requirePrincipal(c, runtime);
        const input = parseInput(ChangePasswordInput, await readJson(c));
        // Other sessions always end: whoever else holds one may be the reason for the change.
        const res = await relay(await forward(c, runtime, { ...input, revokeOtherSessions: true }), runtime);
        if (res.ok) {
          forgetDemoPasswordCheck(runtime.database);
          await recordRevocation(runtime.database, {
            scope: 'sessions',
            userId: principal.userId,
            keepSessionId: principal.sessionId,
            reason: 'password-changed',
          });
        }
        return res;
      },
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
