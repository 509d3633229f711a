/**
 * How a live connection finds its way back: the reconnection backoff and the drain hint. Shared by
 * the browser hook (use-live-changes.ts) and the bench's load generator, so what is measured is
 * what browsers do.
 *
 * The backoff is capped at a couple of seconds: a node that is back (or another node behind the
 * load balancer) is found within seconds, and the jitter keeps a thousand clients from retrying in
 * step. A node that is stopping sends `live.reconnect { withinMs }`: the client leaves at a random
 * moment within that window (closing the shared engine, so every namespace on it moves), and the
 * manager reconnects through the load balancer to a node that still accepts connections, resuming
 * from the position the client applied.
 */
import type { Socket } from 'socket.io-client';
import type { LiveReconnect, ServerToClientEvents } from '../../server/live/events';

/** Socket.IO manager options: 250 ms doubling to 2 s, ±50 % jitter. */
export const LIVE_BACKOFF = {
  reconnectionDelay: 250,
  reconnectionDelayMax: 2000,
  randomizationFactor: 0.5,
} as const;

/**
 * The delay before retry `attempt` (0, 1, …) when the manager does not retry by itself (a refused
 * handshake, a server-side disconnect): the same curve and cap, with full ±50 % jitter.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(LIVE_BACKOFF.reconnectionDelayMax, LIVE_BACKOFF.reconnectionDelay * 2 ** Math.min(attempt, 8));
  return base * (0.5 + random());
}

/** When, within the node's drain window, this client leaves (uniform: the handshakes spread out). */
export function drainDelayMs(hint: LiveReconnect, random: () => number = Math.random): number {
  return Math.max(0, hint.withinMs) * random();
}

/** Follows a stopping node's `live.reconnect`; returns the cleanup (clears a pending move). */
export function followDrains(socket: Socket<ServerToClientEvents>, random: () => number = Math.random): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const onHint = (hint: LiveReconnect) => {
    if (timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        // Closing the engine (not socket.disconnect()) leaves the manager to reconnect by itself.
        if (socket.connected) socket.io.engine.close();
      },
      drainDelayMs(hint, random),
    );
  };
  socket.on('live.reconnect', onHint);
  return () => {
    socket.off('live.reconnect', onHint);
    if (timer) clearTimeout(timer);
  };
}
