/** The `/alerts` Socket.IO namespace: a user's bell hears that new alerts are in their inbox. */
export interface AlertServerEvents {
  'alerts.new': (hint: { at: string }) => void;
}
export type AlertClientEvents = Record<string, never>;
export const ALERTS_NAMESPACE = '/alerts';
