'use client';
/**
 * The live overview: holds the page's state (stats, feed, map points) from the server snapshot and
 * keeps it current from the change stream.
 * - Feed and map apply each incident change directly (idempotent upsert by id and version), when
 *   the record matches the view's filter.
 * - KPIs and charts are refetched, throttled to one request per second (one /api/stats/overview
 *   call carrying every chart and its position). Deltas from core/rollup would avoid the request
 *   but double-count a change that the snapshot already holds (data is read after its position),
 *   and cannot see a change's previous version; a refetch is exact by construction.
 * - Rolling presets are refreshed every minute as the window slides.
 * - A new snapshot (router.refresh after `recovered: false`, or a filter change) replaces the
 *   state, and changes applied after its position are applied again onto it.
 * - Feed and map points are not in the page: they are fetched after first paint, with the
 *   position they were read at (P). Adopting them applies the changes the stream already
 *   delivered after P; later ones apply live; ones at or before P (the stream may lag the fetch)
 *   are already in them and skipped. Until they arrive the panels show a loading state; on a
 *   failed fetch, a retry.
 * - The panels below the fold render in the browser only, the server's HTML carrying placeholders
 *   of their size: casualties and operations right after hydration (from the page's series); the
 *   breakdowns once the first stats refresh (sent at once after hydration, at or after the page's
 *   position, and again after every change like any refresh) brings them; the published figures
 *   from GET /api/overview/reference, fetched again when a figure changes. A failed fetch offers a
 *   retry.
 * - "N possible duplicates in this period" is read again (GET /api/overview/duplicates, throttled
 *   like the stats) on every `duplicates.changed`: a candidate found or resolved on any node, or a
 *   reconnection after which a signal may have been missed.
 */
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Change, Position } from '@/core/change/change';
import type { OverviewIncidents } from '@/core/stats/overview-incidents';
import type { OverviewReference } from '@/core/stats/overview-reference';
import type { OverviewDuplicates } from '@/core/duplicate/candidate-period';
import { PROVINCE_LABELS, INCIDENT_TYPE_INFO } from '@/core/enums';
import { OTHER_GROUP, OTHER_GROUP_LABEL, UNKNOWN_GROUP, UNKNOWN_GROUP_LABEL } from '@/core/rollup/incident-rollup';
import { isMassCasualty, placeLabel, type IncidentBrief } from '@/core/stats/incident-brief';
import type { ViewQuery } from '@/core/stats/query-params';
import type { StatsOverview } from '@/core/stats/stats-types';
import { announce } from '@/app/live/attention';
import { useLiveChanges } from '@/app/live/use-live-changes';
import { useThrottledRefresh } from '@/app/live/use-throttled-refresh';
import { AttentionControls } from '../attention-controls';
import { CasualtyPanel } from '../charts/casualty-panel';
import type { AnnotationMark } from '../charts/annotation-marks';
import { TrendPanel } from '../charts/trend-panel';
import { OperationsPanel } from '../charts/operations-panel';
import { ComparePanel, type CompareSeries } from '../charts/compare-panel';
import { DemoBanner } from '../demo-banner';
import { PossibleDuplicates } from '../possible-duplicates';
import { ExportButtons, PrintButton } from '../exports/export-buttons';
import { LiveFeed } from '../live-feed';
import { useRetractionNotice } from '@/app/live/use-retraction-notice';
import { LiveIndicator } from '../live-indicator';
import type { MapGeometry } from '../map/map-geometry';
import { MapPanel } from '../map/map-panel';
import { Panel } from '../panel';
import { useChartWanted } from '../charts/use-chart-wanted';
import { useInBrowser } from '../use-in-browser';
import { formatFigures } from '../number-format';
import { BreakdownTable } from './breakdown-panel';
import { KpiTiles } from './kpi-tiles';
import { changeEffects, dropRetracted, reduceLists, type OverviewLists } from './overview-reducer';
import type { OverviewSnapshot, ShownStats } from './overview-snapshot';

