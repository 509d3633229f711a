'use client';
/** The sync's status, read from the API and polled: every 2 s while a run is going on, else every 30 s. */
import { useCallback, useEffect, useState } from 'react';
import { apiRequest } from '../../forms/api-request';
import { readSyncStatus, type AcledSyncStatus } from './sync-status';

export function useSyncStatus(): {
  status: AcledSyncStatus | null;
  error: string | null;
  refresh: () => Promise<void>;
  set: (s: AcledSyncStatus) => void;
} {
  const [status, setStatus] = useState<AcledSyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const res = await apiRequest({ method: 'GET', url: '/api/acled-sync' }, readSyncStatus);
    if (res.ok) {
      setStatus(res.data);
      setError(null);
    } else setError(res.message);
  }, []);
  const running = status?.running ?? false;
  useEffect(() => {
    // The first read at once (after this render), then on the interval.
    const first = setTimeout(() => void refresh(), 0);
    const t = setInterval(() => void refresh(), running ? 2000 : 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, [refresh, running]);
  return { status, error, refresh, set: setStatus };
}
