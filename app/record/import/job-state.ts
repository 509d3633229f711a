/**
 * What an import job's page and the history say about it, from the stored job (docs/adr/0031).
 * Framework-free; tested.
 */
import type { ImportJob } from '@/server/api/import-jobs';

const n = (x: number) => x.toLocaleString('en');

export const STATE_LABELS: Record<ImportJob['state'], string> = {
  running: 'running',
  done: 'done',
  failed: 'failed',
  interrupted: 'interrupted',
};

/** Rows saved: committed (from the report, or counted after a crash), else what progress said. */
export function savedRows(job: ImportJob): number {
  return job.committed ?? job.progress.imported + job.progress.updated;
}

export function jobSummary(job: ImportJob): string {
  switch (job.state) {
    case 'running':
      return `${n(job.progress.rows)} rows read so far: ${n(job.progress.imported)} imported, ${n(job.progress.updated)} updated`;
    case 'done':
      return job.report
        ? `${n(job.report.rows)} rows: ${n(job.report.imported)} imported, ${n(job.report.updated)} updated, ${n(job.report.errorCount)} with errors`
        : 'done';
    case 'failed':
      return `${n(savedRows(job))} rows saved before it failed`;
    case 'interrupted':
      return `${n(savedRows(job))} rows committed before the server stopped`;
  }
}

/** The explanation an unfinished job's page gives: what happened, what is saved, what to do. */
export function jobExplanation(job: ImportJob): string | null {
  const saved = n(savedRows(job));
  const position = job.lastSeq === null ? '' : ` (up to change-log position ${n(job.lastSeq)})`;
  const again =
    'Importing the same file again is safe: rows are matched by the source’s event id, so the saved rows are updated, never duplicated, and the rest are added.';
  if (job.state === 'interrupted')
    return `The server stopped while this import was running, so it did not finish. ${saved} rows were committed${position}; the rest of the file was not saved. ${again}`;
  if (job.state === 'failed')
    return `The import failed: ${job.error ?? 'no reason was recorded'}. ${saved} rows were saved before that${position}. ${again}`;
  return null;
}
