/**
 * Read functions the pages and the API share, bound to the process's database. Pages call them
 * through getRuntime().reads so that database code is loaded once, by the server.
 */
import type { Position } from '../core/change/change';
import type { Database } from '../db/client';
import { readChangeRecordsAfter, readChangesAfter, readHistory, readPosition } from '../db/queries/changes';
import { createStatsReads } from '../db/queries/stats';

export function createReadModel(database: Database) {
  const db = database.db;
  return {
    position: (): Promise<Position> => readPosition(db),
    changesAfter: (epoch: string, after: number, limit: number) => readChangesAfter(db, epoch, after, limit),
    changeRecordsAfter: (epoch: string, after: number, limit: number) => readChangeRecordsAfter(db, epoch, after, limit),
    history: readHistory.bind(null, db),
    stats: createStatsReads(db),
  };
}

export type ReadModel = ReturnType<typeof createReadModel>;
