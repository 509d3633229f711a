/** The live protocol's Socket.IO events, typed once (a public contract: see README "Live protocol"). */
import { z } from 'zod';
import type { Change } from '../../core/change/change';

export interface LiveHello {
  epoch: string;
  seq: number;
  recovered: boolean;
}

export interface ServerToClientEvents {
  'live.hello': (hello: LiveHello) => void;
  'live.changes': (changes: Change[]) => void;
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
