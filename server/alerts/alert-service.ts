/**
 * The alert evaluator and sender of one node. It follows the change log (server/change-follower.ts:
 * a local commit, NOTIFY of a change from any node, a 1 s poll for retries and missed wake-ups),
 * runs evaluation steps until the log is read, then sends the due deliveries. Evaluation is exactly-once by construction (core/alert/evaluate-alerts.ts);
 * sending is at least once per attempt, with the delivery id for receivers to dedupe.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { evaluateAlerts } from '../../core/alert/evaluate-alerts';
import { emailText, nextRetry, webhookBody, type OutgoingAlert } from '../../core/alert/message-body';
import type { AlertStore } from '../../core/alert/ports';
import type { AlertRuleRecord } from '../../core/alert/schema';
import type { Database } from '../../db/client';
import {
  claimDueDeliveries,
  finishDeliveries,
  lastSentAt,
  postponeDeliveries,
  type DeliveryRow,
} from '../../db/queries/alert-deliveries';
import type { Mailer } from './send-email';
import { sendWebhook, type WebhookResult } from './send-webhook';
import type { WebhookPolicy } from './webhook-target';
import { ChangeFollower } from '../change-follower';

export interface AlertServiceOptions {
  database: Database;
  alerts: AlertStore;
  policy: WebhookPolicy;
  mailer: Mailer | null;
  log: Logger;
  baseUrl?: string;
  pollMs?: number;
}

const CLAIM = 50;
const LEASE_MS = 60_000;

export class AlertService {
  private readonly follower: ChangeFollower;

  constructor(private readonly opts: AlertServiceOptions) {
    // Whether the sender has work after this run's steps (unknown, so yes, unless a read said no).
    let due = true;
    this.follower = new ChangeFollower({
      database: opts.database,
      log: opts.log,
      name: 'alert evaluation',
      pollMs: opts.pollMs,
      step: async () => {
        // Every commit and poll wakes the evaluator: with no rule behind the log (no rules at all,
        // most often) one read answers the whole run instead of a transaction and a claim.
        const pending = await opts.alerts.pending?.();
        if (pending && !pending.rulesBehind) {
          due = pending.deliveriesDue;
          return { more: false };
        }
        due = true;
        return opts.alerts.evaluate((tx) =>
          evaluateAlerts(tx, { now: new Date(), newId: randomUUID, email: opts.mailer !== null }),
        );
      },
      // Evaluated up to now: send what is due (retries too, on the poll).
      caughtUp: async (stopped) => {
        if (!due) return;
        while (!stopped() && (await this.sendDue()) > 0);
      },
    });
  }

  start(): Promise<void> {
    return this.follower.start();
  }

  async stop(): Promise<void> {
    await this.follower.stop();
    this.opts.mailer?.close();
  }

  wake(): void {
    this.follower.wake();
  }

  private async sendDue(): Promise<number> {
    const db = this.opts.database.db;
    const claimed = await claimDueDeliveries(db, CLAIM, LEASE_MS);
    const groups = new Map<string, DeliveryRow[]>();
    for (const d of claimed) {
      const k = `${d.ruleId} ${d.channel}`;
      groups.set(k, [...(groups.get(k) ?? []), d]);
    }
    await Promise.all([...groups.values()].map((rows) => this.sendGroup(rows)));
    return claimed.length;
  }

  private async sendGroup(rows: DeliveryRow[]): Promise<void> {
    const db = this.opts.database.db;
    const first = rows[0]!;
    const ids = rows.map((r) => r.id);
    const rule = await this.opts.alerts.rules.get(first.ruleId);
    const [index, type] = first.channel.split(':');
    const channel = rule?.channels[Number(index)];
    if (!rule || !channel || channel.type !== type) {
      await finishDeliveries(db, ids, {
        outcome: 'skipped',
        error: 'the channel was removed from the rule',
        retryAt: null,
      });
      return;
    }
    if (rule.digestMinutes) {
      const last = await lastSentAt(db, rule.id, first.channel);
      const next = last ? Date.parse(last) + rule.digestMinutes * 60_000 : 0;
      if (next > Date.now()) return postponeDeliveries(db, ids, new Date(next).toISOString());
    }
    // Without a digest each alert is its own message.
    const messages = rule.digestMinutes ? [rows] : rows.map((r) => [r]);
    for (const batch of messages) await this.sendMessage(rule, channel, batch);
  }

  private async sendMessage(
    rule: AlertRuleRecord,
    channel: AlertRuleRecord['channels'][number],
    batch: DeliveryRow[],
  ): Promise<void> {
    const db = this.opts.database.db;
    const alerts: OutgoingAlert[] = batch.map((d) => ({
      deliveryId: d.id,
      eventKey: d.eventKey,
      title: d.title,
      payload: d.payload,
    }));
    const link = (a: OutgoingAlert) => {
      const e = a.payload.event as { entity?: string; id?: string } | undefined;
      if (!this.opts.baseUrl || !e?.id) return null;
      return `${this.opts.baseUrl.replace(/\/$/, '')}/${e.entity === 'operation' ? 'operations' : 'incidents'}/${e.id}`;
    };
    const named = { id: rule.id, name: rule.name };
    let result: WebhookResult;
    if (channel.type === 'webhook') {
      result = await sendWebhook(
        this.opts.policy,
        { url: channel.url, secret: channel.secret ?? '' },
        webhookBody(channel.format, named, alerts, link),
        batch.map((d) => d.id).join(','),
      );
    } else if (channel.type === 'email' && this.opts.mailer) {
      const { subject, text } = emailText(named, alerts, link);
      result = await this.opts.mailer
        .send(channel.to, subject, text, { 'X-BorderWatch-Delivery': batch.map((d) => d.id).join(',') })
        .then(
          () => ({ ok: true, retry: false, detail: 'sent' }),
          (err: Error & { responseCode?: number }) => ({
            ok: false,
            // SMTP 4xx and network errors are transient; 5xx is a permanent refusal.
            retry: !err.responseCode || (err.responseCode >= 400 && err.responseCode < 500),
            detail: err.message,
          }),
        );
    } else {
      result = { ok: false, retry: false, detail: 'email is not configured on this server (SMTP_URL)' };
    }
    const ids = batch.map((d) => d.id);
    if (result.ok) return finishDeliveries(db, ids, { outcome: 'sent', error: null, retryAt: null });
    const attempts = Math.max(...batch.map((d) => d.attempts));
    const retryAt = result.retry ? nextRetry(attempts, new Date()) : null;
    this.opts.log.warn(
      { rule: rule.id, channel: channel.type, attempts, detail: result.detail },
      'alert delivery failed',
    );
    await finishDeliveries(db, ids, { outcome: retryAt ? 'pending' : 'failed', error: result.detail, retryAt });
  }
}
