/**
 * The store's side of an import batch (core/import/import-sink.ts ImportWrites), inside the
 * batch's transaction: the external-id look-up, the set-based rewrite of changed rows and the sync
 * stamp of unchanged ones. It decides nothing: which rows are new, changed, unchanged or refused,
 * the retries and the change-log rows are core's (core/import/import-batch.ts); new rows go through
 * the repositories' batch insert with their rollups summed in SQL (db/rollups/from-rows.ts).
 */
import { inArray, sql } from 'drizzle-orm';
import type { ImportWrites } from '../core/import/import-sink';
import { isConnectionFailure } from './driver-errors';
import { rewriteRowsSql } from './json-recordset';
import { incidentFromRow, incidentToRow } from './repositories/incidents';
import { operationFromRow, operationToRow } from './repositories/operations';
import { resultRows } from './result-rows';
import * as s from './schema';
import type { Tx } from './tx';

/** The store itself failed, as opposed to a row (db/driver-errors.ts says which errors those are). */
export const isStoreFailure = isConnectionFailure;

/** Rewrites `rows` (already in column form) and answers the ids that were not (their version moved). */
async function rewrite(tx: Tx, table: typeof s.incidents | typeof s.operations, ids: string[], rows: unknown[]) {
  if (rows.length === 0) return [];
  const done = new Set(
    resultRows<{ id: string }>(await tx.execute(rewriteRowsSql(table, rows as Record<string, unknown>[]))).map(
      (r) => r.id,
    ),
  );
  return ids.filter((id) => !done.has(id));
}

export function importWrites(tx: Tx): ImportWrites {
  return {
    async findByExternalIds(externalIds) {
      if (externalIds.length === 0) return { incidents: [], operations: [] };
      // In turn, not in parallel: a transaction is one connection, and a failed first query must
      // not leave a second one running into the rollback.
      const incidents = await tx.select().from(s.incidents).where(inArray(s.incidents.externalId, externalIds));
      const operations = await tx.select().from(s.operations).where(inArray(s.operations.externalId, externalIds));
      return { incidents: incidents.map(incidentFromRow), operations: operations.map(operationFromRow) };
    },
    rewriteIncidents: (records) =>
      rewrite(
        tx,
        s.incidents,
        records.map((r) => r.id),
        records.map(incidentToRow),
      ),
    rewriteOperations: (records) =>
      rewrite(
        tx,
        s.operations,
        records.map((r) => r.id),
        records.map(operationToRow),
      ),
    async markSynced(entity, ids) {
      if (ids.length === 0) return;
      const table = entity === 'incident' ? s.incidents : s.operations;
      await tx
        .update(table)
        .set({ syncedAt: sql`now()` })
        .where(inArray(table.id, ids));
    },
  };
}
