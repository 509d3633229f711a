/** The IPC messages between the bench and its client-fleet processes (bench/clients.ts). */
export type FleetCommand =
  | { type: 'connect'; url: string; count: number; reconnection: boolean; recordMarkers: boolean; timeoutMs: number }
  /** `range`: count, per client, the distinct seqs received in [from, to]. */
  | { type: 'report'; range: { from: number; to: number } | null; markers: boolean }
  | { type: 'reset' }
  | { type: 'close' };

export interface StormClient {
  hellos: { t: number; recovered: boolean; seq: number }[];
  disconnects: number[];
  /** Reconnection attempts (monotonic ms) and how many failed. */
  attempts: number[];
  /** When a stopping node's `live.reconnect` arrived (monotonic ms). */
  drains: number[];
  connectErrors: number;
  caughtUpAt: number | null;
}

export interface ClientReport {
  connected: boolean;
  received: number;
  duplicates: number;
  outOfOrder: number;
  lastSeq: number;
  /** Receipt time of the last batch (monotonic ms). */
  lastAt: number;
  inRange: number;
  storm: StormClient;
}

export type FleetReply =
  | { type: 'started' }
  | { type: 'connected'; ready: number }
  | { type: 'report'; clients: ClientReport[]; receipts: Record<string, number[]> }
  | { type: 'reset' }
  | { type: 'closed' };
