/**
 * /record/import: backfill incidents from an ACLED, UCDP GED or GTD CSV, with live progress and a full report.
 * Importing is recording, so operators and admins do it here (the API lets both).
 */
import type { Metadata } from 'next';
import { requireRole } from '../../sign-in/page-access';
import { PageHeading } from '../page-heading';
import { ImportForm } from './import-form';
import { AcledSyncPanel } from './acled-sync-panel';
import { RecentImports } from './recent-imports';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import · Record' };

export default async function ImportPage() {
  const { principal } = await requireRole('operator', '/record/import');
  const jobs = await getRuntime().importJobs.recent(principal.userId, 10);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <PageHeading
        title="Import a source file"
        back={{ href: '/record', label: 'Record' }}
        intro="Each source's rows are classified by who acted (attacks, clashes, interstate, state violence); deaths are split by side where the source says whose they were (UCDP by side, GTD perpetrators apart, ACLED not at all). Valid rows are saved even when others fail."
      />
      {/* The sync is an admin's to manage (its API is admin-only). */}
      {principal.actor.role === 'admin' ? <AcledSyncPanel /> : null}
      <ImportForm />
      <RecentImports jobs={jobs} />
    </main>
  );
}