export interface OverviewLiveProps {
  snapshot: OverviewSnapshot;
  view: ViewQuery;
  viewParams: string;
  periodLabel: string;
  threshold: number;
  mapLimit: number;
  annotations: AnnotationMark[];
  /** Group short names by id, for the compare panel's labels. */
  groupNames: Record<string, string>;
  /** Unresolved duplicate candidates of the period, as the page read them (then kept live). */
  duplicates: number;
}

/** The first of province, group, type with two or more values chosen: what compare mode splits by. */
function compareBy(
  view: ViewQuery,
  groupNames: Record<string, string>,
): { field: 'province' | 'group' | 'type'; values: CompareSeries[] } | null {
  const f = view.filter;
  if ((f.province?.length ?? 0) >= 2)
    return { field: 'province', values: f.province!.map((v) => ({ value: v, label: PROVINCE_LABELS[v] })) };
  if ((f.group?.length ?? 0) >= 2)
    return {
      field: 'group',
      values: f.group!.map((v) => ({
        value: v,
        label: v === UNKNOWN_GROUP ? UNKNOWN_GROUP_LABEL : v === OTHER_GROUP ? OTHER_GROUP_LABEL : (groupNames[v] ?? v),
      })),
    };
  if ((f.type?.length ?? 0) >= 2)
    return { field: 'type', values: f.type!.map((v) => ({ value: v, label: INCIDENT_TYPE_INFO[v].label })) };
  return null;
}

const FRESH_MS = 10_000;

const referencePlaceholder = () => <PanelPlaceholder id="reference" title="Published figures" height={200} />;
// The last panel of the page: its code loads when it comes near (use-chart-wanted), not with the page.
const ReferencePanel = dynamic(() => import('../reference-panel').then((m) => m.ReferencePanel), {
  loading: referencePlaceholder,
});

type ListsStatus = 'loading' | 'ready' | 'error';

/** A below-the-fold panel before it renders: its title and a box of its height (or what is wrong). */
function PanelPlaceholder({
  id,
  title,
  height,
  className,
  children,
}: {
  id: string;
  title: string;
  height: number;
  className?: string;
  /** Shown instead of the box: the failed fetch and its retry. */
  children?: React.ReactNode;
}) {
  return (
    <Panel id={id} title={title} className={className}>
      {children || (
        <div style={{ height }} className="animate-pulse rounded-md bg-surface-2" data-placeholder aria-hidden />
      )}
    </Panel>
  );
}

const emptyLists = (synthetic: boolean): OverviewLists => ({ feed: [], points: [], synthetic });

/** The feed's and the map's state while their lists are on the way, or after they failed to come. */
function ListsPending({ status, what, onRetry }: { status: ListsStatus; what: string; onRetry: () => void }) {
  if (status === 'error')
    return (
      <div role="alert" className="px-3 py-10 text-center text-sm text-muted">
        <p>{`Could not load ${what}.`}</p>
        <button type="button" onClick={onRetry} className="mt-2 rounded-md border border-line px-3 py-1 text-fg">
          Try again
        </button>
      </div>
    );
  return (
    <p role="status" className="animate-pulse px-3 py-10 text-center text-sm text-muted">
      {`Loading ${what}…`}
    </p>
  );
}

const describe = (b: IncidentBrief) =>
  `${INCIDENT_TYPE_INFO[b.type].label}, ${placeLabel(b, (p) => PROVINCE_LABELS[p])}: ${formatFigures(b.killed)} killed`;

