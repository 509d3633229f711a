/**
 * One ACLED sync run: events added or changed since the last successful run (ACLED's `timestamp`,
 * the Unix second of an event's last change), page by page into the importer, then the
 * deleted-events feed since the last run as retractions.
 *
 * Cursors move only on success, and each to the largest value ACLED itself sent (never our clock,
 * so clock skew cannot skip an event). The `timestamp` filter is read as "at or after" (the next
 * run asks again from the last second seen): an event read twice is matched by its id and left
 * unchanged, one skipped would be lost. A run that fails part-way keeps the old cursor; the rows
 * it saved are found again next time and counted `unchanged`.
 */
import type { ImportReport } from '../import/import-report';
import { AcledApiError, type AcledApiClient } from './acled-api-client';
import { emptyDeletions, type DeletionTally, type SyncTarget } from './acled-import-adapter';
import { rowEventId, rowTimestamp } from './acled-api-rows';

/** The countries the dashboard covers, as ACLED names them. */
export const SYNC_COUNTRIES = ['Pakistan', 'Afghanistan'] as const;
/** ACLED's event ids start with the country's ISO 3166 alpha-3 code. */
const COVERED_ID = /^(PAK|AFG)\d/i;

export interface AcledSyncCursor {
  /** Largest `timestamp` of the events read by the last successful run; null: never synced. */
  eventsSince: number | null;
  /** Largest `deleted_timestamp` read from the deleted-events feed; null: never read. */
  deletedSince: number | null;
}

export interface AcledSyncResult {
  ok: boolean;
  report: ImportReport | null;
  deletions: DeletionTally;
  cursor: AcledSyncCursor;
  pages: { events: number; deleted: number };
  requests: number;
  rateLimitWaits: number;
  reauthentications: number;
  error: string | null;
  /** When ACLED asked to come back (a 429's Retry-After), for the scheduler's backoff. */
  retryAfterMs: number | null;
}

export interface RunAcledSyncArgs {
  client: AcledApiClient;
  target: SyncTarget;
  cursor: AcledSyncCursor;
  /** Rows a page (ACLED's `limit`; default 5000). */
  pageSize?: number;
  /**
   * The earliest event date synced (YYYY-MM-DD), on every run: without it the first run reads all
   * of ACLED's history for the two countries, and later runs take corrections of any date.
   */
  firstFrom?: string | null;
  /** Today as YYYY-MM-DD (UTC): the date range ends a day later, as Pakistan's day runs ahead of UTC. */
  today: string;
  /** Stops a runaway paging loop (an API that ignores `page`). */
  maxPages?: number;
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function runAcledSync(args: RunAcledSyncArgs): Promise<AcledSyncResult> {
  const { client, target } = args;
  const limit = args.pageSize ?? 5000;
  const maxPages = args.maxPages ?? 10_000;
  const pages = { events: 0, deleted: 0 };
  const deletions = emptyDeletions();
  const cursor = { ...args.cursor };
  let report: ImportReport | null = null;
  const finish = (error: unknown): AcledSyncResult => ({
    ok: error === null,
    report,
    deletions,
    cursor,
    pages,
    requests: client.requests,
    rateLimitWaits: client.rateLimitWaits,
    reauthentications: client.reauthentications,
    error: error === null ? null : message(error),
    retryAfterMs: error instanceof AcledApiError ? error.retryAfterMs : null,
  });

  // 1. Events. Any failure while paging stops the import; the page's error is the run's error.
  const eventQuery: Record<string, string> = { country: SYNC_COUNTRIES.join('|'), limit: String(limit) };
  if (args.cursor.eventsSince !== null) eventQuery.timestamp = String(args.cursor.eventsSince);
  if (args.firstFrom) {
    eventQuery.event_date = `${args.firstFrom}|${dayAfter(args.today)}`;
    eventQuery.event_date_where = 'BETWEEN';
  }
  let maxSeen = args.cursor.eventsSince;
  let pageError: unknown = null;
  async function* eventPages() {
    try {
      yield* pagesOf(
        (page) => client.readEvents({ ...eventQuery, page: String(page) }),
        limit,
        maxPages,
        (rows) => {
          pages.events += 1;
          for (const row of rows) {
            const t = rowTimestamp(row);
            if (t !== null && (maxSeen === null || t > maxSeen)) maxSeen = t;
          }
        },
      );
    } catch (err) {
      pageError = err;
      throw err;
    }
  }
  report = await target.importPages(eventPages());
  if (pageError !== null) return finish(pageError);
  // A store failure stops the import too (the report says so): the cursor stays, the run failed.
  if (report.stopped) return finish(new Error(`the import stopped: ${report.stopped.message}`));
  cursor.eventsSince = maxSeen;

  // 2. Deletions (the feed is global: only Pakistan's and Afghanistan's ids can name our records).
  const deletedQuery: Record<string, string> = { limit: String(limit) };
  if (args.cursor.deletedSince !== null) deletedQuery.deleted_timestamp = String(args.cursor.deletedSince);
  let maxDeleted = args.cursor.deletedSince;
  try {
    for await (const rows of pagesOf(
      (page) => client.readDeleted({ ...deletedQuery, page: String(page) }),
      limit,
      maxPages,
      () => (pages.deleted += 1),
    )) {
      const ids: string[] = [];
      for (const row of rows) {
        const t = rowTimestamp(row, 'deleted_timestamp');
        if (t !== null && (maxDeleted === null || t > maxDeleted)) maxDeleted = t;
        const id = rowEventId(row);
        if (id !== null && COVERED_ID.test(id)) ids.push(id);
      }
      await target.retractDeleted(ids, deletions);
    }
  } catch (err) {
    return finish(err);
  }
  cursor.deletedSince = maxDeleted;
  return finish(null);
}

/** Pages 1, 2, … until one holds fewer rows than `limit`. */
async function* pagesOf(
  read: (page: number) => Promise<{ rows: Record<string, unknown>[] }>,
  limit: number,
  maxPages: number,
  seen: (rows: Record<string, unknown>[]) => void,
): AsyncGenerator<Record<string, unknown>[]> {
  let previousFirst: string | null = null;
  for (let page = 1; page <= maxPages; page++) {
    const { rows } = await read(page);
    const first = rows.length > 0 ? JSON.stringify(rows[0]) : null;
    // An API that ignores `page` would hand the first page back for ever.
    if (first !== null && first === previousFirst)
      throw new AcledApiError('format', `ACLED answered page ${page} with the rows of page ${page - 1}`);
    previousFirst = first;
    seen(rows);
    if (rows.length > 0) yield rows;
    if (rows.length < limit) return;
  }
  throw new AcledApiError('format', `more than ${maxPages} pages: stopped`);
}
