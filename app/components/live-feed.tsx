'use client';
/**
 * The newest incidents of the view: time, place, type, group, casualties and verification. New
 * arrivals fade in from a highlight; a retracted one stays, struck through, with its reason;
 * mass-casualty incidents carry a red edge and a label. Rows have a fixed minimum height so
 * arrivals push the list down without reflowing the page around it (the list scrolls).
 */
import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { INCIDENT_TYPE_INFO, PROVINCE_LABELS } from '@/core/enums';
import { isMassCasualty, placeLabel, type IncidentBrief } from '@/core/stats/incident-brief';
import { TYPE_COLORS } from './palette';
import { VerificationBadge } from './verification-badge';
import { formatFigures } from './number-format';
import { formatAgo, formatOccurred } from './time-format';

/** The time, to the half-minute, once the browser runs; null on the server (no relative time). */
const HALF_MINUTE = 30_000;
const subscribeClock = (tick: () => void) => {
  const t = setInterval(tick, HALF_MINUTE);
  return () => clearInterval(t);
};
export const useNow = (): number | null =>
  useSyncExternalStore(
    subscribeClock,
    () => Math.floor(Date.now() / HALF_MINUTE) * HALF_MINUTE,
    () => null,
  );

/** The wall's sizes follow the screen, so a row reads from across the room at 720p and at 4K alike. */
const LARGE = {
  meta: 'text-[clamp(0.875rem,0.95vw,2rem)]',
  title: 'text-[clamp(1rem,1.3vw,2.75rem)]',
  detail: 'text-[clamp(0.875rem,1.05vw,2.25rem)]',
};

export function FeedItem({
  b,
  fresh,
  threshold,
  now,
  large = false,
}: {
  b: IncidentBrief;
  fresh: boolean;
  threshold: number;
  now: number | null;
  large?: boolean;
}) {
  const mass = isMassCasualty(b, threshold);
  const retracted = b.retractedAt !== null;
  const title = `${INCIDENT_TYPE_INFO[b.type].label} · ${placeLabel(b, (p) => PROVINCE_LABELS[p])}`;
  return (
    <li
      className={`${fresh ? 'arrive' : ''} border-l-4 ${mass ? 'border-danger' : 'border-transparent'} border-b border-b-line last:border-b-0`}
    >
      <Link
        prefetch={false}
        href={`/incidents/${b.id}`}
        className={`block px-3 ${large ? 'py-[1.2vh]' : 'py-2.5'} hover:bg-surface-2 focus-visible:bg-surface-2`}
      >
        <div
          className={`flex flex-wrap items-center justify-between gap-2 ${large ? LARGE.meta : 'text-xs'} text-muted`}
        >
          <span className="tabular-nums">
            <time dateTime={b.occurredAt}>{formatOccurred(b.occurredAt, b.timePrecision)}</time>
            {now !== null && b.timePrecision === 'exact' && (
              <span className="text-faint"> · {formatAgo(b.occurredAt, now)}</span>
            )}
          </span>
          <VerificationBadge status={b.verification} large={large} />
        </div>
        <p
          className={`mt-0.5 flex items-center gap-2 font-medium ${large ? LARGE.title : 'text-sm'} ${retracted ? 'text-muted line-through' : 'text-fg'}`}
        >
          <span
            aria-hidden
            className={`${large ? 'h-[0.6em] w-[0.6em]' : 'h-2.5 w-2.5'} shrink-0 rounded-full`}
            style={{ background: TYPE_COLORS[b.type] }}
          />
          <span className={large ? 'min-w-0 break-words' : 'truncate'} title={large ? undefined : title}>
            {title}
          </span>
        </p>
        <p
          className={`mt-0.5 flex flex-wrap items-center gap-x-3 ${large ? LARGE.detail : 'text-xs'} ${retracted ? 'text-muted line-through' : 'text-muted'}`}
        >
          <span>{b.groupName ?? b.namedActor ?? 'Unknown perpetrator'}</span>
          <span className={mass ? 'font-semibold text-danger' : 'text-fg'}>
            {b.killed.missing ? 'killed not reported' : `${formatFigures(b.killed)} killed`} ·{' '}
            {b.injured.missing ? 'injured not reported' : `${formatFigures(b.injured)} injured`}
          </span>
          {mass && (
            <span
              className={`rounded bg-danger px-1.5 py-0.5 ${large ? LARGE.meta : 'text-[11px]'} font-bold tracking-wide text-surface uppercase`}
            >
              Mass casualty
            </span>
          )}
        </p>
        {retracted && (
          <p className={`mt-0.5 ${large ? LARGE.meta : 'text-xs'} text-danger`}>
            Retracted: {b.retractionReason ?? 'no reason given'}
          </p>
        )}
      </Link>
    </li>
  );
}

export function LiveFeed({
  items,
  fresh,
  threshold,
  large = false,
  emptyText = 'No incidents in this view yet. New ones appear here as they are recorded.',
}: {
  items: IncidentBrief[];
  fresh?: ReadonlySet<string>;
  threshold: number;
  large?: boolean;
  emptyText?: string;
}) {
  const now = useNow();
  if (items.length === 0) return <p className="px-3 py-10 text-center text-sm text-muted">{emptyText}</p>;
  return (
    <ol aria-label="Newest incidents" className="m-0 list-none p-0">
      {items.map((b) => (
        <FeedItem key={b.id} b={b} fresh={fresh?.has(b.id) ?? false} threshold={threshold} now={now} large={large} />
      ))}
    </ol>
  );
}
