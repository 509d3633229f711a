/**
 * Quiet when it should be: a digest sends at most one message per N minutes per channel (the held
 * alerts go together); demo (synthetic) records alert in the app only; an edited rule starts from now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drivers } from '../../support/test-database';
import { resultRows } from '../../../db/result-rows';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';
import { call } from '../api-support';
import {
  balochBombing,
  createRule,
  deliveries,
  record,
  startAlertWorld,
  waitUntil,
  type AlertWorld,
} from './alert-support';

describe.each(drivers)('quiet alerts on %s', (driver) => {
  let w: AlertWorld;
  let hook: WebhookReceiver;
  beforeAll(async () => {
    hook = await startWebhookReceiver();
    w = await startAlertWorld(driver);
  });
  afterAll(async () => {
    await w?.server.destroy();
    await hook?.close();
  });

  it('digest: the first alert goes at once, the next ones wait for the period and go as one message', async () => {
    hook.calls.length = 0;
    const { rule } = await createRule(w, {
      name: 'Digest',
      filters: { province: ['Balochistan'] },
      trigger: { type: 'each' },
      channels: [{ type: 'webhook', url: hook.url }, { type: 'in_app' }],
      digestMinutes: 60,
    });
    await record(w, balochBombing(1));
    await hook.waitFor(() => hook.calls.length === 1);
    await record(w, balochBombing(2));
    await record(w, balochBombing(3));
    await waitUntil(
      async () =>
        (await deliveries(w, rule.id)).filter((d) => d.channel === '0:webhook' && d.outcome === 'pending').length === 2,
      'two held webhook deliveries',
    );
    // In-app alerts are never held back.
    expect((await deliveries(w, rule.id)).filter((d) => d.channel === '1:in_app' && d.outcome === 'sent')).toHaveLength(
      3,
    );
    const held = await w.server.runtime.database.db.execute(
      sql`select extract(epoch from next_attempt_at - (select delivered_at from alert_deliveries where rule_id = ${rule.id} and channel = '0:webhook' and outcome = 'sent'))::float8 as gap from alert_deliveries where rule_id = ${rule.id} and outcome = 'pending'`,
    );
    const gaps = resultRows<{ gap: unknown }>(held).map((r) => Number(r.gap));
    expect(gaps).toHaveLength(2);
    for (const gap of gaps) expect(gap).toBeCloseTo(3600, 0); // timestamps kept to the millisecond
    expect(hook.calls).toHaveLength(1);

    // An hour later (moved back in the database rather than waited for), both go in one message.
    await w.server.runtime.database.db.execute(
      sql`update alert_deliveries set delivered_at = delivered_at - interval '61 minutes' where rule_id = ${rule.id} and outcome = 'sent' and channel = '0:webhook'`,
    );
    await w.server.runtime.database.db.execute(
      sql`update alert_deliveries set next_attempt_at = now() where rule_id = ${rule.id} and outcome = 'pending'`,
    );
    await hook.waitFor(() => hook.calls.length === 2);
    expect(hook.calls[1]!.body.alerts.map((a: { event: { kind: string } }) => a.event.kind)).toEqual(['new', 'new']);
    await waitUntil(async () => (await deliveries(w, rule.id)).every((d) => d.outcome === 'sent'), 'all sent');
  });

  it('demo (synthetic) records alert in the app, never through a webhook', async () => {
    const before = hook.calls.length;
    const { rule } = await createRule(w, {
      name: 'Demo check',
      filters: { province: ['Punjab'] },
      trigger: { type: 'each' },
      channels: [{ type: 'in_app' }, { type: 'webhook', url: hook.url }, { type: 'browser' }],
    });
    await record(w, balochBombing(1, { province: 'Punjab', district: 'Lahore', synthetic: true }));
    await waitUntil(async () => (await deliveries(w, rule.id)).length === 3, 'three deliveries recorded');
    const rows = await deliveries(w, rule.id);
    expect(rows.find((r) => r.channel === '0:in_app')!.outcome).toBe('sent');
    // The browser channel is published to the bell, which raises the system notification.
    expect(rows.find((r) => r.channel === '2:browser')!.outcome).toBe('sent');
    const inbox = await call(w.server, 'GET', '/api/alerts/inbox', { session: w.viewer });
    expect(
      inbox.body.items
        .filter((i: { ruleId: string }) => i.ruleId === rule.id)
        .map((i: { channel: string }) => i.channel)
        .sort(),
    ).toEqual(['0:in_app', '2:browser']);
    expect(rows.find((r) => r.channel === '1:webhook')).toMatchObject({
      outcome: 'skipped',
      lastError: expect.stringMatching(/synthetic/),
    });
    expect(hook.calls.length).toBe(before);
  });

  it('an edited rule starts from now: what happened while it was off does not alert', async () => {
    const { rule } = await createRule(w, {
      name: 'Sindh',
      filters: { province: ['Sindh'] },
      trigger: { type: 'each' },
      channels: [{ type: 'in_app' }],
      enabled: false,
    });
    const missed = await record(w, balochBombing(1, { province: 'Sindh', district: 'Karachi' }));
    const on = await call(w.server, 'PATCH', `/api/alert-rules/${rule.id}`, {
      session: w.viewer,
      body: { version: 1, enabled: true },
    });
    expect(on.status).toBe(200);
    expect(on.body.rule.cursor.seq).toBeGreaterThanOrEqual((await w.server.runtime.reads.position()).seq);
    const stale = await call(w.server, 'PATCH', `/api/alert-rules/${rule.id}`, {
      session: w.viewer,
      body: { version: 1, name: 'x' },
    });
    expect(stale.status).toBe(409);
    const seen = await record(w, balochBombing(2, { province: 'Sindh', district: 'Hyderabad' }));
    await waitUntil(async () => (await deliveries(w, rule.id)).length === 1, 'one delivery');
    const [row] = await deliveries(w, rule.id);
    expect(row!.eventKey).toBe(`incident:${seen.id}:new`);
    expect(row!.eventKey).not.toContain(missed.id);
  });

  it('a rule whose stored filters no longer parse says so and does not stall the others', async () => {
    const broken = await createRule(w, { name: 'Broken', trigger: { type: 'each' }, channels: [{ type: 'in_app' }] });
    const fine = await createRule(w, {
      name: 'Fine',
      filters: { province: ['ICT'] },
      trigger: { type: 'each' },
      channels: [{ type: 'in_app' }],
    });
    // As if a filter parameter had been renamed since the rule was saved.
    await w.server.runtime.database.db.execute(
      sql`update alert_rules set filters = '{"provinces":["ICT"]}'::jsonb where id = ${broken.rule.id}`,
    );
    await record(w, balochBombing(1, { province: 'ICT', district: 'Islamabad' }));
    await waitUntil(async () => (await deliveries(w, fine.rule.id)).length === 1, 'the good rule to alert');
    await waitUntil(async () => {
      const r = await call(w.server, 'GET', `/api/alert-rules/${broken.rule.id}`, { session: w.viewer });
      return /provinces/.test(r.body.rule.state.problem ?? '');
    }, 'the broken rule to say why');
    expect(await deliveries(w, broken.rule.id)).toEqual([]);
  });

  it('keeps rules and views private to their owner; only admins share views', async () => {
    const view = await call(w.server, 'POST', '/api/saved-views', {
      session: w.viewer,
      body: { name: 'Mine', filters: { province: ['KP'], range: '7d' } },
    });
    expect(view.status).toBe(201);
    const share = await call(w.server, 'POST', '/api/saved-views', {
      session: w.viewer,
      body: { name: 'Team', filters: {}, shared: true },
    });
    expect(share.status).toBe(403);
    const bad = await call(w.server, 'POST', '/api/saved-views', {
      session: w.viewer,
      body: { name: 'Typo', filters: { provinces: 'KP' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ 'filters.provinces': 'is not a stats parameter' });
    const fromView = await createRule(w, {
      name: 'On view',
      viewId: view.body.view.id,
      trigger: { type: 'each' },
      channels: [{ type: 'in_app' }],
    });
    const rule = await call(w.server, 'GET', `/api/alert-rules/${fromView.rule.id}`, { session: w.viewer });
    expect(rule.body.rule.filters).toEqual({ province: ['KP'], range: '7d' });
    for (const [method, path] of [
      ['GET', `/api/alert-rules/${fromView.rule.id}`],
      ['GET', `/api/alert-rules/${fromView.rule.id}/deliveries`],
      ['PATCH', `/api/alert-rules/${fromView.rule.id}`],
      ['DELETE', `/api/alert-rules/${fromView.rule.id}`],
      ['PATCH', `/api/saved-views/${view.body.view.id}`],
      ['DELETE', `/api/saved-views/${view.body.view.id}`],
    ] as const) {
      const body =
        method !== 'PATCH' ? undefined : path.includes('rules') ? { version: 1, name: 'taken' } : { name: 'taken' };
      expect((await call(w.server, method, path, { body })).status, `anonymous ${method} ${path}`).toBe(401);
      const other = await call(w.server, method, path, { token: w.operatorToken, body });
      expect(other.status, `other user ${method} ${path}`).toBe(404);
    }
    const gone = await call(w.server, 'DELETE', `/api/alert-rules/${fromView.rule.id}`, { session: w.viewer });
    expect(gone.status).toBe(200);
  });
});
