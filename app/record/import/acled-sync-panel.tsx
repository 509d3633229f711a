'use client';
/** On the import page, for admins: the ACLED API sync's last and next run, and "Sync now". */
import Link from 'next/link';
import { cardClass, legendClass } from '../../forms/control-styles';
import { SyncOverview } from '../../admin/acled-sync/acled-sync-admin';
import { SyncNowButton } from '../../admin/acled-sync/sync-now-button';
import { useSyncStatus } from '../../admin/acled-sync/use-sync-status';

export function AcledSyncPanel() {
  const { status, error, refresh } = useSyncStatus();
  return (
    <section className={`${cardClass} mb-5`} aria-labelledby="acled-sync-panel-title">
      <h2 id="acled-sync-panel-title" className={legendClass}>
        ACLED API sync
      </h2>
      {status ? (
        <div className="mt-3 flex flex-wrap items-start justify-between gap-4">
          <SyncOverview status={status} />
          <SyncNowButton status={status} onStarted={refresh} />
        </div>
      ) : (
        <p className="mt-2 text-sm text-muted">{error ?? 'Loading…'}</p>
      )}
      <p className="mt-3 text-sm">
        <Link href="/admin/acled-sync" className="font-medium text-accent hover:underline">
          Account, schedule and reports →
        </Link>
      </p>
    </section>
  );
}
