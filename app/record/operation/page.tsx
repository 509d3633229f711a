/** /record/operation: record a new security-force operation (operators). */
import type { Metadata } from 'next';
import { requireRole } from '../../sign-in/page-access';
import { todayInReportZone } from '../../forms/when-values';
import { PageHeading } from '../page-heading';
import { groupChoices } from '../record-groups';
import { OperationForm } from './operation-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Record an operation' };

export default async function NewOperationPage() {
  await requireRole('operator', '/record/operation');
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 pt-6 sm:px-6">
      <PageHeading
        title="Record an operation"
        back={{ href: '/record', label: 'Record' }}
        intro="Fields marked * are required. Defaults: Pakistan, today, day precision. Ctrl+Enter saves from anywhere in the form."
      />
      <OperationForm today={todayInReportZone(new Date())} groups={await groupChoices()} operation={null} />
    </main>
  );
}
