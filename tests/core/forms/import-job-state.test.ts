/** What an import job's page says, by state: an interrupted job names what was committed and that a re-import is safe. */
import { describe, expect, it } from 'vitest';
import { emptyImportReport } from '../../../core/import/import-report';
import { jobExplanation, jobSummary, savedRows } from '../../../app/record/import/job-state';
import type { ImportJob } from '../../../server/api/import-jobs';

const base: ImportJob = {
  id: 'job-00001',
  owner: 'u1',
  format: 'acled',
  fileName: 'pakistan.csv',
  state: 'running',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  totalBytes: 100,
  progress: { rows: 1500, imported: 1000, updated: 0, skipped: 0, errorCount: 0, bytesRead: 90 },
  report: null,
  error: null,
  committed: null,
  lastSeq: null,
};

describe('import job wording', () => {
  it('says an interrupted job committed the counted rows, up to its log position, and that importing again is safe', () => {
    const job: ImportJob = { ...base, state: 'interrupted', committed: 1500, lastSeq: 2042 };
    expect(savedRows(job)).toBe(1500); // the change log's count, not the last progress (1,000)
    expect(jobSummary(job)).toBe('1,500 rows committed before the server stopped');
    expect(jobExplanation(job)).toMatch(
      /server stopped .* 1,500 rows were committed \(up to change-log position 2,042\)/,
    );
    expect(jobExplanation(job)).toMatch(/same file again is safe: rows are matched by the source’s event id/);
  });

  it('describes running, done and failed jobs', () => {
    expect(jobSummary(base)).toBe('1,500 rows read so far: 1,000 imported, 0 updated');
    expect(jobExplanation(base)).toBeNull();
    const report = { ...emptyImportReport(), rows: 9, imported: 7, updated: 2, errorCount: 0 };
    expect(jobSummary({ ...base, state: 'done', report, committed: 8 })).toBe(
      '9 rows: 7 imported, 2 updated, 0 with errors',
    );
    const failed: ImportJob = { ...base, state: 'failed', error: 'the database went away', committed: 500 };
    expect(jobExplanation(failed)).toMatch(/^The import failed: the database went away\. 500 rows were saved/);
  });
});
