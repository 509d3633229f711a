'use client';
/**
 * A retracted incident stays in a live feed for a few seconds, struck through with its reason, so
 * a watcher sees what went; then it leaves, as it would after a reload.
 */
import { useEffect, useRef } from 'react';
import type { Change } from '@/core/change/change';
import { retractedIds } from '@/app/components/overview/overview-reducer';

export const RETRACTION_NOTICE_MS = 8_000;

export function useRetractionNotice(drop: (ids: string[]) => void): (changes: readonly Change[]) => void {
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const latestDrop = useRef(drop);
  useEffect(() => {
    latestDrop.current = drop;
  });
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  return (changes) => {
    const ids = retractedIds(changes);
    if (ids.length === 0) return;
    const t = setTimeout(() => {
      timers.current.delete(t);
      latestDrop.current(ids);
    }, RETRACTION_NOTICE_MS);
    timers.current.add(t);
  };
}
