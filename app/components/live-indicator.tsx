'use client';
/**
 * The connection state every dashboard page shows: live, reconnecting or offline since a time,
 * with the change-log position the page has applied. A polite live region announces changes of
 * state (not every change of position).
 */
import type { LiveStatus } from '@/app/live/use-live-changes';
import { formatClock } from './time-format';

const LOOK = {
  connecting: { dot: 'bg-faint', text: 'Connecting…', tone: 'text-muted' },
  live: { dot: 'bg-ok live-dot', text: 'Live', tone: 'text-ok' },
  reconnecting: { dot: 'bg-warn', text: 'Reconnecting', tone: 'text-warn' },
  offline: { dot: 'bg-danger', text: 'Offline', tone: 'text-danger' },
} as const;

export function LiveIndicator({ status, large = false }: { status: LiveStatus; large?: boolean }) {
  const look = LOOK[status.state];
  const since =
    status.state === 'reconnecting' || status.state === 'offline'
      ? ` since ${formatClock(new Date(status.since))}`
      : '';
  return (
    <div
      className={`inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 ${large ? 'text-2xl' : 'text-sm'}`}
      title={`Change-log position ${status.position.seq} (epoch ${status.position.epoch.slice(0, 8)})`}
    >
      <span aria-hidden className={`inline-block rounded-full ${large ? 'h-4 w-4' : 'h-2.5 w-2.5'} ${look.dot}`} />
      <span role="status" aria-live="polite" className={`font-medium ${look.tone}`}>
        {look.text}
        {since}
      </span>
      <span className="text-faint tabular-nums">#{status.position.seq}</span>
    </div>
  );
}
