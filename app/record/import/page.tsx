/**
 * /record/import: backfill incidents from an ACLED CSV export, with live progress and a full report.
 * Importing is recording, so operators and admins do it here (the API lets both).
 */
import type { Metadata } from 'next';
import { requireRole } from '../../sign-in/page-access';
import { PageHeading } from '../page-heading';
import { ImportForm } from './import-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'ACLED import · Record' };

export default async function ImportPage() {
  await requireRole('operator', '/record/import');
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <PageHeading
        title="ACLED import"
        back={{ href: '/record', label: 'Record' }}
        intro="Battles, explosions and violence against civilians become incidents; fatalities are recorded as killed, not specified (ACLED does not split them by side). Valid rows are saved even when others fail."
      />
      <ImportForm />
    </main>
  );
}
