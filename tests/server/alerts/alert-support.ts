/** Shared set-up for the alert tests: a server with a webhook allow-list and local SMTP, users, helpers. */
import { createHmac } from 'node:crypto';
import { startTestServer, type TestServer } from '../../support/test-server';
import type { Driver } from '../../support/test-database';
import { addUser, call, signIn, tokenFor, type Session } from '../api-support';
import type { WebhookCall } from '../../support/webhook-receiver';

export interface AlertWorld {
  server: TestServer;
  viewer: Session;
  viewerId: string;
  operatorToken: string;
}

export async function startAlertWorld(driver: Driver, env: Record<string, string> = {}): Promise<AlertWorld> {
  const server = await startTestServer(driver, { env: { ALERT_WEBHOOK_ALLOW: '127.0.0.1', ...env } });
  const viewerUser = await addUser(server, 'watcher@example.org', 'viewer');
  const operator = await addUser(server, 'operator@example.org', 'operator');
  return {
    server,
    viewer: await signIn(server, 'watcher@example.org'),
    viewerId: viewerUser.id,
    operatorToken: await tokenFor(server, operator.id),
  };
}

/**
 * An incident an hour ago, to the minute: with the default day precision it would be stored at its
 * local day's start (core/time/occurred-day.ts), outside a rolling 24 h window in the first hour of
 * a Pakistani day (CI once ran then: 00:52 PKT).
 */
export const balochBombing = (n: number, over: Record<string, unknown> = {}) => ({
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  timePrecision: 'exact',
  province: 'Balochistan',
  district: 'Quetta',
  type: 'suicide_bombing',
  targetType: 'police',
  casualties: { killed: { security_forces: { low: n, high: null } } },
  sources: [{ name: 'Dawn', url: 'https://www.dawn.com/news/1' }],
  summary: `bombing ${n}`,
  ...over,
});

export async function record(w: AlertWorld, input: unknown): Promise<{ id: string; version: number }> {
  const res = await call(w.server, 'POST', '/api/incidents', { token: w.operatorToken, body: input });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.incident;
}

export async function createRule(w: AlertWorld, body: unknown) {
  const res = await call(w.server, 'POST', '/api/alert-rules', { session: w.viewer, body });
  if (res.status !== 201) throw new Error(`rule create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { rule: { id: string; version: number }; secrets: { channel: number; secret: string }[] };
}

/** The signature a receiver checks: HMAC-SHA256 of `<timestamp>.<body>` under the rule's secret. */
export function signatureValid(call: WebhookCall, secret: string): boolean {
  const ts = String(call.headers['x-borderwatch-timestamp']);
  const want = `sha256=${createHmac('sha256', secret).update(`${ts}.${call.raw}`).digest('hex')}`;
  return call.headers['x-borderwatch-signature'] === want;
}

export async function deliveries(w: AlertWorld, ruleId: string) {
  const res = await call(w.server, 'GET', `/api/alert-rules/${ruleId}/deliveries`, { session: w.viewer });
  return res.body.items as {
    eventKey: string;
    channel: string;
    outcome: string;
    attempts: number;
    lastError: string | null;
  }[];
}

export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
