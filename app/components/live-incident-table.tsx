'use client';
/**
 * The incidents list, live: on the first page of a newest-first view a newly recorded incident that
 * matches the filters is inserted in its place and highlighted; a corrected or retracted row on
 * the page is updated where it stands. Changes the page cannot place (a later page, oldest first)
 * are counted with a Refresh button. The total of the view follows the stats.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { Change, Position } from '@/core/change/change';
import type { IncidentFilter } from '@/core/filters';
import type { Incident } from '@/core/incident/schema';
import { incidentMatches } from '@/core/stats/match-filter';
import type { StatsSummary } from '@/core/stats/stats-types';
import { incidentOf } from '@/app/live/apply-incident-change';
import { useLiveChanges } from '@/app/live/use-live-changes';
import { useThrottledRefresh } from '@/app/live/use-throttled-refresh';
import { IncidentTable } from './incident-table';
import { LiveIndicator } from './live-indicator';
import { formatCount } from './number-format';
import type { RecordSort } from './page-cursor';
import { formatOccurred } from './time-format';

const FRESH_MS = 10_000;

const before = (sort: RecordSort) => (a: Incident, b: Incident) => {
  const key = sort === '-createdAt' ? 'createdAt' : 'occurredAt';
  return a[key] > b[key] || (a[key] === b[key] && a.id > b.id);
};

/** The page's rows after `changes`, and the ids inserted. Pure, so a re-render cannot apply twice. */
export function applyToRows(
  rows: readonly Incident[],
  changes: readonly Change[],
  opts: { filter: IncidentFilter; sort: RecordSort; insert: boolean; withRetracted: boolean },
): { rows: Incident[]; inserted: string[]; unplaced: number } {
  let next = [...rows];
  const inserted: string[] = [];
  let unplaced = 0;
  for (const c of changes) {
    const incident = incidentOf(c);
    if (!incident) continue;
    const at = next.findIndex((r) => r.id === incident.id);
    if (at >= 0) {
      if (next[at]!.version >= incident.version) continue;
      next[at] = incident;
      continue;
    }
    const match = incidentMatches(incident, opts.filter) && (opts.withRetracted || incident.retractedAt === null);
    if (!match) continue;
    if (c.action === 'created' && opts.insert) {
      const pos = next.findIndex((r) => before(opts.sort)(incident, r));
      next = pos < 0 ? [...next, incident] : [...next.slice(0, pos), incident, ...next.slice(pos)];
      inserted.push(incident.id);
    } else unplaced++;
  }
  return { rows: next, inserted, unplaced };
}

export function LiveIncidentTable(props: {
  snapshot: Position;
  items: Incident[];
  total: number;
  summaryParams: string;
  filter: IncidentFilter;
  sort: RecordSort;
  firstPage: boolean;
  withRetracted: boolean;
  flipSortHref: string;
  threshold: number;
}) {
  const { snapshot, items, filter, sort, firstPage, withRetracted } = props;
  const router = useRouter();
  const [rows, setRows] = useState(items);
  const [total, setTotal] = useState(props.total);
  const [unplaced, setUnplaced] = useState(0);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const [adopted, setAdopted] = useState(props);
  if (adopted.items !== items || adopted.total !== props.total) {
    setAdopted(props);
    setRows(items);
    setTotal(props.total);
    setUnplaced(0);
  }
  const current = useRef(rows);
  useEffect(() => {
    current.current = rows;
  }, [rows]);
  const summary = useThrottledRefresh<StatsSummary>(
    () => `/api/stats/summary?${props.summaryParams}`,
    (s) => setTotal(s.current.incidents),
  );

  const { status } = useLiveChanges({
    snapshot,
    onChanges: (changes) => {
      const insert = firstPage && sort !== 'occurredAt';
      const out = applyToRows(current.current, changes, { filter, sort, insert, withRetracted });
      current.current = out.rows;
      setRows(out.rows);
      if (out.unplaced) setUnplaced((n) => n + out.unplaced);
      if (changes.some((c) => c.entity === 'incident')) summary.refresh();
      if (out.inserted.length === 0) return;
      setFresh((s) => new Set([...s, ...out.inserted]));
      setTimeout(() => setFresh((s) => new Set([...s].filter((id) => !out.inserted.includes(id)))), FRESH_MS);
    },
    onResync: () => router.refresh(),
  });

  const first = rows[0];
  const last = rows[rows.length - 1];
  const range =
    first && last
      ? sort === '-createdAt'
        ? `recorded ${formatOccurred(last.createdAt, 'exact')} – ${formatOccurred(first.createdAt, 'exact')}`
        : `${formatOccurred((sort === 'occurredAt' ? first : last).occurredAt, 'day')} – ${formatOccurred((sort === 'occurredAt' ? last : first).occurredAt, 'day')}`
      : null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <LiveIndicator status={status} />
        <p className="text-sm text-fg" data-total>
          <b className="tabular-nums">{formatCount(total)}</b> {total === 1 ? 'incident' : 'incidents'} in this view
          {withRetracted ? ' (retracted not counted)' : ''}
          {range && (
            <span className="text-muted">
              {' '}
              · showing {formatCount(rows.length)}, {range}
            </span>
          )}
        </p>
        <p role="status" aria-live="polite" className="min-h-8">
          {unplaced > 0 && (
            <button
              type="button"
              onClick={() => router.refresh()}
              className="h-8 rounded-full bg-accent px-3 text-sm font-medium text-surface shadow-card"
            >
              {unplaced} more {unplaced === 1 ? 'incident' : 'incidents'} in this view · Refresh
            </button>
          )}
        </p>
      </div>
      <IncidentTable
        items={rows}
        sort={sort}
        flipSortHref={props.flipSortHref}
        threshold={props.threshold}
        fresh={fresh}
      />
    </div>
  );
}
