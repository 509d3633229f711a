'use client';
/**
 * Live state for list and record pages, where rows must not jump under the reader's eyes:
 * - LiveListNotice counts changes that touch the listed view and offers to reload it;
 * - LiveRecordWatch re-renders a record page from the server when that record changes.
 * Both show the connection indicator and reload on `recovered: false`.
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Change, Position } from '@/core/change/change';
import type { Entity } from '@/core/enums';
import type { IncidentFilter } from '@/core/filters';
import type { Incident } from '@/core/incident/schema';
import type { Operation } from '@/core/operation/schema';
import { incidentMatches, operationMatches } from '@/core/stats/match-filter';
import { useLiveChanges } from '@/app/live/use-live-changes';
import { LiveIndicator } from './live-indicator';

function touches(c: Change, entity: Entity, filter: IncidentFilter): boolean {
  if (c.entity !== entity) return false;
  if (entity === 'incident') return incidentMatches(c.data as Incident, filter);
  if (entity === 'operation') return operationMatches(c.data as Operation, filter);
  return true;
}

export function LiveListNotice({
  snapshot,
  entity,
  filter,
  noun,
}: {
  snapshot: Position;
  entity: Entity;
  filter: IncidentFilter;
  noun: string;
}) {
  const router = useRouter();
  const [count, setCount] = useState(0);
  const [adopted, setAdopted] = useState(snapshot);
  if (adopted !== snapshot) {
    setAdopted(snapshot);
    setCount(0);
  }
  const { status } = useLiveChanges({
    snapshot,
    onChanges: (changes) => setCount((n) => n + changes.filter((c) => touches(c, entity, filter)).length),
    onResync: () => router.refresh(),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <LiveIndicator status={status} />
      <p role="status" aria-live="polite" className="min-h-8">
        {count > 0 && (
          <button
            type="button"
            onClick={() => router.refresh()}
            className="h-8 rounded-full bg-accent px-3 text-sm font-medium text-surface shadow-card"
          >
            {count} {count === 1 ? `${noun} changed` : `${noun}s changed`} · Refresh
          </button>
        )}
      </p>
    </div>
  );
}

export function LiveRecordWatch({ snapshot, entity, id }: { snapshot: Position; entity: Entity; id: string }) {
  const router = useRouter();
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const { status } = useLiveChanges({
    snapshot,
    onChanges: (changes) => {
      if (!changes.some((c) => c.entity === entity && c.id === id)) return;
      setUpdatedAt(Date.now());
      router.refresh();
    },
    onResync: () => router.refresh(),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <LiveIndicator status={status} />
      {updatedAt !== null && (
        <span role="status" className="rounded-full bg-accent-soft px-3 py-1 text-sm text-fg">
          Updated live just now
        </span>
      )}
    </div>
  );
}
