/**
 * Webhook targets against server-side request forgery: a target whose host resolves to a loopback,
 * private, link-local, unique-local, CGNAT, multicast or unspecified address is refused unless
 * ALERT_WEBHOOK_ALLOW lists it (hostnames, addresses or CIDR ranges, comma-separated). Every
 * address the name resolves to is checked, and the connection is made to a checked address (the
 * request's own lookup), so a name that re-resolves to 127.0.0.1 between check and send gets nowhere.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ValidationError } from '../../core/errors';

const INTERNAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  INTERNAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  INTERNAL.addSubnet(net, bits, 'ipv6');

export interface WebhookPolicy {
  /** Throws a ValidationError naming `field` when the URL may not be called. */
  check(url: string, field: string): Promise<void>;
  /** The lookup requests use: resolves, then refuses internal addresses not allowed. */
  lookup: LookupFunction;
}

const family = (a: string) => (isIP(a) === 6 ? 'ipv6' : 'ipv4');

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is. */
const unmapped = (a: string) => /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)?.[1] ?? a;

export function createWebhookPolicy(allowList: string | undefined): WebhookPolicy {
  const allowedHosts = new Set<string>();
  const allowedNets = new BlockList();
  for (const item of (allowList ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    const [net, bits] = item.split('/');
    if (net && isIP(net)) {
      if (bits !== undefined) allowedNets.addSubnet(net, Number(bits), family(net));
      else allowedNets.addAddress(net, family(net));
    } else allowedHosts.add(item);
  }
  const internal = (address: string) => {
    const a = unmapped(address);
    return INTERNAL.check(a, family(a));
  };
  const allowed = (host: string, address: string) => {
    const a = unmapped(address);
    return allowedHosts.has(host.toLowerCase()) || allowedNets.check(a, family(a));
  };

  async function resolve(host: string): Promise<string[]> {
    const bare = host.replace(/^\[|\]$/g, '');
    if (isIP(bare)) return [bare];
    return (await dnsLookup(bare, { all: true, verbatim: true })).map((r) => r.address);
  }

  function refused(host: string, addresses: string[]): string | null {
    const bad = addresses.filter((a) => internal(a) && !allowed(host, a));
    return bad.length > 0
      ? `resolves to an internal address (${bad.join(', ')}); list it in ALERT_WEBHOOK_ALLOW to allow it`
      : null;
  }

  return {
    async check(url, field) {
      const host = new URL(url).hostname;
      let addresses: string[];
      try {
        addresses = await resolve(host);
      } catch {
        throw new ValidationError({ [field]: `the host ${host} does not resolve` });
      }
      const why = refused(host.replace(/^\[|\]$/g, ''), addresses);
      if (why) throw new ValidationError({ [field]: why });
    },
    lookup: (hostname, options, callback) => {
      resolve(hostname).then(
        (addresses) => {
          const why = refused(hostname, addresses);
          if (why)
            return callback(Object.assign(new Error(`webhook target ${hostname} ${why}`), { code: 'EREFUSED' }), '', 4);
          const chosen = addresses[0]!;
          if ((options as { all?: boolean }).all) {
            return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(
              null,
              addresses.map((a) => ({ address: a, family: isIP(a) })),
            );
          }
          callback(null, chosen, isIP(chosen));
        },
        (err: NodeJS.ErrnoException) => callback(err, '', 4),
      );
    },
  };
}
