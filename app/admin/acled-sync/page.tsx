/** /admin/acled-sync: the ACLED API sync (account, schedule, runs and their reports). */
import type { Metadata } from 'next';
import { AdminPage } from '../admin-frame';
import { AcledSyncAdmin } from './acled-sync-admin';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'ACLED sync · Admin' };

export default function AcledSyncPage() {
  return (
    <AdminPage
      path="/admin/acled-sync"
      section="/admin/acled-sync"
      title="ACLED API sync"
      intro="Keeps the dashboard in step with ACLED without uploads: events of Pakistan and Afghanistan added or corrected since the last run are imported as a file would be (matched by event id, never duplicated), and events ACLED deleted are retracted with the reason “deleted by the source”."
      render={() => <AcledSyncAdmin />}
    />
  );
}
