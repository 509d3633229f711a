/**
 * The `each` trigger through every channel: a matching incident gives exactly one webhook call
 * (signed, carrying the record as the API returns it), one email and one in-app alert; a
 * correction that moves the killed figures, a correction into the view and a retraction follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../../support/test-database';
import { startSmtpReceiver, type SmtpReceiver } from '../../support/smtp-receiver';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';
import { call } from '../api-support';
import {
  balochBombing,
  createRule,
  deliveries,
  record,
  signatureValid,
  startAlertWorld,
  type AlertWorld,
} from './alert-support';

describe.each(drivers)('each-record alerts on %s', (driver) => {
  let w: AlertWorld;
  let hook: WebhookReceiver;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    hook = await startWebhookReceiver();
    smtp = await startSmtpReceiver();
    w = await startAlertWorld(driver, { SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await w?.server.destroy();
    await hook?.close();
    await smtp?.close();
  });

  it('alerts once per channel for a new matching incident, then for a correction, a newcomer and a retraction', async () => {
    const { rule, secrets } = await createRule(w, {
      name: 'Suicide bombings in Balochistan',
      filters: { province: ['Balochistan'], type: ['suicide_bombing'], range: '7d' },
      trigger: { type: 'each', killedChange: 3 },
      channels: [{ type: 'in_app' }, { type: 'webhook', url: hook.url }, { type: 'email', to: 'desk@example.org' }],
    });
    expect(secrets).toHaveLength(1);
    // The secret is shown once: reading the rule back does not disclose it.
    const read = await call(w.server, 'GET', `/api/alert-rules/${rule.id}`, { session: w.viewer });
    expect(JSON.stringify(read.body)).not.toContain(secrets[0]!.secret);

    await record(w, balochBombing(2, { province: 'KP', district: 'Peshawar' })); // outside the view
    const hit = await record(w, balochBombing(5));
    await hook.waitFor(() => hook.calls.length === 1);
    await smtp.waitFor(() => smtp.mails.length === 1);

    const first = hook.calls[0]!;
    expect(signatureValid(first, secrets[0]!.secret)).toBe(true);
    expect(signatureValid(first, 'whsec_wrong')).toBe(false);
    expect(first.body.rule).toEqual({ id: rule.id, name: 'Suicide bombings in Balochistan' });
    const api = await call(w.server, 'GET', `/api/incidents/${hit.id}`, { session: w.viewer });
    expect(first.body.alerts).toHaveLength(1);
    expect(first.body.alerts[0].event).toMatchObject({
      kind: 'new',
      entity: 'incident',
      id: hit.id,
      killed: { low: 5 },
    });
    expect(first.body.alerts[0].incident).toEqual(api.body.incident);
    expect(smtp.mails[0]!.to).toEqual(['desk@example.org']);
    expect(smtp.mails[0]!.raw).toContain('Subject: Suicide bombings in Balochistan: New: Suicide bombing in Quetta,');

    const inbox = await call(w.server, 'GET', '/api/alerts/inbox', { session: w.viewer });
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.items[0].title).toContain('5 killed');

    // A correction of 1 death stays quiet (below killedChange = 3); +4 more alerts.
    let v = hit.version;
    for (const low of [6, 10]) {
      const res = await call(w.server, 'PATCH', `/api/incidents/${hit.id}`, {
        token: w.operatorToken,
        body: { version: v, casualties: { killed: { security_forces: { low, high: null } } } },
      });
      expect(res.status).toBe(200);
      v = res.body.incident.version;
    }
    await hook.waitFor(() => hook.calls.length === 2);
    expect(hook.calls[1]!.body.alerts[0].event).toMatchObject({
      kind: 'corrected',
      killed: { low: 10 },
      killedBefore: { low: 6 },
    });

    // A record corrected into the view alerts as new; the retraction of an alerted record follows up.
    const kp = await record(w, balochBombing(1, { province: 'KP', district: 'Bannu' }));
    const moved = await call(w.server, 'PATCH', `/api/incidents/${kp.id}`, {
      token: w.operatorToken,
      body: { version: kp.version, province: 'Balochistan', district: 'Kech' },
    });
    expect(moved.status).toBe(200);
    await hook.waitFor(() => hook.calls.length === 3);
    expect(hook.calls[2]!.body.alerts[0].event).toMatchObject({ kind: 'new', id: kp.id });
    const gone = await call(w.server, 'DELETE', `/api/incidents/${hit.id}`, {
      token: w.operatorToken,
      body: { reason: 'duplicate report' },
    });
    expect(gone.status).toBe(200);
    await hook.waitFor(() => hook.calls.length === 4);
    expect(hook.calls[3]!.body.alerts[0].event).toMatchObject({ kind: 'retracted', id: hit.id });
    expect(hook.calls[3]!.body.alerts[0].incident.retractedAt).not.toBeNull();
    await smtp.waitFor(() => smtp.mails.length === 4);

    // Every delivery recorded with its outcome, one per event and channel.
    const rows = await deliveries(w, rule.id);
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => `${r.eventKey} ${r.channel}`)).size).toBe(12);
    expect(rows.every((r) => r.outcome === 'sent')).toBe(true);
    expect(new Set(hook.calls.map((c) => c.headers['x-borderwatch-delivery'])).size).toBe(4);
    const after = await call(w.server, 'GET', '/api/alerts/inbox', { session: w.viewer });
    expect(after.body.unread).toBe(4);
    const marked = await call(w.server, 'POST', '/api/alerts/inbox/read', { session: w.viewer, body: { all: true } });
    expect(marked.body.marked).toBe(4);
  });

  it('refuses webhook targets on internal addresses that the allow-list does not name', async () => {
    for (const url of [
      'http://10.0.0.7/hook',
      'http://127.0.0.2:9/hook',
      'http://192.168.1.10/hook',
      'http://[::1]:9/hook',
      'http://169.254.169.254/latest',
    ]) {
      const res = await call(w.server, 'POST', '/api/alert-rules', {
        session: w.viewer,
        body: { name: 'x', trigger: { type: 'each' }, channels: [{ type: 'webhook', url }] },
      });
      expect(res.status, url).toBe(400);
      expect(res.body.error.fields['channels.0.url'], url).toMatch(/internal address/);
    }
  });

  it('names the bad field of a rule', async () => {
    const res = await call(w.server, 'POST', '/api/alert-rules', {
      session: w.viewer,
      body: {
        name: 'x',
        filters: { provinces: ['KP'] },
        trigger: { type: 'threshold', measure: 'killed' },
        channels: [],
      },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(['trigger.windowHours', 'channels']));
  });
});
