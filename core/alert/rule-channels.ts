/**
 * Channel checks shared by create and update: email needs SMTP on this server, a webhook target
 * must pass the address policy, and each webhook gets a signing secret (kept when an edit leaves
 * the same address at the same place, so a receiver's configuration survives a rename).
 */
import { randomBytes } from 'node:crypto';
import { ValidationError } from '../errors';
import type { AlertCtx } from './ports';
import type { Channel, StoredChannel } from './schema';

export interface ChannelSecret {
  channel: number;
  url: string;
  secret: string;
}

export async function prepareChannels(
  ctx: AlertCtx,
  channels: Channel[],
  previous: StoredChannel[] = [],
): Promise<{ stored: StoredChannel[]; secrets: ChannelSecret[] }> {
  const fields: Record<string, string> = {};
  channels.forEach((c, i) => {
    if (c.type === 'email' && !ctx.email)
      fields[`channels.${i}.type`] = 'email is not configured on this server (SMTP_URL)';
  });
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  const secrets: ChannelSecret[] = [];
  const stored: StoredChannel[] = [];
  for (const [i, c] of channels.entries()) {
    if (c.type !== 'webhook') {
      stored.push(c);
      continue;
    }
    await ctx.checkWebhook(c.url, `channels.${i}.url`);
    const old = previous[i];
    if (old && old.type === 'webhook' && old.url === c.url && old.secret) stored.push({ ...c, secret: old.secret });
    else {
      const secret = `whsec_${randomBytes(24).toString('base64url')}`;
      stored.push({ ...c, secret });
      secrets.push({ channel: i, url: c.url, secret });
    }
  }
  return { stored, secrets };
}
