/**
 * The sync's ONE coupling to the importer: API rows go through the same import verb as an uploaded
 * ACLED file (`writes.importRows`, format `acled`: the ACLED adapter's mapping and classification,
 * source id `acled:<event_id_cnty>`, db/import-sink.ts upserts, change log, rollups, live updates),
 * and ACLED's deletions become retractions of the records that import made. When the importer's
 * entry point or its source ids change, this file is the one to re-point.
 *
 * Each API row is handed over as the cells of ACLED's current export columns, in one order (the
 * importer takes its header from the first row), so a sync and a file of the same events give the
 * same records. A page that fails to arrive ends the rows there: what was read is saved, and the
 * report's `stopped` says why. The importer's line numbers mean nothing to an API reader: each row
 * error is named by its event id.
 */
import { ACLED_CURRENT_COLUMNS } from '../import/acled-columns';
import { emptyImportReport, type ImportError, type ImportReport } from '../import/import-report';
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

export function acledSyncTarget(opts: {
  ctx: Ctx;
  writes: Pick<WriteVerbs, 'importRows' | 'retractIncident' | 'retractOperation'>;
  /** Import arrests and strikes by state forces as operations (the file import's `operations=1`). */
  operations: boolean;
}): SyncTarget {
  const { ctx, writes } = opts;
  return {
    async importPages(pages) {
      // The importer numbers the header line 1 and each row after it: line → event id.
      const eventAt = new Map<number, string>();
      let read = 0;
      let stoppedBy: ImportError | null = null;
      async function* rows() {
        try {
          for await (const page of pages)
            for (const row of page) {
              read += 1;
              eventAt.set(read + 1, rowEventId(row) ?? `row ${read}`);
              yield Object.fromEntries(ACLED_CURRENT_COLUMNS.map((c) => [c, cellText(row[c])]));
            }
        } catch (err) {
          // Ends the rows here; the importer saves those before it and reports them.
          stoppedBy = { line: read + 1, message: err instanceof Error ? err.message : String(err) };
        }
      }
      const report = await writes.importRows({
        ctx,
        rows: rows(),
        format: 'acled',
        options: { operations: opts.operations },
      });
      // No row at all (nothing new since the last run) is not an empty file.
      const base = read === 0 ? { ...emptyImportReport(), format: report.format ?? 'acled' } : report;
      const name = (e: ImportError): ImportError => {
        const id = eventAt.get(e.line);
        return id ? { line: e.line, message: `event ${id}: ${e.message}` } : e;
      };
      const stopped = stoppedBy ?? base.stopped;
      const errors = base.errors.slice(0, base.stopped ? -1 : undefined).map(name);
      return { ...base, errors: stopped ? [...errors, stopped] : errors, stopped };
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
