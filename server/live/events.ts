/** The live protocol's Socket.IO events, typed once (a public contract: see README "Live protocol"). */
import { z } from 'zod';
import type { Change } from '../../core/change/change';
import type { Principal } from '../auth/principal';

export interface LiveHello {
  epoch: string;
  seq: number;
  recovered: boolean;
}

/** Sent just before the server ends a socket because its sign-in no longer holds. */
export interface LiveRevoked {
  reason: RevocationReason;
  message: string;
}

/**
 * Sent by a node that is stopping (SIGTERM), LIVE_DRAIN_MS before it closes what is left: reconnect
 * at a random moment within `withinMs` (the jitter spreads the handshakes over the other nodes).
 * The node no longer accepts connections, so the load balancer sends the reconnect elsewhere; the
 * client resumes from its position there.
 */
export interface LiveReconnect {
  reason: 'draining';
  withinMs: number;
}

export const REVOCATION_REASONS = [
  'signed-out',
  'disabled',
  'role-changed',
  'password-changed',
  'token-revoked',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export interface ServerToClientEvents {
  'live.hello': (hello: LiveHello) => void;
  'live.changes': (changes: Change[]) => void;
  'live.revoked': (revoked: LiveRevoked) => void;
  'live.reconnect': (hint: LiveReconnect) => void;
  /**
   * A duplicate candidate was found, re-scored or resolved (ids of the resolved ones; none for an
   * anonymous reader): reload the queue, and the overview's count.
   */
  'duplicates.changed': (change: { resolved: string[] }) => void;
}

/** What the handshake learnt about the socket (null: an anonymous reader of a public dashboard). */
export interface LiveSocketData {
  principal?: Principal | null;
}

// Clients only listen; nothing is accepted from them after the handshake.
export type ClientToServerEvents = Record<string, never>;

/** The handshake's `auth`: the last position applied (absent on a first connection) and a token. */
export const LiveAuth = z.object({
  epoch: z.string().max(100).optional(),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  token: z.string().max(500).optional(),
});
export type LiveAuth = z.infer<typeof LiveAuth>;
