/** /record/operation/{id}: edit an operation against its version, or retract it (operators). */
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
import { OperationForm } from '../operation-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit operation' };

export default async function EditOperationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole('operator', `/record/operation/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const operation = await getRuntime().reads.operations.get(id);
  if (!operation) notFound();
  const heading = (
    <PageHeading
      title="Edit operation"
      back={{ href: `/operations/${id}`, label: 'Back to the operation' }}
      intro={`Version ${operation.version}, last changed by ${operation.updatedBy ?? 'unknown'}. If someone else saves first, you will see both versions before anything is overwritten.`}
    />
  );
  if (operation.retractedAt) {
    return (
      <main id="main" className="mx-auto max-w-5xl px-4 pt-6 sm:px-6">
        {heading}
        <p className="rounded-lg border border-danger bg-danger-soft p-4 text-fg">
          This operation was retracted by {operation.retractedBy ?? 'unknown'}: “{operation.retractionReason}”. A
          retracted operation cannot be edited.{' '}
          <Link href="/record/operation" className="font-semibold text-accent underline">
            Record a new operation
          </Link>
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 pt-6 pb-10 sm:px-6">
      {heading}
      <RecordEditShell
        noun="operation"
        apiBase="/api/operations"
        recordKey="operation"
        id={id}
        version={operation.version}
        pageHref={`/operations/${id}`}
        newHref="/record/operation"
        draftKey={`operation:${id}`}
      >
        <OperationForm
          today={todayInReportZone(new Date())}
          groups={await groupChoices(operation.groupId)}
          operation={operation}
        />
      </RecordEditShell>
    </main>
  );
}
