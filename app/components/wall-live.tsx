'use client';
/**
 * The wallboard: full screen, dark, readable from three metres, no interaction. Large figures for
 * the period with their change, the 30-day trend, the newest incidents, a clock and the connection
 * state. A mass-casualty arrival takes over the top band for a minute.
 */
import { zoneLabel } from './report-zone';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { Position } from '@/core/change/change';
import { INCIDENT_TYPE_INFO, PROVINCE_LABELS } from '@/core/enums';
import type { IncidentFilter } from '@/core/filters';
import { isMassCasualty, placeLabel, type IncidentBrief } from '@/core/stats/incident-brief';
import { changeAgainst } from '@/core/stats/summary';
import type { StatsSummary, StatsTimeseries } from '@/core/stats/stats-types';
import { useLiveChanges } from '@/app/live/use-live-changes';
import { useThrottledRefresh } from '@/app/live/use-throttled-refresh';
import { ChartSkeleton } from './charts/chart-skeleton';
import { LiveFeed } from './live-feed';
import { LiveIndicator } from './live-indicator';
import { formatBig, formatFigures, formatRatio } from './number-format';
import { changeEffects, dropRetracted, reduceLists } from './overview/overview-reducer';
import { incidentOf, toBrief } from '@/app/live/apply-incident-change';
import { useRetractionNotice } from '@/app/live/use-retraction-notice';
import { incidentMatches } from '@/core/stats/match-filter';
import type { Change } from '@/core/change/change';
import { formatClock, formatLongDate } from './time-format';
import { useWholeRows } from './use-whole-rows';

const TrendChart = dynamic(() => import('./charts/trend-chart'), { ssr: false, loading: ChartSkeleton });

export interface WallSnapshot {
  position: Position;
  summary: StatsSummary;
  trend: StatsTimeseries;
  feed: IncidentBrief[];
  synthetic: boolean;
}

const subscribeSecond = (tick: () => void) => {
  const t = setInterval(tick, 1000);
  return () => clearInterval(t);
};
const useClock = () =>
  useSyncExternalStore(
    subscribeSecond,
    () => Math.floor(Date.now() / 1000) * 1000,
    () => null,
  );

const FEED_SIZE = 7;
const ALERT_MS = 60_000;

type Alert = { b: IncidentBrief; until: number };

/**
 * The banner shows the incident as it is now: a correction updates its figures, and it leaves
 * when the incident is retracted, falls below the threshold or out of the wall's view.
 */
function followAlert(alert: Alert, changes: readonly Change[], filter: IncidentFilter, threshold: number) {
  let next: Alert | null = alert;
  for (const c of changes) {
    const incident = c.id === alert.b.id ? incidentOf(c) : null;
    if (!incident || !next) continue;
    const b = toBrief(incident);
    next =
      b.retractedAt === null && isMassCasualty(b, threshold) && incidentMatches(incident, filter)
        ? { ...next, b }
        : null;
  }
  return next;
}

