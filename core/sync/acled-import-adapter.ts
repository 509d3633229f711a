/**
 * The sync's ONE coupling to the importer: API rows go through the same ACLED import verb as an
 * uploaded file (parser, classification, source id `acled:<event_id_cnty>`, db/import-sink.ts
 * upserts, change log, rollups, live updates), and ACLED's deletions become retractions of the
 * records that import made. When the importer's entry point or its source ids change, this file is
 * the one to re-point.
 *
 * The rows are handed to the importer as the CSV text of ACLED's current export (header by name),
 * page by page as they arrive, so a sync and a file of the same events give the same records. The
 * importer's line numbers mean nothing to an API reader: each row error is named by its event id.
 */
import { stringify } from 'csv-stringify/sync';
import { ACLED_CURRENT_COLUMNS } from '../import/acled-columns';
import type { ImportError, ImportReport } from '../import/import-report';
import type { WriteVerbs } from '../write/write-verbs';
import type { Ctx } from '../ports';
import { cellText, rowEventId } from './acled-api-rows';

export const DELETED_BY_SOURCE = 'deleted by the source';

/** What happened to the event ids of the deleted-events feed that name Pakistan or Afghanistan. */
export interface DeletionTally {
  /** Ids in the feed for the synced countries. */
  listed: number;
  retracted: number;
  /** Already retracted here (by an earlier sync or an operator). */
  alreadyRetracted: number;
  /** No record here has that event id (never imported, or out of scope). */
  notHeld: number;
  errors: { eventId: string; message: string }[];
}

export const emptyDeletions = (): DeletionTally => ({
  listed: 0,
  retracted: 0,
  alreadyRetracted: 0,
  notHeld: 0,
  errors: [],
});

export interface SyncTarget {
  /** Imports the rows of every page; a page that throws stops the import (rows before it are saved). */
  importPages(pages: AsyncIterable<readonly Record<string, unknown>[]>): Promise<ImportReport>;
  /** Retracts the records of these ACLED event ids, with the reason "deleted by the source". */
  retractDeleted(eventIds: readonly string[], tally: DeletionTally): Promise<void>;
}

const externalId = (eventId: string) => `acled:${eventId}`;
const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

export function acledSyncTarget(opts: {
  ctx: Ctx;
  writes: Pick<WriteVerbs, 'importAcled' | 'retractIncident' | 'retractOperation'>;
  /** Import arrests and strikes by state forces as operations (the file import's `operations=1`). */
  operations: boolean;
}): SyncTarget {
  const { ctx, writes } = opts;
  return {
    async importPages(pages) {
      // Physical line where each record starts → its event id (the header is line 1).
      const eventAt = new Map<number, string>();
      let line = 1;
      let stoppedBy: string | null = null;
      async function* csv() {
        yield stringify([ACLED_CURRENT_COLUMNS as unknown as string[]]);
        try {
          for await (const rows of pages) {
            const records = rows.map((row) => ACLED_CURRENT_COLUMNS.map((c) => cellText(row[c])));
            let text = '';
            for (const [i, record] of records.entries()) {
              const one = stringify([record]);
              line += 1;
              eventAt.set(line, rowEventId(rows[i]!) ?? `row ${line - 1}`);
              line += lineBreaks(one.slice(0, -1));
              text += one;
            }
            if (text !== '') yield text;
          }
        } catch (err) {
          stoppedBy = err instanceof Error ? err.message : String(err);
          throw err;
        }
      }
      const report = await writes.importAcled({ ctx, input: csv(), options: { operations: opts.operations } });
      const name = (e: ImportError): ImportError => {
        const id = eventAt.get(e.line);
        return id ? { line: e.line, message: `event ${id}: ${e.message}` } : e;
      };
      const stopped =
        report.stopped && stoppedBy !== null ? { line: report.stopped.line, message: stoppedBy } : report.stopped;
      const errors = report.errors.slice(0, report.stopped ? -1 : undefined).map(name);
      return { ...report, errors: stopped ? [...errors, stopped] : errors, stopped };
    },

    async retractDeleted(eventIds, tally) {
      const ids = [...new Set(eventIds)];
      if (ids.length === 0) return;
      tally.listed += ids.length;
      const found = await ctx.store.transact(async (tx) => ({
        incidents: await tx.incidents.findByExternalIds(ids.map(externalId)),
        operations: await tx.operations.findByExternalIds(ids.map(externalId)),
      }));
      const held = new Map<string, { kind: 'incident' | 'operation'; id: string; retracted: boolean }>();
      for (const r of found.incidents)
        held.set(r.externalId!, { kind: 'incident', id: r.id, retracted: !!r.retractedAt });
      for (const r of found.operations)
        held.set(r.externalId!, { kind: 'operation', id: r.id, retracted: !!r.retractedAt });
      for (const eventId of ids) {
        const record = held.get(externalId(eventId));
        if (!record) tally.notHeld += 1;
        else if (record.retracted) tally.alreadyRetracted += 1;
        else {
          const retract = record.kind === 'incident' ? writes.retractIncident : writes.retractOperation;
          try {
            await retract({ ctx, id: record.id, input: { reason: DELETED_BY_SOURCE } });
            tally.retracted += 1;
          } catch (err) {
            tally.errors.push({ eventId, message: err instanceof Error ? err.message : String(err) });
          }
        }
      }
    },
  };
}
