/** The signed-in user's recent imports on the import page, each linking to its job page. */
import Link from 'next/link';
import type { ImportJob } from '@/server/api/import-jobs';
import { cardClass, legendClass } from '../../forms/control-styles';
import { formatWhenYear } from '../../components/time-format';
import { jobSummary, STATE_LABELS } from './job-state';

const TONE: Record<ImportJob['state'], string> = {
  running: 'text-accent',
  done: 'text-ok',
  failed: 'text-danger',
  interrupted: 'text-danger',
};

export function RecentImports({ jobs }: { jobs: ImportJob[] }) {
  return (
    <section className={`${cardClass} mt-5`} aria-labelledby="recent-imports-title">
      <h2 id="recent-imports-title" className={legendClass}>
        Your recent imports
      </h2>
      {jobs.length === 0 ? (
        <p className="mt-2 text-sm text-muted">None yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-line" data-testid="recent-imports">
          {jobs.map((job) => (
            <li key={job.id} className="py-2 text-sm">
              <Link href={`/record/import/jobs/${job.id}`} className="font-semibold text-accent hover:underline">
                {job.fileName ?? 'Upload'}
              </Link>{' '}
              <span className="text-muted">· {formatWhenYear(job.startedAt)} ·</span>{' '}
              <span className={`font-semibold ${TONE[job.state]}`}>{STATE_LABELS[job.state]}</span>
              <span className="block text-muted">{jobSummary(job)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
