/**
 * Read functions the pages and the API share, bound to the process's database. Pages call them
 * through getRuntime().reads so that database code is loaded once, by the server.
 */
import type { Position } from '../core/change/change';
import type { Database } from '../db/client';
import { readChangeRecordsAfter, readChangesAfter, readHistory, readPosition } from '../db/change-log';
import { createStatsReads } from '../db/queries/stats';
import { createDashboardReads } from '../db/queries/dashboard';
import { countIncidents, getIncident, listIncidents } from '../db/queries/incidents';
import { countOperations, getOperation, listOperations } from '../db/queries/operations';
import {
  getAnnotation,
  getGroup,
  getReferenceFigure,
  listAnnotations,
  listGroups,
  listReferenceFigures,
} from '../db/queries/reference';
import { findUserByEmail, listTokens, listUsers } from '../db/queries/users';
import { countUnresolved, listCandidates, mergedInto } from '../db/duplicates/duplicate-reads';

export type { TokenRow, UserRow } from '../db/queries/users';

export function createReadModel(database: Database) {
  const db = database.db;
  return {
    position: (): Promise<Position> => readPosition(db),
    changesAfter: (epoch: string, after: number, limit: number) => readChangesAfter(db, epoch, after, limit),
    changeRecordsAfter: (epoch: string, after: number, limit: number) =>
      readChangeRecordsAfter(db, epoch, after, limit),
    history: readHistory.bind(null, db),
    stats: createStatsReads(db, database.reportZone),
    dashboard: createDashboardReads(db, database.reportZone),
    incidents: {
      list: listIncidents.bind(null, db),
      get: getIncident.bind(null, db),
      count: countIncidents.bind(null, db),
    },
    operations: {
      list: listOperations.bind(null, db),
      get: getOperation.bind(null, db),
      count: countOperations.bind(null, db),
    },
    groups: { list: listGroups.bind(null, db), get: getGroup.bind(null, db) },
    referenceFigures: { list: listReferenceFigures.bind(null, db), get: getReferenceFigure.bind(null, db) },
    annotations: { list: listAnnotations.bind(null, db), get: getAnnotation.bind(null, db) },
    /** Unresolved duplicate candidates of a period (local days, inclusive): the overview's notice. */
    duplicates: {
      list: listCandidates.bind(null, db),
      unresolvedIn: (period: { from?: string; to?: string }) => countUnresolved(db, period),
      /** The records merged into an incident and not split out (its page's split control). */
      mergedInto: (id: string) => mergedInto(db, id),
    },
    users: {
      list: () => listUsers(db),
      tokens: () => listTokens(db),
      byEmail: (email: string) => findUserByEmail(db, email),
    },
  };
}

export type ReadModel = ReturnType<typeof createReadModel>;