export function OverviewLive({
  snapshot,
  view,
  viewParams,
  periodLabel,
  threshold,
  mapLimit,
  annotations,
  groupNames,
  duplicates: pageDuplicates,
}: OverviewLiveProps) {
  const router = useRouter();
  const [stats, setStats] = useState<ShownStats>(() => ({ ...snapshot.stats, breakdowns: null }));
  const [statsFailed, setStatsFailed] = useState(false);
  const [reference, setReference] = useState<OverviewReference | null>(null);
  const [referenceFailed, setReferenceFailed] = useState(false);
  const [referenceBox, referenceWanted] = useChartWanted<HTMLDivElement>();
  const [lists, setLists] = useState<OverviewLists>(() => emptyLists(snapshot.synthetic));
  const [listsStatus, setListsStatus] = useState<ListsStatus>('loading');
  const [listsRequest, setListsRequest] = useState(0);
  /** The position the shown lists are consistent with; null until they arrive. */
  const listsAt = useRef<Position | null>(null);
  const listsAtView = useRef(viewParams);
  const [listsView, setListsView] = useState(viewParams);
  const [adopted, setAdopted] = useState(snapshot);
  const [geometry, setGeometry] = useState<MapGeometry | 'loading' | 'error'>('loading');
  const [geometryRequest, setGeometryRequest] = useState(0);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const lastPageRefresh = useRef(0);

  // A rolling preset has no upper edge for arrivals: "the last 24 h" includes what happens now.
  const filter = useMemo(() => (view.preset ? { ...view.filter, to: undefined } : view.filter), [view]);
  const statsFeed = useThrottledRefresh<StatsOverview>(
    () => `/api/stats/overview?${viewParams}`,
    (s) => {
      // At the page's own position the page's series and KPIs stay; the answer adds the breakdowns.
      setStats((cur) =>
        s.position.seq === cur.position.seq && !cur.breakdowns ? { ...cur, breakdowns: s.breakdowns } : s,
      );
      setStatsFailed(false);
    },
    1000,
    () => setStatsFailed(true),
  );
  const referenceFeed = useThrottledRefresh<OverviewReference>(
    () => '/api/overview/reference',
    (r) => {
      setReference(r);
      setReferenceFailed(false);
    },
    1000,
    () => setReferenceFailed(true),
  );
  const refreshReference = referenceFeed.refresh; // stable

  // "N possible duplicates in this period": read again when a candidate is found or resolved anywhere.
  const [duplicates, setDuplicates] = useState(pageDuplicates);
  const duplicatesFeed = useThrottledRefresh<OverviewDuplicates>(
    () => `/api/overview/duplicates?${viewParams}`,
    (d) => setDuplicates(d.count),
    1000,
  );
  const refreshStats = statsFeed.refresh; // stable (statsFeed itself is a new object each render)
  const noteRetractions = useRetractionNotice((ids) => setLists((l) => dropRetracted(l, ids)));
  const onChanges = (changes: Change[]) => {
    const at = listsAt.current;
    const onLists = at ? changes.filter((c) => c.epoch === at.epoch && c.seq > at.seq) : [];
    if (onLists.length > 0) setLists((l) => reduceLists(l, onLists, filter, mapLimit));
    noteRetractions(changes);
    const fx = changeEffects(changes, filter);
    if (fx.stats) statsFeed.refresh();
    if (fx.reference) refreshReference();
    if (fx.annotations && Date.now() - lastPageRefresh.current > 5000) {
      // Rare edits to annotations: re-render the page from the server, at most every 5 s.
      lastPageRefresh.current = Date.now();
      router.refresh();
    }
    if (fx.arrivals.length === 0) return;
    const ids = fx.arrivals.map((b) => b.id);
    setFresh((s) => new Set([...s, ...ids]));
    setTimeout(() => setFresh((s) => new Set([...s].filter((id) => !ids.includes(id)))), FRESH_MS);
    for (const b of fx.arrivals) if (isMassCasualty(b, threshold)) announce(b, describe, (href) => router.push(href));
  };

  const { status, changesAfter } = useLiveChanges({
    snapshot: snapshot.position,
    onChanges,
    onResync: () => router.refresh(),
    onDuplicates: duplicatesFeed.refresh,
  });

  // A new snapshot from the server (after a resync or a filter change) replaces the state, and the
  // changes applied since its position are applied again onto it (idempotent), so none is lost.
  // The lists are fetched again for it; another view's lists are not shown meanwhile.
  if (adopted !== snapshot) {
    setAdopted(snapshot);
    setDuplicates(pageDuplicates);
    // Another view's breakdowns are not shown meanwhile; the same view's stay until the refresh.
    setStats((s) => ({ ...snapshot.stats, breakdowns: listsView === viewParams ? s.breakdowns : null }));
  }
  if (listsView !== viewParams) {
    setListsView(viewParams);
    setLists(emptyLists(snapshot.synthetic));
    setListsStatus('loading');
  }

  useEffect(() => {
    const aborted = new AbortController();
    if (listsAtView.current !== viewParams) listsAt.current = null;
    listsAtView.current = viewParams;
    fetch(`/api/overview/incidents?${viewParams}`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: aborted.signal,
    })
      .then(async (res) => {
        if (!res.ok) throw new Error(`answered ${res.status}`);
        return (await res.json()) as OverviewIncidents;
      })
      .then((data) => {
        const p = data.position;
        const after = changesAfter(p.seq).filter((c) => c.epoch === p.epoch);
        // The stream's buffer no longer reaches back to P (a long burst): fetch again, newer.
        if (after.length > 0 && after[0]!.seq > p.seq + 1) return setListsRequest((n) => n + 1);
        listsAt.current = p;
        setLists(
          reduceLists({ feed: data.feed, points: data.points, synthetic: data.synthetic }, after, filter, mapLimit),
        );
        setListsStatus('ready');
        // Without the stream the charts stay at the page's position: bring them up to the lists'.
        if (p.seq > snapshot.stats.position.seq) refreshStats();
      })
      .catch(() => {
        if (!aborted.signal.aborted) setListsStatus((s) => (s === 'ready' ? s : 'error'));
      });
    return () => aborted.abort();
  }, [snapshot, viewParams, listsRequest, changesAfter, filter, mapLimit, refreshStats]);
  useEffect(() => {
    statsFeed.reset(snapshot.position.seq);
    // The breakdowns are not in the page: the first refresh brings them, at or after its position
    // (and with them whatever the stream already delivered after it).
    statsFeed.refresh();
  }, [snapshot, statsFeed]);
  useEffect(() => refreshReference(), [refreshReference]);

  useEffect(() => {
    if (!view.preset) return;
    const t = setInterval(statsFeed.refresh, 60_000);
    return () => clearInterval(t);
  }, [view.preset, statsFeed]);

  // The base map: static, fetched once after first paint (app/map-geometry.json).
  useEffect(() => {
    const aborted = new AbortController();
    fetch('/map-geometry.json', { signal: aborted.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`answered ${res.status}`);
        setGeometry((await res.json()) as MapGeometry);
      })
      .catch(() => {
        if (!aborted.signal.aborted) setGeometry('error');
      });
    return () => aborted.abort();
  }, [geometryRequest]);

  const { feed, points, synthetic } = lists;
  const inBrowser = useInBrowser();
  const retry = () => {
    setListsStatus('loading');
    setListsRequest((n) => n + 1);
  };
  const compare = useMemo(() => compareBy(view, groupNames), [view, groupNames]);
  const { breakdowns } = stats;
  const breakdownsFailed = statsFailed && (
    <ListsPending
      status="error"
      what="the breakdowns"
      onRetry={() => {
        setStatsFailed(false);
        statsFeed.refresh();
      }}
    />
  );
  return (
    <div className="space-y-3">
      <PossibleDuplicates count={duplicates} />
      <div className="flex flex-wrap items-center justify-between gap-2" data-print-hide>
        <LiveIndicator status={status} />
        <AttentionControls threshold={threshold} />
      </div>
      {synthetic && <DemoBanner />}
      <KpiTiles summary={stats.summary} periodLabel={periodLabel} />
      <div className="flex flex-wrap items-center justify-end gap-2 print:hidden">
        <ExportButtons
          name="overview-figures"
          label="the figures of the tiles"
          table={() =>
            import('../exports/figure-rows').then((m) => ({ head: m.FIGURE_HEAD, rows: m.figureRows(stats.summary) }))
          }
        />
        <PrintButton />
      </div>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-12" data-overview-grid>
        <TrendPanel
          className="lg:col-span-8"
          series={stats.timeseries}
          annotations={annotations}
          bucketHref={(b) => {
            const p = new URLSearchParams(viewParams);
            p.set('bucket', b);
            return `/?${p.toString()}`;
          }}
        />
        <Panel
          id="feed"
          title="Latest incidents"
          caption="Newest first in this view; new arrivals highlighted"
          className="flex flex-col lg:col-span-4 lg:row-span-2"
        >
          <div className="relative -mx-4 -mb-4 min-h-[420px] flex-1 border-t border-line">
            <div className="absolute inset-0 overflow-y-auto">
              {listsStatus === 'ready' ? (
                <LiveFeed items={feed} fresh={fresh} threshold={threshold} />
              ) : (
                <ListsPending status={listsStatus} what="the latest incidents" onRetry={retry} />
              )}
            </div>
          </div>
        </Panel>
        {compare && (
          <ComparePanel
            className="lg:col-span-8"
            field={compare.field}
            values={compare.values}
            viewParams={viewParams}
            refreshKey={stats.position.seq}
          />
        )}
        {inBrowser ? (
          <>
            <CasualtyPanel className="lg:col-span-8" series={stats.timeseries} />
            <OperationsPanel className="lg:col-span-8" series={stats.timeseries} />
          </>
        ) : (
          <>
            <PanelPlaceholder id="casualties" title="Casualties over time" height={260} className="lg:col-span-8" />
            <PanelPlaceholder
              id="operations-trend"
              title="Operations over time"
              height={220}
              className="lg:col-span-8"
            />
          </>
        )}
        {typeof geometry === 'object' ? (
          <MapPanel
            className="lg:col-span-7"
            geometry={geometry}
            points={points}
            fresh={fresh}
            threshold={threshold}
            capped={points.length >= mapLimit}
            pending={
              listsStatus === 'ready' ? undefined : (
                <ListsPending status={listsStatus} what="the map's incidents" onRetry={retry} />
              )
            }
          />
        ) : (
          <Panel id="map" title="Where" className="lg:col-span-7">
            <div className="aspect-[700/640] w-full">
              {geometry === 'error' ? (
                <ListsPending
                  status="error"
                  what="the map"
                  onRetry={() => {
                    setGeometry('loading');
                    setGeometryRequest((n) => n + 1);
                  }}
                />
              ) : (
                <div className="h-full w-full animate-pulse rounded-lg bg-surface-2" aria-hidden />
              )}
            </div>
          </Panel>
        )}
        <div className="grid content-start gap-3 lg:col-span-5">
          {breakdowns ? (
            <>
              <Panel id="by-province" title="By province or region">
                <BreakdownTable breakdown={breakdowns.province} title="Incidents by province" viewParams={viewParams} />
              </Panel>
              <Panel id="by-group" title="By perpetrator group" caption="Top groups; unattributed incidents kept apart">
                <BreakdownTable breakdown={breakdowns.group} title="Incidents by group" viewParams={viewParams} />
              </Panel>
              <Panel id="by-type" title="By type of attack">
                <BreakdownTable breakdown={breakdowns.type} title="Incidents by type" viewParams={viewParams} />
              </Panel>
            </>
          ) : (
            <>
              <PanelPlaceholder id="by-province" title="By province or region" height={200}>
                {breakdownsFailed}
              </PanelPlaceholder>
              <PanelPlaceholder id="by-group" title="By perpetrator group" height={200} />
              <PanelPlaceholder id="by-type" title="By type of attack" height={200} />
            </>
          )}
        </div>
        {breakdowns ? (
          <Panel id="by-target" title="By target" className="lg:col-span-4">
            <BreakdownTable breakdown={breakdowns.target} title="Incidents by target" viewParams={viewParams} />
          </Panel>
        ) : (
          <PanelPlaceholder id="by-target" title="By target" height={200} className="lg:col-span-4" />
        )}
        <div ref={referenceBox} className="lg:col-span-8">
          {reference && referenceWanted ? (
            <ReferencePanel comparisons={reference.comparisons} />
          ) : (
            <PanelPlaceholder id="reference" title="Published figures" height={200}>
              {referenceFailed && (
                <ListsPending
                  status="error"
                  what="the published figures"
                  onRetry={() => {
                    setReferenceFailed(false);
                    refreshReference();
                  }}
                />
              )}
            </PanelPlaceholder>
          )}
        </div>
      </div>
    </div>
  );
}
