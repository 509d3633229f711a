/**
 * Every route against anonymous, viewer, operator and admin (401 / 403 / 2xx), built from one
 * table; routes registered outside the table (stats, imports, exports) are found in the OpenAPI
 * document and checked against the deny-by-default rule. Then PUBLIC_DASHBOARD=1 opens reads only.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient } from 'socket.io-client';
import { createAnnotation } from '../../core/annotation/annotation-verbs';
import { createGroup } from '../../core/group/group-verbs';
import { createIncident } from '../../core/incident/create-incident';
import { createOperation } from '../../core/operation/create-operation';
import { createReferenceFigure } from '../../core/reference-figure/reference-figure-verbs';
import type { Access } from '../../server/auth/guards';
import { createSavedView } from '../../core/alert/saved-view-verbs';
import { alertCtx } from '../../server/alerts/alert-context';
import { mergeCandidate } from '../../core/duplicate/duplicate-verbs';
import { orderedPair } from '../../core/duplicate/pair-rules';
import { duplicateServiceOf } from '../../server/duplicates/start-duplicates';
import { acledSyncOf } from '../../server/sync/start-acled-sync';
import { startAcledStandIn, type AcledStandIn } from '../support/acled-stand-in';
import { drivers } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  addUser,
  annotationInput,
  call,
  figureInput,
  groupInput,
  incidentInput,
  operationInput,
  signIn,
  tokenFor,
  type As,
  type Session,
} from './api-support';

interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  /** Builds a request that succeeds for an allowed caller (fresh fixtures where a success consumes one). */
  make: (s: TestServer) => Promise<{ path: string; body?: unknown }>;
}

const system = { id: null, label: 'system:test', role: 'system' as const };
const ctx = (s: TestServer) => s.runtime.ctx(system);
const fresh = {
  incident: async (s: TestServer) => (await createIncident({ ctx: ctx(s), input: incidentInput() })).record,
  operation: async (s: TestServer) => (await createOperation({ ctx: ctx(s), input: operationInput() })).record,
  group: async (s: TestServer) => (await createGroup({ ctx: ctx(s), input: groupInput(1) })).record,
  referenceFigure: async (s: TestServer) => (await createReferenceFigure({ ctx: ctx(s), input: figureInput() })).record,
  annotation: async (s: TestServer) => (await createAnnotation({ ctx: ctx(s), input: annotationInput() })).record,
};

/** Two reports of one event on a day of their own, and the candidate the detector found for them. */
async function freshCandidate(s: TestServer): Promise<string> {
  const day = new Date(Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 7000) * 86_400_000).toISOString();
  const input = { ...incidentInput(), occurredAt: day, province: 'Sindh', district: 'Karachi', type: 'clash' };
  const x = await createIncident({ ctx: ctx(s), input });
  const y = await createIncident({ ctx: ctx(s), input });
  await duplicateServiceOf(s.runtime)!.settle();
  const [a, b] = orderedPair(x.record.id, y.record.id);
  const row = await s.runtime.database.db.query.duplicateCandidates.findFirst({
    where: (c, { and, eq }) => and(eq(c.incidentA, a), eq(c.incidentB, b)),
  });
  return row!.id;
}

const records: [string, keyof typeof fresh, 'operator' | 'admin', () => unknown, Record<string, unknown>][] = [
  ['/api/incidents', 'incident', 'operator', () => incidentInput(), { summary: 'edited' }],
  ['/api/operations', 'operation', 'operator', operationInput, { militantsKilled: 4 }],
  ['/api/groups', 'group', 'admin', () => groupInput(2), { fullName: 'Edited' }],
  ['/api/reference-figures', 'referenceFigure', 'admin', figureInput, { value: 11 }],
  ['/api/annotations', 'annotation', 'admin', annotationInput, { title: 'Edited' }],
];

