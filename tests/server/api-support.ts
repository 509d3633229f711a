/**
 * Helpers for the API tests: accounts per role, sign-in over HTTP (real cookies), and a small
 * fetch wrapper that sends this site's Origin with cookie writes, as a browser would.
 */
import { createApiToken } from '../../server/auth/api-tokens';
import { createUser } from '../../server/auth/users';
import type { TestServer } from '../support/test-server';

export const PASSWORD = 'correct-horse-battery';
export type As = 'anonymous' | 'viewer' | 'operator' | 'admin';
export const ROLES_UNDER_TEST = ['viewer', 'operator', 'admin'] as const;

export interface Session {
  cookie: string;
  email: string;
}

export async function addUser(
  server: TestServer,
  email: string,
  role: 'viewer' | 'operator' | 'admin',
  password = PASSWORD,
) {
  return (await createUser(server.runtime.auth, { email, role, password })).user;
}

/** Signs in over HTTP; returns the Cookie header a browser would send afterwards. */
export async function signIn(server: TestServer, email: string, password = PASSWORD): Promise<Session> {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
  return { cookie, email };
}

export async function tokenFor(server: TestServer, userId: string, name = 'script'): Promise<string> {
  return (await createApiToken(server.runtime.database.db, userId, name)).secret;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  session?: Session | null;
  token?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
}

export async function call(server: TestServer, method: string, path: string, opts: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.session) {
    headers.cookie = opts.session.cookie;
    if (method !== 'GET' && !('origin' in headers)) headers.origin = server.url;
  }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text for the assertion message
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export const incidentInput = (n = 1) => ({
  occurredAt: '2025-03-14T09:30:00Z',
  province: 'KP',
  district: 'Peshawar',
  type: 'ied_explosive',
  targetType: 'police',
  casualties: { killed: { security_forces: { low: n, high: n + 2 } } },
  sources: [{ name: 'Dawn', url: 'https://www.dawn.com/news/1' }],
  summary: `test incident ${n}`,
});

export const operationInput = () => ({
  occurredAt: '2025-03-15T00:00:00Z',
  province: 'KP',
  kind: 'intelligence_based',
  militantsKilled: 3,
});
export const groupInput = (n: number) => ({
  shortName: `G${n}-${Math.random().toString(36).slice(2, 8)}`,
  fullName: `Group ${n}`,
});
export const figureInput = () => ({
  metric: 'Deaths in terrorism',
  valueKind: 'exact',
  value: 10,
  periodLabel: '2024',
  sourceName: 'PIPS',
});
export const annotationInput = () => ({ date: '2025-01-01', kind: 'policy', title: 'A policy change' });
