/** The `/alerts` Socket.IO namespace: a user's bell hears that new alerts are in their inbox. */
import type { LiveRevoked } from '../live/events';

export interface AlertServerEvents {
  'alerts.new': (hint: { at: string }) => void;
  /** The sign-in ended (server/live/revocation-watcher.ts); sent just before the disconnect. */
  'live.revoked': (revoked: LiveRevoked) => void;
}
export type AlertClientEvents = Record<string, never>;
export const ALERTS_NAMESPACE = '/alerts';
