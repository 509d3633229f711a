/** The alert verbs' context for a caller, and the parts it shares with the service (one per runtime). */
import { randomUUID } from 'node:crypto';
import type { AlertCtx, AlertStore } from '../../core/alert/ports';
import type { Actor } from '../../core/ports';
import { createAlertStore } from '../../db/alert-store';
import type { Runtime } from '../runtime';
import { createWebhookPolicy, type WebhookPolicy } from './webhook-target';

interface AlertParts {
  alerts: AlertStore;
  policy: WebhookPolicy;
}

const parts = new WeakMap<Runtime, AlertParts>();

export function alertParts(runtime: Runtime): AlertParts {
  let p = parts.get(runtime);
  if (!p) {
    p = { alerts: createAlertStore(runtime.database), policy: createWebhookPolicy(runtime.env.ALERT_WEBHOOK_ALLOW) };
    parts.set(runtime, p);
  }
  return p;
}

export function alertCtx(runtime: Runtime, actor: Actor): AlertCtx {
  const { alerts, policy } = alertParts(runtime);
  return {
    alerts,
    actor,
    now: () => new Date(),
    newId: () => randomUUID(),
    email: Boolean(runtime.env.SMTP_URL),
    checkWebhook: (url, field) => policy.check(url, field),
  };
}
