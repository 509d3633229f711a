/**
 * Import jobs of this process (docs/adr/0031): each upload is a row in `import_jobs`, so a poll
 * from any node, the page's history and a restart all read the same thing.
 *
 * The client names the job (header `Import-Job`, an id it generated) so it can poll before the
 * POST answers. Progress is written as it comes (one small update per 500 rows read, the latest
 * only while one is in flight); a heartbeat every 10 s marks the job as alive. When a node starts,
 * the jobs its previous process left running are marked interrupted (PGlite: every running job,
 * one process owns the data directory); a job of any node whose heartbeat is a minute old is
 * interrupted by whichever node sweeps first.
 */
import { hostname } from 'node:os';
import type { ImportProgress, ImportReport } from '../../core/import/import-report';
import type { Db } from '../../db/client';
import {
  finishImportJob,
  getImportJob,
  heartbeatImportJobs,
  interruptOrphanedImportJobs,
  recentImportJobs,
  saveImportProgress,
  startImportJob,
  type NewImportJob,
  type StoredImportJob,
} from '../../db/import-job-store';

export const JOB_ID = /^[A-Za-z0-9_-]{8,64}$/;
const HEARTBEAT_MS = 10_000;

export type ImportJob = StoredImportJob;

/** This node's name for its jobs: NODE_ID, else host and port (a port of 0 names one process only). */
export function nodeIdOf(env: { NODE_ID?: string; PORT: number }): string {
  if (env.NODE_ID) return env.NODE_ID;
  return env.PORT === 0 ? `${hostname()}:pid-${process.pid}` : `${hostname()}:${env.PORT}`;
}

interface Running {
  latest: ImportProgress | null;
  writing: Promise<void>;
  busy: boolean;
}

export class ImportJobs {
  private readonly running = new Map<string, Running>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly nodeId: string,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** At start-up: this node's jobs left running by its previous process become interrupted. */
  async recover(all: boolean): Promise<string[]> {
    return interruptOrphanedImportJobs(this.db, { nodeId: this.nodeId, all });
  }

  /** Registers a job; false if a job with that id is still running, or belongs to someone else. */
  async start(job: Omit<NewImportJob, 'nodeId'>): Promise<boolean> {
    if (!(await startImportJob(this.db, { ...job, nodeId: this.nodeId }))) return false;
    this.running.set(job.id, { latest: null, writing: Promise.resolve(), busy: false });
    return true;
  }

  update(id: string, progress: ImportProgress): void {
    const job = this.running.get(id);
    if (!job) return;
    job.latest = progress;
    if (job.busy) return; // the write in flight takes the latest when it is done
    job.busy = true;
    job.writing = (async () => {
      while (job.latest) {
        const p = job.latest;
        job.latest = null;
        await saveImportProgress(this.db, id, p).catch(this.onError);
      }
      job.busy = false;
    })();
  }

  async finish(id: string, outcome: { report: ImportReport; progress: ImportProgress } | { error: string }) {
    const job = this.running.get(id);
    this.running.delete(id);
    await job?.writing;
    await finishImportJob(
      this.db,
      id,
      'report' in outcome ? { state: 'done', ...outcome } : { state: 'failed', error: outcome.error },
    ).catch(this.onError);
  }

  get(id: string, owner: string): Promise<ImportJob | null> {
    return getImportJob(this.db, id, owner);
  }

  recent(owner: string, limit?: number): Promise<ImportJob[]> {
    return recentImportJobs(this.db, owner, limit);
  }

  /** Heartbeats for this process's jobs, and the sweep for other nodes' dead ones. */
  startSweeps(): void {
    this.timer ??= setInterval(() => void this.tick(), HEARTBEAT_MS).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    try {
      await heartbeatImportJobs(this.db, [...this.running.keys()]);
      // Jobs of a node that died and has not come back (never this process's own).
      await interruptOrphanedImportJobs(this.db, { nodeId: null, except: [...this.running.keys()] });
    } catch (err) {
      this.onError(err);
    }
  }
}
