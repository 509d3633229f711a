/**
 * Import jobs in the database (docs/adr/0031): registered when an upload starts, progress written
 * as it runs, the report when it ends. A job whose process died is marked `interrupted` with what
 * it had committed, counted from the change log: the entries after the job's start position that
 * its actor wrote for records of its source (a batch is one transaction, so these are exactly the
 * committed batches' rows).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ImportProgress, ImportReport } from '../core/import/import-report';
import type { Db } from './client';
import { importJobs } from './schema';
import { resultRows } from './result-rows';

export type ImportJobState = 'running' | 'done' | 'failed' | 'interrupted';

export interface StoredImportJob {
  id: string;
  owner: string;
  format: string | null;
  fileName: string | null;
  state: ImportJobState;
  startedAt: string;
  finishedAt: string | null;
  totalBytes: number | null;
  progress: ImportProgress;
  report: ImportReport | null;
  error: string | null;
  /** Rows written (imported + changed): from the report once done, from the change log after a crash. */
  committed: number | null;
  /** Change-log position of the last committed batch (null while running, or when nothing was written). */
  lastSeq: number | null;
}

export interface NewImportJob {
  id: string;
  owner: string;
  actorId: string | null;
  format: string | null;
  fileName: string | null;
  nodeId: string;
  totalBytes: number | null;
}

const EMPTY: ImportProgress = { rows: 0, imported: 0, updated: 0, skipped: 0, errorCount: 0, bytesRead: 0 };

/** A running job whose heartbeat is older than this lost its process (heartbeats come every 10 s). */
export const STALE_AFTER_SECONDS = 60;

type Row = typeof importJobs.$inferSelect;

const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

function toJob(r: Row): StoredImportJob {
  return {
    id: r.id,
    owner: r.ownerId,
    format: r.format,
    fileName: r.fileName,
    state: r.state as ImportJobState,
    startedAt: iso(r.startedAt)!,
    finishedAt: iso(r.finishedAt),
    totalBytes: r.totalBytes,
    progress: r.progress as ImportProgress,
    report: (r.report as ImportReport | null) ?? null,
    error: r.error,
    committed: r.committed,
    lastSeq: r.lastSeq,
  };
}

/**
 * Registers a job at the current change-log position; false if that id is running, or belongs to
 * another user (an id is never taken over: its report is theirs). The owner may reuse a finished id.
 */
export async function startImportJob(db: Db, job: NewImportJob): Promise<boolean> {
  const result = (await db.execute(sql`
    INSERT INTO import_jobs (id, owner_id, actor_id, format, file_name, state, node_id, total_bytes, progress, start_seq)
    VALUES (${job.id}, ${job.owner}, ${job.actorId}, ${job.format}, ${job.fileName}, 'running', ${job.nodeId},
      ${job.totalBytes}, ${JSON.stringify(EMPTY)}::jsonb, (SELECT top FROM stream_meta WHERE id = 1))
    ON CONFLICT (id) DO UPDATE SET
      actor_id = EXCLUDED.actor_id, format = EXCLUDED.format, file_name = EXCLUDED.file_name, state = 'running',
      node_id = EXCLUDED.node_id, heartbeat_at = now(), total_bytes = EXCLUDED.total_bytes,
      progress = EXCLUDED.progress, report = NULL, error = NULL, start_seq = EXCLUDED.start_seq,
      last_seq = NULL, committed = NULL, started_at = now(), finished_at = NULL
    WHERE import_jobs.state <> 'running' AND import_jobs.owner_id = EXCLUDED.owner_id
    RETURNING id`)) as unknown;
  return resultRows(result).length === 1;
}

/** Writes a running job's progress (and renews its heartbeat). */
export async function saveImportProgress(db: Db, id: string, progress: ImportProgress): Promise<void> {
  await db
    .update(importJobs)
    .set({ progress, heartbeatAt: sql`now()` })
    .where(and(eq(importJobs.id, id), eq(importJobs.state, 'running')));
}

