/**
 * Progress of running imports, kept in memory for the admin page to poll while its upload runs.
 *
 * Why in memory and polled: the POST itself answers with the report when the import is done; the
 * page only needs "how far" meanwhile, for a minute or two. The client names the job (header
 * `Import-Job`, an id it generated) so it can poll before the POST answers. Jobs live in the process
 * that runs them: behind several nodes, polling needs the same sticky session as Socket.IO's
 * polling transport. Finished jobs are kept for JOB_TTL_MS, then forgotten.
 */
import type { ImportProgress, ImportReport } from '../../core/import/import-report';

export const JOB_ID = /^[A-Za-z0-9_-]{8,64}$/;
const JOB_TTL_MS = 15 * 60_000;
const MAX_JOBS = 200;

export interface ImportJob {
  id: string;
  /** The user who started it; only they may read it (anyone else, admins included, gets a 404). */
  owner: string;
  state: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  /** The upload's declared size, for a progress bar against `progress.bytesRead`; null when unknown. */
  totalBytes: number | null;
  progress: ImportProgress;
  report: ImportReport | null;
  /** Why a failed job failed (a 413, a lost database); its rows up to then are saved. */
  error: string | null;
}

const EMPTY: ImportProgress = { rows: 0, imported: 0, updated: 0, skipped: 0, errorCount: 0, bytesRead: 0 };

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob & { expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Registers a job; false if a job with that id is still running, or belongs to someone else. */
  start(id: string, owner: string, totalBytes: number | null): boolean {
    this.prune();
    const existing = this.jobs.get(id);
    // Another user's id is never taken over, finished or not: its report is theirs.
    if (existing && (existing.state === 'running' || existing.owner !== owner)) return false;
    this.jobs.set(id, {
      id,
      owner,
      state: 'running',
      startedAt: new Date(this.now()).toISOString(),
      finishedAt: null,
      totalBytes,
      progress: { ...EMPTY },
      report: null,
      error: null,
      expires: Number.POSITIVE_INFINITY,
    });
    return true;
  }

  update(id: string, progress: ImportProgress): void {
    const job = this.jobs.get(id);
    if (job) job.progress = progress;
  }

  finish(id: string, outcome: { report: ImportReport } | { error: string }): void {
    const job = this.jobs.get(id);
    if (!job) return;
    job.finishedAt = new Date(this.now()).toISOString();
    job.expires = this.now() + JOB_TTL_MS;
    if ('report' in outcome) {
      job.state = 'done';
      job.report = outcome.report;
      job.progress = {
        ...job.progress,
        rows: outcome.report.rows,
        imported: outcome.report.imported,
        updated: outcome.report.updated,
        errorCount: outcome.report.errorCount,
      };
    } else {
      job.state = 'failed';
      job.error = outcome.error;
    }
  }

  /** The job if `owner` started it; null for an unknown id and for anyone else's (the same answer). */
  get(id: string, owner: string): ImportJob | null {
    this.prune();
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) return null;
    const { expires: _, ...rest } = job;
    return rest;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) if (job.expires <= now) this.jobs.delete(id);
    // A burst of imports cannot grow the map without bound: the oldest finished jobs go first.
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running').sort((a, b) => a.expires - b.expires);
    while (this.jobs.size > MAX_JOBS && finished.length > 0) this.jobs.delete(finished.shift()!.id);
  }
}