export function WallLive({
  snapshot,
  summaryParams,
  trendParams,
  feedFilter,
  periodTitle,
  periodLabel,
  threshold,
}: {
  snapshot: WallSnapshot;
  summaryParams: string;
  trendParams: string;
  feedFilter: IncidentFilter;
  periodTitle: string;
  periodLabel: string;
  threshold: number;
}) {
  const router = useRouter();
  const now = useClock();
  const [summary, setSummary] = useState(snapshot.summary);
  const [trend, setTrend] = useState(snapshot.trend);
  const [lists, setLists] = useState({
    feed: snapshot.feed,
    points: [] as IncidentBrief[],
    synthetic: snapshot.synthetic,
  });
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const [alert, setAlert] = useState<Alert | null>(null);
  const [adopted, setAdopted] = useState(snapshot);
  if (adopted !== snapshot) {
    setAdopted(snapshot);
    setSummary(snapshot.summary);
    setTrend(snapshot.trend);
    setLists({ feed: snapshot.feed, points: [], synthetic: snapshot.synthetic });
  }
  const summaryFeed = useThrottledRefresh<StatsSummary>(() => `/api/stats/summary?${summaryParams}`, setSummary);
  const trendFeed = useThrottledRefresh<StatsTimeseries>(() => `/api/stats/timeseries?${trendParams}`, setTrend);

  const noteRetractions = useRetractionNotice((ids) => setLists((l) => dropRetracted(l, ids)));
  const { status } = useLiveChanges({
    snapshot: snapshot.position,
    onChanges: (changes) => {
      setLists((l) => {
        const next = reduceLists(l, changes, feedFilter, 0);
        return { ...next, feed: next.feed.slice(0, FEED_SIZE) };
      });
      noteRetractions(changes);
      setAlert((a) => (a ? followAlert(a, changes, feedFilter, threshold) : a));
      const fx = changeEffects(changes, feedFilter);
      if (fx.stats) {
        summaryFeed.refresh();
        trendFeed.refresh();
      }
      if (fx.arrivals.length === 0) return;
      const ids = fx.arrivals.map((b) => b.id);
      setFresh((s) => new Set([...s, ...ids]));
      setTimeout(() => setFresh((s) => new Set([...s].filter((id) => !ids.includes(id)))), 15_000);
      const mass = fx.arrivals.find((b) => isMassCasualty(b, threshold));
      if (mass) setAlert({ b: mass, until: Date.now() + ALERT_MS });
    },
    onResync: () => router.refresh(),
  });

  const feedBox = useWholeRows<HTMLDivElement>(lists.feed);
  const s = summary.current;
  const p = summary.previous;
  const figures = useMemo(
    () =>
      [
        { label: 'Incidents', value: s.incidents, prev: p?.incidents ?? null, bad: true, sub: null as string | null },
        {
          label: 'Killed',
          value: s.killed.total.low,
          prev: p?.killed.total.low ?? null,
          bad: true,
          sub: s.killed.total.high > s.killed.total.low ? `up to ${formatBig(s.killed.total.high)}` : 'at least',
        },
        {
          label: 'Injured',
          value: s.injured.total.low,
          prev: p?.injured.total.low ?? null,
          bad: true,
          sub: s.injured.total.high > s.injured.total.low ? `up to ${formatBig(s.injured.total.high)}` : 'at least',
        },
        {
          label: 'Operations',
          value: s.operations.operations,
          prev: p?.operations.operations ?? null,
          bad: false,
          sub: `${formatBig(s.operations.militantsKilled)} militants killed`,
        },
      ] as const,
    [s, p],
  );
  const showAlert = alert && now !== null && now < alert.until;

  return (
    <div
      data-theme="dark"
      className="fixed inset-0 z-50 flex cursor-none flex-col gap-[1.5vh] overflow-x-hidden overflow-y-auto bg-bg p-3 text-fg lg:overflow-hidden lg:p-[1.5vw]"
    >
      <header className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <div className="flex min-w-0 flex-wrap items-baseline gap-x-4 gap-y-1">
          <span className="text-[clamp(1.25rem,2vw,3.5rem)] font-bold tracking-tight">Border Watch</span>
          <span className="text-[clamp(1rem,1.5vw,2.75rem)] text-muted">{periodTitle}</span>
          {lists.synthetic && (
            <span className="rounded-md bg-warn-soft px-3 py-1 text-[clamp(0.875rem,1.2vw,2.25rem)] font-semibold text-warn">
              SYNTHETIC DEMO DATA
            </span>
          )}
        </div>
        <div className="flex items-center gap-6">
          <LiveIndicator status={status} large />
          <div className="text-right leading-tight">
            <p className="text-[clamp(1.5rem,2.8vw,5.5rem)] font-semibold tabular-nums">
              {now === null ? '--:--:--' : formatClock(new Date(now))}
            </p>
            <p className="text-[clamp(0.875rem,1.1vw,2rem)] text-muted">
              {now === null ? ' ' : `${formatLongDate(new Date(now))} · ${zoneLabel(now)}`}
            </p>
          </div>
        </div>
      </header>
      {showAlert && alert && (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-x-4 rounded-xl bg-danger px-[1.5vw] py-[1vh] text-[clamp(1.125rem,1.8vw,3.5rem)] font-bold text-surface"
        >
          MASS-CASUALTY INCIDENT · {INCIDENT_TYPE_INFO[alert.b.type].label} ·{' '}
          {placeLabel(alert.b, (x) => PROVINCE_LABELS[x])} · {formatFigures(alert.b.killed)} killed
        </div>
      )}
      {/* One column that scrolls on a phone; a fixed, unscrolled screen from lg up. */}
      <div className="grid grid-cols-1 gap-[1.5vh] lg:min-h-0 lg:flex-1 lg:grid-cols-3 lg:gap-[1vw]">
        <div className="flex flex-col gap-[1.5vh] lg:col-span-2 lg:min-h-0">
          <div className="grid grid-cols-2 gap-[1vw] xl:grid-cols-4">
            {figures.map((f) => {
              const c = f.prev === null ? null : changeAgainst(f.value, f.prev);
              const tone =
                !c || c.direction === 'flat' || !f.bad
                  ? 'text-muted'
                  : c.direction === 'up'
                    ? 'text-danger'
                    : 'text-ok';
              return (
                <section
                  key={f.label}
                  aria-label={f.label}
                  data-tile
                  className="min-w-0 rounded-2xl border border-line bg-surface p-[clamp(0.75rem,1vw,2.5rem)]"
                >
                  <h2 className="text-[clamp(1rem,1.3vw,2.75rem)] font-semibold text-muted uppercase">{f.label}</h2>
                  <p className="mt-1 text-[clamp(2.5rem,4.6vw,10rem)] leading-none font-bold tracking-tight tabular-nums">
                    {formatBig(f.value)}
                  </p>
                  <p className="mt-2 text-[clamp(0.875rem,1.1vw,2.25rem)] leading-snug text-muted">{f.sub}</p>
                  <p className={`text-[clamp(0.875rem,1.1vw,2.25rem)] leading-snug font-semibold ${tone}`}>
                    {c
                      ? `${c.direction === 'up' ? '▲' : c.direction === 'down' ? '▼' : '■'} ${formatRatio(c.ratio, c.delta)}`
                      : 'all time'}
                    {c && <span className="block font-normal text-muted">vs prev. {periodLabel}</span>}
                  </p>
                </section>
              );
            })}
          </div>
          <section
            aria-label="Incidents per day, last 30 days"
            data-tile
            className="flex min-h-[16rem] flex-1 flex-col rounded-2xl border border-line bg-surface p-[clamp(0.75rem,1vw,2.5rem)] lg:min-h-0"
          >
            <h2 className="text-[clamp(1rem,1.3vw,2.75rem)] font-semibold text-muted">
              Incidents per day ({zoneLabel(now ?? undefined)} days), last 30 days
            </h2>
            <div className="min-h-0 flex-1">
              <TrendChart series={trend} marks={[]} height="100%" large />
            </div>
          </section>
        </div>
        <section
          aria-label="Latest incidents"
          data-tile
          className="flex flex-col overflow-hidden rounded-2xl border border-line bg-surface lg:min-h-0"
        >
          <h2 className="border-b border-line px-5 py-[1vh] text-[clamp(1rem,1.3vw,2.75rem)] font-semibold text-muted">
            Latest incidents
          </h2>
          <div ref={feedBox} className="flex-1 overflow-hidden lg:min-h-0">
            <LiveFeed items={lists.feed} fresh={fresh} threshold={threshold} large emptyText="Waiting for incidents…" />
          </div>
        </section>
      </div>
    </div>
  );
}
