/**
 * At most a few full exports stream at once on a node: each one reads the whole (filtered) table
 * page by page, and three unthrottled 40 MB exports slowed every list five-fold. Beyond the limit
 * the answer is 429 with Retry-After; a slot is held until the stream ends or the client leaves.
 */
import type { Runtime } from '../runtime';

export class ExportGate {
  private active = 0;
  constructor(readonly limit: number) {}

  get inUse(): number {
    return this.active;
  }

  /** A release function (idempotent), or null when every slot is taken. */
  tryEnter(): (() => void) | null {
    if (this.active >= this.limit) return null;
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
    };
  }
}

/** Seconds a refused client should wait: an export of a large range takes about this long. */
export const EXPORT_RETRY_AFTER_S = 10;

const gates = new WeakMap<Runtime, ExportGate>();

export function exportGate(runtime: Runtime): ExportGate {
  let gate = gates.get(runtime);
  if (!gate) gates.set(runtime, (gate = new ExportGate(runtime.env.MAX_CONCURRENT_EXPORTS)));
  return gate;
}

/** The 429 answer of a refused export, in the API's error shape. */
export function exportsBusy(runtime: Runtime): Response {
  const message = `${exportGate(runtime).limit} exports are already running on this server; try again in ${EXPORT_RETRY_AFTER_S} seconds.`;
  return new Response(JSON.stringify({ error: { code: 'rate_limited', message } }), {
    status: 429,
    headers: { 'content-type': 'application/json; charset=utf-8', 'Retry-After': String(EXPORT_RETRY_AFTER_S) },
  });
}
