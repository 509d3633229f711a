/**
 * The ACLED sync's status as GET /api/acled-sync answers it, read and checked before the page
 * relies on it (server/sync/acled-sync-service.ts declares the shape). Framework-free.
 */
import type { AcledSyncRun, AcledSyncStatus } from '@/server/sync/acled-sync-service';

export type { AcledSyncRun, AcledSyncStatus };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readSyncStatus(v: unknown): AcledSyncStatus {
  if (
    !isObject(v) ||
    !isObject(v.account) ||
    !isObject(v.settings) ||
    !Array.isArray(v.runs) ||
    typeof v.running !== 'boolean'
  )
    throw new Error('not a sync status');
  return v as unknown as AcledSyncStatus;
}

/** ACLED's `timestamp` (Unix seconds) as an ISO instant, or null. */
export const cursorInstant = (seconds: number | null): string | null =>
  seconds === null ? null : new Date(seconds * 1000).toISOString();

/** One line for a run in a list: what it did, or why it failed. */
export function runSummary(run: AcledSyncRun): string {
  if (run.state === 'running') return 'running…';
  const r = run.result?.report;
  const d = run.result?.deletions;
  const parts: string[] = [];
  if (r) parts.push(`${r.rows.toLocaleString('en')} events read: ${r.imported} new, ${r.changed} changed`);
  if (d && d.retracted > 0) parts.push(`${d.retracted} retracted (deleted by ACLED)`);
  if (r && r.errorCount > 0) parts.push(`${r.errorCount} row errors`);
  if (run.state === 'failed') parts.push(`failed: ${run.error ?? 'unknown error'}`);
  return parts.join(' · ') || (run.state === 'succeeded' ? 'nothing new' : '');
}