/** Renews the heartbeat of the jobs this process runs. */
export async function heartbeatImportJobs(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(
    sql`UPDATE import_jobs SET heartbeat_at = now() WHERE state = 'running' AND id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

/**
 * A job's end. Done: the report's counts are what was committed. Failed: counted from the change
 * log, since a failure may come between a batch's commit and its tally.
 */
export async function finishImportJob(
  db: Db,
  id: string,
  end: { state: 'done'; report: ImportReport; progress: ImportProgress } | { state: 'failed'; error: string },
): Promise<void> {
  if (end.state === 'done') {
    await db.execute(sql`UPDATE import_jobs SET state = 'done', report = ${JSON.stringify(end.report)}::jsonb,
        progress = ${JSON.stringify(end.progress)}::jsonb, format = COALESCE(${end.report.format}, format),
        committed = ${end.report.imported + end.report.changed}, finished_at = now(), heartbeat_at = now(),
        last_seq = (${lastWrite(sql`import_jobs`)})
      WHERE id = ${id}`);
    return;
  }
  await db.execute(sql`UPDATE import_jobs SET state = 'failed', error = ${end.error}, finished_at = now(),
      committed = (${writtenRows(sql`import_jobs`)}), last_seq = (${lastWrite(sql`import_jobs`)})
    WHERE id = ${id}`);
}

/** The change-log entries a job wrote: after its start, by its actor, for records of its source. */
function jobWrites(job: ReturnType<typeof sql>) {
  return sql`FROM changes c WHERE c.seq > ${job}.start_seq AND c.actor_id = ${job}.actor_id
    AND c.entity IN ('incident', 'operation') AND c.action IN ('created', 'updated')
    AND c.after->>'externalId' LIKE (CASE WHEN ${job}.format IS NULL THEN '%:%' ELSE ${job}.format || ':%' END)`;
}
const writtenRows = (job: ReturnType<typeof sql>) => sql`SELECT count(*) ${jobWrites(job)}`;
const lastWrite = (job: ReturnType<typeof sql>) => sql`SELECT max(c.seq) ${jobWrites(job)}`;

/**
 * Marks the jobs a dead process left running as interrupted, with the rows they had committed.
 * `nodeId`: this node's earlier jobs (its previous process is gone, since this one is starting);
 * `all`: every running job (PGlite: one process owns the data directory). Jobs of any node whose
 * heartbeat went stale are interrupted too (a node that never came back). Returns their ids.
 */
export async function interruptOrphanedImportJobs(
  db: Db,
  scope: { nodeId: string | null; all?: boolean; except?: string[] },
): Promise<string[]> {
  const mine = scope.all ? sql`TRUE` : scope.nodeId === null ? sql`FALSE` : sql`j.node_id = ${scope.nodeId}`;
  const except =
    scope.except && scope.except.length > 0
      ? sql`AND j.id NOT IN (${sql.join(
          scope.except.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
  const result = (await db.execute(sql`UPDATE import_jobs j SET state = 'interrupted', finished_at = now(),
      committed = (${writtenRows(sql`j`)}), last_seq = (${lastWrite(sql`j`)})
    WHERE j.state = 'running' ${except}
      AND (${mine} OR j.heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS}))
    RETURNING j.id`)) as unknown;
  return resultRows<{ id: string }>(result).map((r) => r.id);
}

/** The job if `owner` started it; null for an unknown id and for anyone else's (the same answer). */
export async function getImportJob(db: Db, id: string, owner: string): Promise<StoredImportJob | null> {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.ownerId, owner)));
  return row ? toJob(row) : null;
}

/** A user's most recent jobs, newest first. */
export async function recentImportJobs(db: Db, owner: string, limit = 20): Promise<StoredImportJob[]> {
  const rows = await db
    .select()
    .from(importJobs)
    .where(eq(importJobs.ownerId, owner))
    .orderBy(desc(importJobs.startedAt))
    .limit(limit);
  return rows.map(toJob);
}
