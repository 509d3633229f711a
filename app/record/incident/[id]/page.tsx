/** /record/incident/{id}: edit an incident against its version, or retract it (operators). */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getRuntime } from '@/server/runtime';
import { requireRole } from '../../../sign-in/page-access';
import { todayInReportZone } from '../../../forms/when-values';
import { PageHeading } from '../../page-heading';
import { RecordEditShell } from '../../record-edit-shell';
import { groupChoices } from '../../record-groups';
import { IncidentForm } from '../incident-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit incident' };

export default async function EditIncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole('operator', `/record/incident/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const incident = await getRuntime().reads.incidents.get(id);
  if (!incident) notFound();
  const heading = (
    <PageHeading
      title="Edit incident"
      back={{ href: `/incidents/${id}`, label: 'Back to the incident' }}
      intro={`Version ${incident.version}, last changed by ${incident.updatedBy ?? 'unknown'}. If someone else saves first, you will see both versions before anything is overwritten.`}
    />
  );
  if (incident.retractedAt) {
    return (
      <main id="main" className="mx-auto max-w-5xl px-4 pt-6 sm:px-6">
        {heading}
        <p className="rounded-lg border border-danger bg-danger-soft p-4 text-fg">
          This incident was retracted by {incident.retractedBy ?? 'unknown'}: “{incident.retractionReason}”. A retracted
          incident cannot be edited.{' '}
          <Link href="/record/incident" className="font-semibold text-accent underline">
            Record a new incident
          </Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 pt-6 pb-10 sm:px-6">
      {heading}
      <RecordEditShell
        noun="incident"
        apiBase="/api/incidents"
        recordKey="incident"
        id={id}
        version={incident.version}
        pageHref={`/incidents/${id}`}
        newHref="/record/incident"
        draftKey={`incident:${id}`}
      >
        <IncidentForm
          today={todayInReportZone(new Date())}
          groups={await groupChoices(incident.groupId)}
          incident={incident}
        />
      </RecordEditShell>
    </main>
  );
}