const CASES: Case[] = [
  { method: 'GET', path: '/api/health', access: 'public', make: async () => ({ path: '/api/health' }) },
  { method: 'GET', path: '/api/openapi.json', access: 'public', make: async () => ({ path: '/api/openapi.json' }) },
  { method: 'GET', path: '/api/me', access: 'public', make: async () => ({ path: '/api/me' }) },
  {
    method: 'GET',
    path: '/api/auth/get-session',
    access: 'public',
    make: async () => ({ path: '/api/auth/get-session' }),
  },
  { method: 'GET', path: '/api/changes', access: 'signed-in', make: async () => ({ path: '/api/changes?after=0' }) },
  ...records.flatMap(([base, kind, write, input, patch]): Case[] => [
    { method: 'GET', path: base, access: 'read', make: async () => ({ path: base }) },
    { method: 'POST', path: base, access: write, make: async () => ({ path: base, body: input() }) },
    {
      method: 'GET',
      path: `${base}/{id}`,
      access: 'read',
      make: async (s) => ({ path: `${base}/${(await fresh[kind](s)).id}` }),
    },
    {
      method: 'GET',
      path: `${base}/{id}/history`,
      access: 'signed-in',
      make: async (s) => ({ path: `${base}/${(await fresh[kind](s)).id}/history` }),
    },
    {
      method: 'PATCH',
      path: `${base}/{id}`,
      access: write,
      make: async (s) => ({ path: `${base}/${(await fresh[kind](s)).id}`, body: { ...patch, version: 1 } }),
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      access: write,
      make: async (s) => ({ path: `${base}/${(await fresh[kind](s)).id}`, body: { reason: 'duplicate entry' } }),
    },
  ]),
  {
    method: 'POST',
    path: '/api/incidents/batch',
    access: 'operator',
    make: async () => ({ path: '/api/incidents/batch', body: { items: [incidentInput(), incidentInput(2)] } }),
  },
  // Re-matching re-derives groups of stored records: an admin's reference-data task.
  { method: 'POST', path: '/api/groups/rematch', access: 'admin', make: async () => ({ path: '/api/groups/rematch' }) },
  // The duplicate review queue: operators.
  {
    method: 'GET',
    path: '/api/duplicate-candidates',
    access: 'operator',
    make: async () => ({ path: '/api/duplicate-candidates' }),
  },
  ...(['merge', 'dismiss', 'later'] as const).map((action): Case => ({
    method: 'POST',
    path: `/api/duplicate-candidates/{id}/${action}`,
    access: 'operator',
    make: async (s) => ({ path: `/api/duplicate-candidates/${await freshCandidate(s)}/${action}`, body: {} }),
  })),
  {
    method: 'POST',
    path: '/api/incidents/{id}/split',
    access: 'operator',
    make: async (s) => {
      const { answer: merged } = await mergeCandidate({ ctx: ctx(s), id: await freshCandidate(s), input: {} });
      return { path: `/api/incidents/${merged.incident.id}/split` };
    },
  },
  { method: 'GET', path: '/api/users', access: 'admin', make: async () => ({ path: '/api/users' }) },
  {
    method: 'POST',
    path: '/api/users',
    access: 'admin',
    make: async () => ({
      path: '/api/users',
      body: { email: `new-${Math.random().toString(36).slice(2)}@example.org`, role: 'viewer' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/users/{id}',
    access: 'admin',
    make: async (s) => ({
      path: `/api/users/${(await addUser(s, `p-${Math.random().toString(36).slice(2)}@example.org`, 'viewer')).id}`,
      body: { role: 'operator' },
    }),
  },
  { method: 'GET', path: '/api/tokens', access: 'admin', make: async () => ({ path: '/api/tokens' }) },
  {
    method: 'POST',
    path: '/api/tokens',
    access: 'admin',
    make: async () => ({ path: '/api/tokens', body: { name: 'from-test', email: 'viewer@example.org' } }),
  },
  {
    method: 'DELETE',
    path: '/api/tokens/{id}',
    access: 'admin',
    make: async (s) => {
      await tokenFor(s, (await s.runtime.database.db.query.user.findFirst())!.id, 'to-revoke');
      const [row] = await s.runtime.database.db.query.apiTokens.findMany({
        where: (t, { isNull }) => isNull(t.revokedAt),
        limit: 1,
      });
      return { path: `/api/tokens/${row!.id}` };
    },
  },
  // The ACLED API sync: admins only. The run case stores an account first (the server's ACLED URL
  // answers nothing here, so the run starts and then fails in the background: the start is the 202).
  { method: 'GET', path: '/api/acled-sync', access: 'admin', make: async () => ({ path: '/api/acled-sync' }) },
  {
    method: 'PATCH',
    path: '/api/acled-sync',
    access: 'admin',
    make: async () => ({ path: '/api/acled-sync', body: { intervalHours: 24 } }),
  },
  {
    method: 'POST',
    path: '/api/acled-sync/account',
    access: 'admin',
    make: async () => ({ path: '/api/acled-sync/account', body: { username: 'a@example.org', password: 'pw' } }),
  },
  {
    method: 'DELETE',
    path: '/api/acled-sync/account',
    access: 'admin',
    make: async () => ({ path: '/api/acled-sync/account' }),
  },
  {
    method: 'POST',
    path: '/api/acled-sync/run',
    access: 'admin',
    make: async (s) => {
      const service = acledSyncOf(s.runtime);
      await service.idle();
      await service.saveAccount({ username: 'a@example.org', password: 'pw' }, system);
      return { path: '/api/acled-sync/run' };
    },
  },
  // Alerts and saved views: any signed-in user, for their own (tests/server/alerts).
  { method: 'GET', path: '/api/saved-views', access: 'signed-in', make: async () => ({ path: '/api/saved-views' }) },
  {
    method: 'POST',
    path: '/api/saved-views',
    access: 'signed-in',
    make: async () => ({ path: '/api/saved-views', body: { name: 'KP', filters: { province: ['KP'] } } }),
  },
  {
    method: 'GET',
    path: '/api/saved-views/{id}',
    access: 'signed-in',
    make: async (s) => ({ path: `/api/saved-views/${await sharedView(s)}` }),
  },
  { method: 'GET', path: '/api/alert-rules', access: 'signed-in', make: async () => ({ path: '/api/alert-rules' }) },
  {
    method: 'POST',
    path: '/api/alert-rules',
    access: 'signed-in',
    make: async () => ({
      path: '/api/alert-rules',
      body: { name: 'All', trigger: { type: 'each' }, channels: [{ type: 'in_app' }] },
    }),
  },
  { method: 'GET', path: '/api/alerts/inbox', access: 'signed-in', make: async () => ({ path: '/api/alerts/inbox' }) },
  {
    method: 'POST',
    path: '/api/alerts/inbox/read',
    access: 'signed-in',
    make: async () => ({ path: '/api/alerts/inbox/read', body: { all: true } }),
  },
];

async function sharedView(s: TestServer): Promise<string> {
  const admin =
    (await s.runtime.database.db.query.user.findFirst({ where: (u, { eq }) => eq(u.role, 'admin') })) ??
    (await addUser(s, `view-admin-${Math.random().toString(36).slice(2)}@example.org`, 'admin'));
  const ctx = alertCtx(s.runtime, { id: admin.id, label: admin.email, role: 'admin' });
  return (await createSavedView({ ctx, input: { name: 'Team view', filters: {}, shared: true } })).id;
}

/**
 * Auth routes that change the session are exercised in auth.test.ts; a rule's or view's own routes
 * answer only its owner (404 for others), in tests/server/alerts.
 */
const ELSEWHERE = new Set([
  'POST /api/auth/sign-in/email',
  'POST /api/auth/sign-in/form',
  'POST /api/auth/sign-out',
  'POST /api/auth/change-password',
  'PATCH /api/saved-views/{id}',
  'DELETE /api/saved-views/{id}',
  'GET /api/alert-rules/{id}',
  'PATCH /api/alert-rules/{id}',
  'DELETE /api/alert-rules/{id}',
  'GET /api/alert-rules/{id}/deliveries',
]);

function socketConnects(url: string, headers: Record<string, string>): Promise<boolean> {
  const socket = ioClient(url, { transports: ['websocket'], reconnection: false, extraHeaders: headers });
  return new Promise<boolean>((resolve) => {
    socket.on('live.hello', () => resolve(true));
    socket.on('connect_error', () => resolve(false));
  }).finally(() => socket.close());
}

const RANK: Record<As, number> = { anonymous: -1, viewer: 0, operator: 1, admin: 2 };
const NEEDS: Record<Access, number> = { public: -1, read: 0, 'signed-in': 0, operator: 1, admin: 2 };

function expected(access: Access, as: As, publicDashboard: boolean): 'ok' | 401 | 403 {
  if (as === 'anonymous') return access === 'public' || (access === 'read' && publicDashboard) ? 'ok' : 401;
  return RANK[as] >= NEEDS[access] ? 'ok' : 403;
}

describe.each(drivers)('access to every route on %s', (driver) => {
  let server: TestServer;
  let acled: AcledStandIn;
  const sessions: Partial<Record<As, Session>> = {};
  beforeAll(async () => {
    // A local ACLED stand-in: a sync started here is refused the test account at once.
    acled = await startAcledStandIn();
    server = await startTestServer(driver, {
      env: { ACLED_API_URL: acled.url, SECRETS_KEY: randomBytes(32).toString('base64') },
    });
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      await addUser(server, `${role}@example.org`, role);
      sessions[role] = await signIn(server, `${role}@example.org`);
    }
  });
  afterAll(async () => {
    await server?.destroy();
    await acled?.close();
  });

  const callAs = async (as: As, method: string, path: string, body?: unknown) =>
    call(server, method, path, { body, session: as === 'anonymous' ? null : sessions[as] });

  for (const as of ['anonymous', 'viewer', 'operator', 'admin'] as const) {
    it(`answers ${as} with 401 / 403 / 2xx as each route's access level says`, async () => {
      const wrong: string[] = [];
      for (const c of CASES) {
        const req = await c.make(server);
        const res = await callAs(as, c.method, req.path, req.body);
        const want = expected(c.access, as, false);
        const ok = want === 'ok' ? res.status >= 200 && res.status < 300 : res.status === want;
        if (!ok)
          wrong.push(
            `${c.method} ${c.path} as ${as}: ${res.status} (wanted ${want}) ${JSON.stringify(res.body).slice(0, 200)}`,
          );
        if (!ok || want === 'ok') continue;
        expect(res.body.error.code).toBe(want === 401 ? 'unauthenticated' : 'forbidden');
      }
      expect(wrong).toEqual([]);
    });
  }

  it('socket column: the live feed refuses anonymous visitors and admits every role', async () => {
    const outcomes: Record<string, boolean> = {};
    for (const as of ['anonymous', 'viewer', 'operator', 'admin'] as const) {
      const headers: Record<string, string> =
        as === 'anonymous' ? {} : { cookie: sessions[as]!.cookie, origin: server.url };
      outcomes[as] = await socketConnects(server.url, headers);
    }
    expect(outcomes).toEqual({ anonymous: false, viewer: true, operator: true, admin: true });
  });

  it('covers every route of the OpenAPI document; routes outside the table follow deny-by-default', async () => {
    const doc = (await call(server, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const known = new Set([...CASES.map((c) => `${c.method} ${c.path}`), ...ELSEWHERE]);
    for (const key of known) expect(listed, key).toContain(key);
    const others = listed.filter((k) => !known.has(k));
    for (const key of others) {
      const [method, template] = key.split(' ') as [string, string];
      const path = template.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      expect((await callAs('anonymous', method, path)).status, key).toBe(401);
      const needs = method === 'GET' ? 'viewer' : 'operator';
      if (needs === 'operator') expect((await callAs('viewer', method, path)).status, key).toBe(403);
      expect([401, 403], key).not.toContain((await callAs(needs, method, path)).status);
    }
  });
});

describe.each(drivers)('PUBLIC_DASHBOARD=1 on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(driver, {
      env: { PUBLIC_DASHBOARD: '1', SECRETS_KEY: randomBytes(32).toString('base64') },
    });
    await addUser(server, 'viewer@example.org', 'viewer');
    // Records written by staff, so their emails are in createdBy / updatedBy of what lists return.
    await addUser(server, 'operator@example.org', 'operator');
    await addUser(server, 'admin@example.org', 'admin');
    const operator = await signIn(server, 'operator@example.org');
    const admin = await signIn(server, 'admin@example.org');
    for (const [base, , write, input] of records) {
      const res = await call(server, 'POST', base, { body: input(), session: write === 'admin' ? admin : operator });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('opens reads to anonymous visitors and nothing else', async () => {
    const wrong: string[] = [];
    for (const c of CASES) {
      const req = await c.make(server);
      const res = await call(server, c.method, req.path, { body: req.body });
      const want = expected(c.access, 'anonymous', true);
      const ok = want === 'ok' ? res.status >= 200 && res.status < 300 : res.status === want;
      if (!ok) wrong.push(`${c.method} ${c.path}: ${res.status} (wanted ${want})`);
      // Public-projection column: what an anonymous reader gets names no member of staff.
      if (want === 'ok' && /@example\.org/.test(JSON.stringify(res.body)))
        wrong.push(`${c.method} ${c.path}: staff email`);
    }
    expect(wrong).toEqual([]);
    expect((await call(server, 'GET', '/api/stats/summary')).status).toBe(200);
    // Socket column: an anonymous reader connects (its payloads: tests/server/public-view.test.ts).
    expect(await socketConnects(server.url, {})).toBe(true);
  });
});
