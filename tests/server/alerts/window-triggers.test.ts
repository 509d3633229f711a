/**
 * Window triggers: `threshold` (killed in a rolling window at or above N) alerts once on crossing,
 * through a webhook that fails first (retried with backoff) and a Slack-format one; `spike` alerts
 * once when a generated surge crosses the baseline of the same view, with its method, ratio and p.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident } from '../../../core/incident/create-incident';
import { poissonUpperTail } from '../../../core/alert/spike-test';
import { drivers } from '../../support/test-database';
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

const DAY = 86_400_000;
const system = { id: null, label: 'system:test', role: 'system' as const };

describe.each(drivers)('window alerts on %s', (driver) => {
  let w: AlertWorld;
  let hook: WebhookReceiver;
  let slack: WebhookReceiver;
  let teams: WebhookReceiver;
  beforeAll(async () => {
    [hook, slack, teams] = await Promise.all([startWebhookReceiver(), startWebhookReceiver(), startWebhookReceiver()]);
    w = await startAlertWorld(driver);
  });
  afterAll(async () => {
    await w?.server.destroy();
    await Promise.all([hook?.close(), slack?.close(), teams?.close()]);
  });

  /** Waits until the rule has evaluated the log up to its current top. */
  const caughtUp = async (ruleId: string) => {
    const top = (await w.server.runtime.reads.position()).seq;
    await waitUntil(async () => {
      const r = await call(w.server, 'GET', `/api/alert-rules/${ruleId}`, { session: w.viewer });
      return r.body.rule.cursor.seq >= top;
    }, `rule ${ruleId} to reach seq ${top}`);
  };

  it('threshold: alerts once when killed in 24 h reaches 10, retrying a failing receiver', async () => {
    const { rule } = await createRule(w, {
      name: 'KP deaths today',
      filters: { province: ['KP'] },
      trigger: { type: 'threshold', measure: 'killed', windowHours: 24, atLeast: 10 },
      channels: [
        { type: 'webhook', url: hook.url },
        { type: 'webhook', url: slack.url, format: 'slack' },
      ],
    });
    await record(w, balochBombing(4, { province: 'KP', district: 'Bannu' }));
    await record(w, balochBombing(9, { province: 'Punjab', district: 'Lahore' })); // another view
    await caughtUp(rule.id);
    expect(await deliveries(w, rule.id)).toEqual([]);

    hook.failNext(1);
    await record(w, balochBombing(7, { province: 'KP', district: 'Lakki Marwat' })); // 11 ≥ 10
    await hook.waitFor(() => hook.calls.length === 1);
    await slack.waitFor(() => slack.calls.length === 1);
    expect(hook.calls[0]!.body.alerts[0].event).toMatchObject({
      kind: 'threshold',
      measure: 'killed',
      current: 11,
      atLeast: 10,
    });
    expect(slack.calls[0]!.body).toEqual({
      text: expect.stringMatching(/^KP deaths today: 11 killed .*\(threshold 10\)$/),
    });

    await record(w, balochBombing(3, { province: 'KP', district: 'Swat' })); // still above: quiet
    await caughtUp(rule.id);
    const rows = await deliveries(w, rule.id);
    expect(rows.map((r) => [r.channel, r.outcome, r.attempts])).toEqual(
      expect.arrayContaining([
        ['0:webhook', 'sent', 2],
        ['1:webhook', 'sent', 1],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('spike: one alert when a surge crosses the 12-week baseline, stating the method', async () => {
    const ctx = w.server.runtime.ctx(system);
    const now = Date.now();
    // Baseline: one IED a week in Sindh over the 12 weeks before the current week.
    for (let week = 0; week < 12; week++) {
      await createIncident({
        ctx,
        input: balochBombing(1, {
          province: 'Sindh',
          district: 'Karachi',
          type: 'ied_explosive',
          occurredAt: new Date(now - 8 * DAY - week * 7 * DAY).toISOString(),
        }),
      });
    }
    const { rule } = await createRule(w, {
      name: 'Sindh IED surge',
      filters: { province: ['Sindh'], type: ['ied_explosive'] },
      trigger: {
        type: 'spike',
        measure: 'incidents',
        currentDays: 7,
        baselineDays: 84,
        maxP: 0.01,
        minRatio: 2,
        minCount: 3,
      },
      channels: [
        { type: 'webhook', url: teams.url, format: 'teams' },
        { type: 'webhook', url: hook.url },
        { type: 'in_app' },
      ],
    });
    const before = hook.calls.length;
    // The surge: 8 in the last days. Expected 1 a week; P(X ≥ 5 | 1) ≈ 0.0037 is the first below 0.01.
    for (let i = 0; i < 8; i++) {
      await record(
        w,
        balochBombing(0, {
          province: 'Sindh',
          district: 'Karachi',
          type: 'ied_explosive',
          occurredAt: new Date(now - (i + 1) * 3_600_000).toISOString(),
        }),
      );
    }
    await caughtUp(rule.id);
    await hook.waitFor(() => hook.calls.length === before + 1);
    await teams.waitFor(() => teams.calls.length === 1);
    const spike = hook.calls[before]!.body.alerts[0].event;
    // Evaluated as of when the evaluator ran: writes that landed together are counted together.
    expect(spike).toMatchObject({ kind: 'spike', measure: 'incidents' });
    const n = spike.current as number;
    expect(n).toBeGreaterThanOrEqual(5);
    expect(spike.spike).toMatchObject({ baseline: 12, expected: 1, ratio: n, spike: true });
    expect(spike.spike.p).toBeCloseTo(poissonUpperTail(n, 1), 10);
    expect(spike.spike.p).toBeLessThanOrEqual(0.00366);
    expect(spike.spike.method).toMatch(/Poisson upper tail/);
    expect(teams.calls[0]!.body).toMatchObject({ '@type': 'MessageCard', title: 'Sindh IED surge' });
    expect(teams.calls[0]!.body.text).toContain(`spike: ${n} incidents against 1 expected (${n}× expected, p = `);
    const rows = await deliveries(w, rule.id);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.outcome === 'sent')).toBe(true);
  });
});
