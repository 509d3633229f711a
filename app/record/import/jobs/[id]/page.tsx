/**
 * /record/import/jobs/{id}: one import as stored (docs/adr/0031), for the user who started it
 * (anyone else gets the 404 page): how far it got, its report, or, if the server stopped during
 * it, what was committed and that importing the file again is safe.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getRuntime } from '@/server/runtime';
import { requireRole } from '../../../../sign-in/page-access';
import { formatWhenYear } from '../../../../components/time-format';
import { cardClass } from '../../../../forms/control-styles';
import { PageHeading } from '../../../page-heading';
import { ReportView } from '../../report-view';
import { jobExplanation, jobSummary, STATE_LABELS } from '../../job-state';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import job · Record' };

const JOB_ID = /^[A-Za-z0-9_-]{8,64}$/;

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { principal } = await requireRole('operator', `/record/import/jobs/${encodeURIComponent(id)}`);
  if (!JOB_ID.test(id)) notFound();
  const job = await getRuntime().importJobs.get(id, principal.userId);
  if (!job) notFound();
  const explanation = jobExplanation(job);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-5 px-4 py-6 sm:px-6">
      <PageHeading title={`Import · ${job.fileName ?? 'upload'}`} back={{ href: '/record/import', label: 'Import' }} />
      <section className={cardClass} aria-label="Job">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-muted">State</dt>
          <dd className="font-semibold text-fg" data-testid="job-state">
            {STATE_LABELS[job.state]}
          </dd>
          <dt className="text-muted">Started</dt>
          <dd className="text-fg">{formatWhenYear(job.startedAt)}</dd>
          <dt className="text-muted">Ended</dt>
          <dd className="text-fg">{job.finishedAt ? formatWhenYear(job.finishedAt) : '—'}</dd>
          <dt className="text-muted">Rows</dt>
          <dd className="text-fg">{jobSummary(job)}</dd>
        </dl>
        {explanation ? (
          <p role="alert" className="mt-3 rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-fg">
            {explanation}
          </p>
        ) : null}
        {job.state === 'running' ? (
          <p className="mt-3 text-sm text-muted">Still running: reload the page to see how far it is.</p>
        ) : null}
      </section>
      {job.report ? <ReportView report={job.report} fileName={job.fileName ?? 'upload'} focus={false} /> : null}
    </main>
  );
}
