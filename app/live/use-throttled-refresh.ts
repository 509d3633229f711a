'use client';
/**
 * Refetches at most once per `intervalMs`: the first request goes out at once, requests during a
 * fetch or the quiet interval collapse into one trailing fetch. A burst of 500 live changes thus
 * costs the server two reads per client, not 500. Answers older than the one shown are dropped
 * (by their change-log position).
 */
import { useEffect, useRef, useState } from 'react';

type Target<T> = { url: () => string; apply: (data: T) => void; failed?: () => void };

class Throttle<T extends { position: { seq: number } }> {
  private inFlight = false;
  private pending = false;
  private lastStart = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private newest = -1;

  constructor(
    private readonly target: { current: Target<T> },
    private readonly intervalMs: number,
  ) {}

  schedule = (): void => {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    if (this.timer) return;
    const wait = Math.max(0, this.lastStart + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, wait);
  };

  /** The page adopted a snapshot at `seq`: older answers must not replace it. */
  reset = (seq: number): void => {
    this.newest = seq;
  };

  dispose = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  };

  private async run(): Promise<void> {
    this.inFlight = true;
    this.pending = false;
    this.lastStart = Date.now();
    try {
      const url = this.target.current.url();
      const res = await fetch(url, {
        headers: { accept: 'application/json' },
        cache: 'no-store',
      });
      if (!res.ok) throw new Error(`answered ${res.status}`);
      const data = (await res.json()) as T;
      // An answer for another view (the page moved on while it was on its way) is not shown.
      if (url === this.target.current.url() && data.position.seq >= this.newest) {
        this.newest = data.position.seq;
        this.target.current.apply(data);
      }
    } catch {
      // Offline or the server restarting: the next change or the periodic refresh tries again
      // (the caller may offer a retry meanwhile).
      this.target.current.failed?.();
    } finally {
      this.inFlight = false;
      if (this.pending) this.schedule();
    }
  }
}

export function useThrottledRefresh<T extends { position: { seq: number } }>(
  url: () => string,
  apply: (data: T) => void,
  intervalMs = 1000,
  failed?: () => void,
) {
  const target = useRef<Target<T>>({ url, apply, failed });
  useEffect(() => {
    target.current = { url, apply, failed };
  });
  const [throttle] = useState(() => new Throttle<T>(target, intervalMs));
  useEffect(() => throttle.dispose, [throttle]);
  return { refresh: throttle.schedule, reset: throttle.reset };
}
