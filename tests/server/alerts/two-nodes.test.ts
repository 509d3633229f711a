/**
 * Two nodes on one PostgreSQL, both running the evaluator: every matching incident gives one
 * webhook call, whichever node it was written on (the advisory lock lets one evaluate at a time,
 * the unique key drops any repeat), and a bell connected to either node hears the alert live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../support/test-server';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';
import { addUser, call, signIn, tokenFor, type Session } from '../api-support';
import { balochBombing } from './alert-support';

describe.skipIf(!process.env.TEST_DATABASE_URL)('alerts on two nodes (needs TEST_DATABASE_URL)', () => {
  let a: TestServer;
  let b: TestServer;
  let hook: WebhookReceiver;
  let viewer: Session;
  let token: string;
  let bell: Socket;
  beforeAll(async () => {
    hook = await startWebhookReceiver();
    const env = { ALERT_WEBHOOK_ALLOW: '127.0.0.1' };
    a = await startTestServer('postgres', { env });
    b = await startTestServer('postgres', { databaseUrl: a.env.DATABASE_URL, env });
    await addUser(a, 'watcher@example.org', 'viewer');
    token = await tokenFor(a, (await addUser(a, 'operator@example.org', 'operator')).id);
    viewer = await signIn(a, 'watcher@example.org');
  });
  afterAll(async () => {
    bell?.close();
    await b?.close();
    await a?.destroy();
    await hook?.close();
  });

  it('delivers each alert once and tells the bell on the other node', async () => {
    const rule = await call(a, 'POST', '/api/alert-rules', {
      session: viewer,
      body: {
        name: 'Balochistan',
        filters: { province: ['Balochistan'] },
        trigger: { type: 'each' },
        channels: [{ type: 'webhook', url: hook.url }, { type: 'in_app' }],
      },
    });
    expect(rule.status).toBe(201);
    let heard = 0;
    bell = ioClient(`${b.url}/alerts`, {
      transports: ['websocket'],
      extraHeaders: { cookie: viewer.cookie, origin: b.url },
    });
    bell.on('alerts.new', () => heard++);
    await new Promise<void>((resolve, reject) => {
      bell.on('connect', () => resolve());
      bell.on('connect_error', reject);
    });

    const N = 20;
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const res = await call(i % 2 ? a : b, 'POST', '/api/incidents', { token, body: balochBombing(i + 1) });
        expect(res.status).toBe(201);
        ids.push(res.body.incident.id);
      }),
    );
    await hook.waitFor(() => new Set(hook.calls.map((c) => c.body.alerts[0].event.id)).size === N);
    expect(hook.calls.map((c) => c.body.alerts[0].event.id).sort()).toEqual([...ids].sort());
    const rows = await a.runtime.database.db.execute(
      sql`select channel, count(*)::int as n, count(distinct event_key)::int as events from alert_deliveries group by channel order by channel`,
    );
    expect([...(rows as unknown as Iterable<unknown>)]).toEqual([
      { channel: '0:webhook', n: N, events: N },
      { channel: '1:in_app', n: N, events: N },
    ]);
    await new Promise<void>((resolve) => {
      const check = () => (heard > 0 ? resolve() : setTimeout(check, 20));
      check();
    });
    const inbox = await call(b, 'GET', '/api/alerts/inbox', { session: viewer });
    expect(inbox.body.unread).toBe(N);
  });
});
