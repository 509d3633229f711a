/**
 * Import jobs (docs/adr/0031): one row per file import, written as it runs, so its progress, its
 * report and, after a crash, what it had committed outlive the process that ran it.
 */
import { bigint, check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { oneOf } from './columns';

export const IMPORT_JOB_STATES = ['running', 'done', 'failed', 'interrupted'] as const;

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const importJobs = pgTable(
  'import_jobs',
  {
    /** The client's Import-Job id (or one the server generated). */
    id: text('id').primaryKey(),
    /** The user who started it: only they may read it. */
    ownerId: text('owner_id').notNull(),
    /** The actor id the import's change-log entries carry (the owner's, for a session or a token). */
    actorId: text('actor_id'),
    /** The format named, or the one the header gave once read; null until then. */
    format: text('format'),
    fileName: text('file_name'),
    state: text('state').notNull(),
    /** The node that runs it; after a restart of that node its running jobs are interrupted. */
    nodeId: text('node_id').notNull(),
    /** Renewed while it runs: a running job whose heartbeat went stale lost its process. */
    heartbeatAt: ts('heartbeat_at').notNull().defaultNow(),
    totalBytes: bigint('total_bytes', { mode: 'number' }),
    /** ImportProgress: rows, imported, updated, skipped, errorCount, bytesRead. */
    progress: jsonb('progress').notNull(),
    /** The final ImportReport (done), or the one up to the failure. */
    report: jsonb('report'),
    error: text('error'),
    /** The change-log top when it started: its writes are the entries after it. */
    startSeq: bigint('start_seq', { mode: 'number' }).notNull(),
    /** The change-log position of its last committed batch (known exactly once it ends). */
    lastSeq: bigint('last_seq', { mode: 'number' }),
    /** Rows written (imported + changed) by the change log; set when a job is interrupted. */
    committed: bigint('committed', { mode: 'number' }),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    check('import_jobs_state_valid', oneOf('state', IMPORT_JOB_STATES)),
    // A user's recent jobs on the import page: WHERE owner_id = ? ORDER BY started_at DESC LIMIT n.
    index('import_jobs_owner_idx').on(t.ownerId, t.startedAt),
    // The start-up and stale sweeps: WHERE state = 'running'.
    index('import_jobs_running_idx')
      .on(t.nodeId)
      .where(sql`${t.state} = 'running'`),
  ],
);
