/**
 * What a webhook or email carries. `json` is ours: the rule, the event (with its stated method for a
 * spike) and the record as the API returns it; one message may carry several alerts (a digest).
 * `slack` and `teams` are bodies their incoming webhooks accept (text; Teams' MessageCard).
 */
export interface OutgoingAlert {
  deliveryId: string;
  eventKey: string;
  title: string;
  /** The payload recorded with the delivery: `{ rule, title, event, incident? | operation? }`. */
  payload: Record<string, unknown>;
}

export interface MessageRule {
  id: string;
  name: string;
}

export function webhookBody(
  format: 'json' | 'slack' | 'teams',
  rule: MessageRule,
  alerts: OutgoingAlert[],
  link: (a: OutgoingAlert) => string | null,
): Record<string, unknown> {
  const lines = alerts.map((a) => {
    const href = link(a);
    return href ? `${a.title} (${href})` : a.title;
  });
  if (format === 'slack') {
    return { text: alerts.length === 1 ? lines[0] : `${rule.name}: ${alerts.length} alerts\n${lines.join('\n')}` };
  }
  if (format === 'teams') {
    return {
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: alerts.length === 1 ? alerts[0]!.title : `${rule.name}: ${alerts.length} alerts`,
      title: rule.name,
      text: lines.join('\n\n'),
    };
  }
  return {
    rule,
    alerts: alerts.map((a) => {
      const { rule: _rule, ...rest } = a.payload;
      return { id: a.deliveryId, key: a.eventKey, ...rest };
    }),
  };
}

export function emailText(rule: MessageRule, alerts: OutgoingAlert[], link: (a: OutgoingAlert) => string | null) {
  const subject = alerts.length === 1 ? alerts[0]!.title : `${rule.name}: ${alerts.length} alerts`;
  const text = alerts
    .map((a) => {
      const href = link(a);
      const event = a.payload.event as { spike?: { method: string; p: number; ratio: number | null } } | undefined;
      const method = event?.spike
        ? `\nMethod: ${event.spike.method}; p = ${event.spike.p.toPrecision(3)}; ratio ${event.spike.ratio ?? 'n/a'}`
        : '';
      return `${a.title}${method}${href ? `\n${href}` : ''}`;
    })
    .join('\n\n');
  return { subject, text: `${text}\n\nRule: ${rule.name} (${rule.id})\n` };
}

/** Retry delays after a failed attempt; after the last one the delivery is given up as failed. */
export const RETRY_DELAYS_MS = [1_000, 10_000, 60_000, 5 * 60_000, 30 * 60_000] as const;

export function nextRetry(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}
