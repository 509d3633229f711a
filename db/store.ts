/**
 * The Store port over Drizzle: one transaction per verb writing the rows (db/repositories), the
 * change-log entries with their pg_notify wake-up (db/change-log.ts) and the rollup deltas
 * (db/rollups/write.ts). After commit the in-process 'commit' event wakes this node's live hub
 * without waiting for NOTIFY.
 */
import type { Change } from '../core/change/change';
import type { AppendChange, Store, WriteTx } from '../core/ports';
import type { Database } from './client';
import { appendChanges, changesOfInTx } from './change-log';
import { translateDriverError } from './driver-errors';
import { annotationRepo } from './repositories/annotations';
import { groupRepo } from './repositories/groups';
import { idempotencyRepo } from './repositories/idempotency-keys';
import { incidentRepo, incidentToRow } from './repositories/incidents';
import { operationRepo, operationToRow } from './repositories/operations';
import { referenceFigureRepo } from './repositories/reference-figures';
import { rollupWriter } from './rollups/write';
import {
  incidentContributionCtes,
  incidentContributionSql,
  operationContributionCtes,
  operationContributionSql,
  withSqlRollup,
} from './rollups/from-rows';
import { duplicatesTx } from './duplicates/duplicate-tx';
import { importWrites } from './import-sink';
import * as s from './schema';
import type { Tx } from './tx';

/** `committed` collects the changes the transaction appends, for the in-process wake-up. */
export function writeTx(tx: Tx, reportZone: string, committed: Change[] = []): WriteTx {
  return {
    reportZone,
    // Creates add their rollup contributions in SQL, with their change-log append (db/rollups/from-rows.ts).
    incidents: withSqlRollup(incidentRepo(tx), tx, {
      table: s.incidents,
      toRow: incidentToRow,
      contribution: (from) => incidentContributionSql(reportZone, from),
      contributionCtes: (source) => incidentContributionCtes(reportZone, source),
      committed,
    }),
    operations: withSqlRollup(operationRepo(tx), tx, {
      table: s.operations,
      toRow: operationToRow,
      contribution: (from) => operationContributionSql(reportZone, from),
      contributionCtes: (source) => operationContributionCtes(reportZone, source),
      committed,
    }),
    groups: groupRepo(tx),
    referenceFigures: referenceFigureRepo(tx),
    annotations: annotationRepo(tx),
    duplicates: duplicatesTx(tx),
    imports: importWrites(tx),
    async appendChange(c: AppendChange): Promise<Change> {
      const [change] = await appendChanges(tx, [c]);
      committed.push(change!);
      return change!;
    },
    async appendChanges(cs: AppendChange[]) {
      const changes = await appendChanges(tx, cs);
      committed.push(...changes);
      return changes;
    },
    changesOf: changesOfInTx(tx),
    ...rollupWriter(tx),
    idempotency: idempotencyRepo(tx),
  };
}

export function createStore(database: Database): Store {
  return {
    async transact(fn) {
      const committed: Change[] = [];
      // Whether COMMIT was sent decides what a lost connection means: before it, nothing was
      // saved; after it, the outcome is unknown until someone looks (core/write/exactly-once.ts).
      let commitSent = false;
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await database.db.transaction(async (tx) => {
          const value = await fn(writeTx(tx, database.reportZone, committed));
          commitSent = true;
          return value;
        });
      } catch (err) {
        throw translateDriverError(err, commitSent);
      }
      // The changes ride along: this node's hub can broadcast them without reading them back.
      database.events.emit('commit', committed);
      return result;
    },
  };
}
