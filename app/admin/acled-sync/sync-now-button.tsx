'use client';
/** "Sync now": starts a run (POST /api/acled-sync/run); the status polling shows it to its end. */
import { useState } from 'react';
import { apiRequest } from '../../forms/api-request';
import { errorClass, primaryButton } from '../../forms/control-styles';
import type { AcledSyncStatus } from './sync-status';

export function SyncNowButton({ status, onStarted }: { status: AcledSyncStatus; onStarted: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    const res = await apiRequest({ method: 'POST', url: '/api/acled-sync/run' }, () => null);
    setBusy(false);
    setError(res.ok ? null : res.message);
    await onStarted();
  };
  const disabled = busy || status.running || !status.account.configured;
  return (
    <div>
      <button type="button" className={primaryButton} onClick={start} disabled={disabled} aria-disabled={disabled}>
        {status.running ? 'Syncing…' : 'Sync now'}
      </button>
      {!status.account.configured ? <p className="mt-1 text-xs text-muted">Enter an ACLED account first.</p> : null}
      {error ? (
        <p role="alert" className={errorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
