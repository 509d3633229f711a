/**
 * Where an importer hands its mapped rows (ImportSink: core/import/import-batch.ts decides, tests
 * use an in-memory one), and the set-based writes a batch needs from the store (ImportWrites: db/
 * implements them, db/import-sink.ts, and decides nothing). Core defines both so that the importer
 * never imports db.
 */
import type { Incident, IncidentFields } from '../incident/schema';
import type { Operation, OperationFields } from '../operation/schema';

/** The store's side of an import batch, inside the batch's transaction: reads and writes, no rules. */
export interface ImportWrites {
  /** The stored records of either kind whose externalId is one of `externalIds` (one round trip each). */
  findByExternalIds(externalIds: string[]): Promise<{ incidents: Incident[]; operations: Operation[] }>;
  /**
   * Rewrites whole records in one statement, each only where the stored version is one below the
   * record's (no one else changed it since it was read); answers the ids that were not rewritten.
   */
  rewriteIncidents(records: Incident[]): Promise<string[]>;
  rewriteOperations(records: Operation[]): Promise<string[]>;
  /** Stamps records an import matched unchanged as synced now (not a new version, no change-log entry). */
  markSynced(entity: 'incident' | 'operation', ids: string[]): Promise<void>;
}

/** A row that passed CreateIncidentInput / CreateOperationInput: `input` is the parsed output. */
export type ImportItem =
  | { kind: 'incident'; externalId: string; input: IncidentFields }
  | { kind: 'operation'; externalId: string; input: OperationFields };

/**
 * Per item: inserted; matched an existing record and rewrote it (`changed`) or found it identical
 * (`unchanged`); or refused (why).
 */
export type WriteOutcome = 'imported' | 'changed' | 'unchanged' | { error: string };

export interface ImportSink {
  /**
   * Writes one batch and answers one outcome per item, in order.
   *
   * Guarantees the importer gives: a batch is never empty, holds at most `batchSize` items, and
   * never holds the same externalId twice (Postgres refuses `ON CONFLICT DO UPDATE` touching a row
   * twice in one statement), so a plain multi-row upsert is safe.
   *
   * Throw only when the store itself fails (connection lost): the importer then counts the
   * batch's rows as errors and stops reading, because every later batch would fail the same way.
   * Re-running the import is safe: upserts by externalId make it idempotent.
   */
  writeBatch(items: readonly ImportItem[]): Promise<WriteOutcome[]>;
}
