'use client';
/**
 * The connection state every dashboard page shows: "Live · updated 3 s ago", reconnecting or
 * offline since a time; the change-log position is in the tooltip (it means nothing to a reader).
 * A polite live region announces changes of state only, not the ticking age.
 */
import { useSyncExternalStore } from 'react';
import type { LiveStatus } from '@/app/live/use-live-changes';
import { formatClock } from './time-format';

const LOOK = {
  connecting: { dot: 'bg-faint', text: 'Connecting…', tone: 'text-muted' },
  live: { dot: 'bg-ok live-dot', text: 'Live', tone: 'text-ok' },
  reconnecting: { dot: 'bg-warn', text: 'Reconnecting', tone: 'text-warn' },
  offline: { dot: 'bg-danger', text: 'Offline', tone: 'text-danger' },
} as const;

const subscribeSecond = (tick: () => void) => {
  const t = setInterval(tick, 1000);
  return () => clearInterval(t);
};
const useSecond = () =>
  useSyncExternalStore(
    subscribeSecond,
    () => Math.floor(Date.now() / 1000) * 1000,
    () => null,
  );

/** "3 s ago", "4 min ago", "2 h ago". */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

export function LiveIndicator({ status, large = false }: { status: LiveStatus; large?: boolean }) {
  const now = useSecond();
  const look = LOOK[status.state];
  const since =
    status.state === 'reconnecting' || status.state === 'offline'
      ? ` since ${formatClock(new Date(status.since))}`
      : '';
  const age = now !== null && status.updatedAt > 0 ? `updated ${formatAge(now - status.updatedAt)}` : null;
  return (
    <div
      className={`inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 ${large ? 'text-[clamp(1rem,1.3vw,2.75rem)]' : 'text-sm'}`}
      title={`Change-log position ${status.position.seq} (epoch ${status.position.epoch.slice(0, 8)})`}
    >
      <span
        aria-hidden
        className={`inline-block shrink-0 rounded-full ${large ? 'size-[0.7em]' : 'h-2.5 w-2.5'} ${look.dot}`}
      />
      <span role="status" aria-live="polite" className={`font-medium ${look.tone}`}>
        {look.text}
        {since}
      </span>
      {age && <span className="whitespace-nowrap text-muted tabular-nums">· {age}</span>}
    </div>
  );
}
