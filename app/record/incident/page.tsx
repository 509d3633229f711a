/** /record/incident: record a new incident (operators). */
import type { Metadata } from 'next';
import { requireRole } from '../../sign-in/page-access';
import { todayInReportZone } from '../../forms/when-values';
import { PageHeading } from '../page-heading';
import { groupChoices } from '../record-groups';
import { IncidentForm } from './incident-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Record an incident' };

export default async function NewIncidentPage() {
  await requireRole('operator', '/record/incident');
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 pt-6 sm:px-6">
      <PageHeading
        title="Record an incident"
        back={{ href: '/record', label: 'Record' }}
        intro="Fields marked * are required. Defaults: Pakistan, today, day precision. Ctrl+Enter saves from anywhere in the form."
      />
      <IncidentForm today={todayInReportZone(new Date())} groups={await groupChoices()} incident={null} />
    </main>
  );
}
