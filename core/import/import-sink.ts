/**
 * Where an importer hands its mapped rows. The database layer implements it (a multi-row upsert
 * keyed by externalId, with change-log rows and rollup deltas in the same transaction); tests use an
 * in-memory one. Core defines it so that the importer never imports db.
 */
import type { IncidentFields } from '../incident/schema';
import type { OperationFields } from '../operation/schema';

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
