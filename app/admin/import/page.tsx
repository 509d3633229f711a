/** /admin/import: backfill incidents from an ACLED CSV export, with live progress and a full report. */
import type { Metadata } from 'next';
import { AdminPage } from '../admin-frame';
import { ImportForm } from './import-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'ACLED import · Admin' };

export default function ImportPage() {
  return (
    <AdminPage
      path="/admin/import"
      section="/admin/import"
      title="ACLED import"
      intro="Battles, explosions and violence against civilians become incidents; fatalities are recorded as killed, not specified (ACLED does not split them by side). Valid rows are saved even when others fail."
      render={() => <ImportForm />}
    />
  );
}
