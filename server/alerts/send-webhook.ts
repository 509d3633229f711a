/**
 * One webhook POST: the JSON body signed with HMAC-SHA256 under the rule's secret
 * (`X-BorderWatch-Signature: sha256=<hex>` over the exact bytes sent, with the timestamp header
 * so receivers can refuse replays), through the address policy's lookup, with a timeout.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { WebhookPolicy } from './webhook-target';

export interface WebhookResult {
  ok: boolean;
  /** Worth retrying (network error, timeout, 408, 429, 5xx). */
  retry: boolean;
  detail: string;
}

export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export async function sendWebhook(
  policy: WebhookPolicy,
  target: { url: string; secret: string },
  body: unknown,
  deliveryId: string,
  timeoutMs = 10_000,
): Promise<WebhookResult> {
  try {
    await policy.check(target.url, 'url');
  } catch (err) {
    const fields = (err as { fields?: Record<string, string> }).fields;
    return { ok: false, retry: false, detail: `refused: ${fields?.url ?? (err as Error).message}` };
  }
  const text = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const url = new URL(target.url);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<WebhookResult>((resolve) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: policy.lookup,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          'user-agent': 'BorderWatch-Alerts/1',
          'x-borderwatch-delivery': deliveryId,
          'x-borderwatch-timestamp': timestamp,
          'x-borderwatch-signature': signBody(target.secret, timestamp, text),
        },
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        resolve({ ok, retry: !ok && (status >= 500 || status === 408 || status === 429), detail: `HTTP ${status}` });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ ok: false, retry: err.code !== 'EREFUSED', detail: err.message }),
    );
    req.end(text);
  });
}
