/**
 * What the domain needs from storage, as interfaces. db/ implements them (Drizzle over PGlite or
 * postgres.js); core never imports db.
 */
import type { Annotation } from './annotation/schema';
import type { Change } from './change/change';
import type { DuplicatesTx } from './duplicate/ports';
import type { ChangeAction, Entity, Role } from './enums';
import type { Group } from './group/schema';
import type { ImportWrites } from './import/import-sink';
import type { Incident } from './incident/schema';
import type { Operation } from './operation/schema';
import type { ReferenceFigure } from './reference-figure/schema';
import type { IncidentRollupWrite, OperationRollupWrite } from './rollup/narrow-rollups';

/** Who is acting: a signed-in user, an API token's owner, or the system (seed, import). */
export interface Actor {
  id: string | null;
  /** What the audit trail shows: an email, "token:<name>", "system:seed". */
  label: string;
  role: Role | 'system';
}

export interface RecordRepo<T extends { id: string }> {
  /** Reads a record; `lock` takes a row lock for the rest of the transaction. */
  get(id: string, opts?: { lock?: boolean }): Promise<T | null>;
  insert(record: T): Promise<void>;
  update(record: T): Promise<void>;
}

/** Batch paths for imports and seeding: one statement for many rows instead of one per row. */
export interface BulkRepo<T extends { id: string }> {
  insertMany(records: T[]): Promise<void>;
  /**
   * Inserts new records and adds their rollup contributions, summed per cell by the store itself
   * (one upsert per table), in place of insertMany + the kind's onChanges. Optional: stores
   * without it get insertMany and the deltas computed here.
   */
  insertManyRolledUp?(records: T[]): Promise<void>;
  /**
   * insertManyRolledUp and the records' change-log append (appendChanges) in as few statements as
   * the store can (one, for a create or a combined group): answers the stored changes. Optional.
   */
  insertCreated?(records: T[], changes: AppendChange[]): Promise<Change[]>;
  findByExternalIds(externalIds: string[]): Promise<T[]>;
}

export interface AppendChange {
  entity: Entity;
  action: ChangeAction;
  id: string;
  version: number;
  actor: Actor;
  before: unknown;
  after: unknown;
}

/** The first answer to a POST with an Idempotency-Key, scoped to who sent it and where. */
export interface IdempotencyRecord {
  key: string;
  actor: string;
  route: string;
  /** Hash of the request body: the same key with another body is a conflict, not a replay. */
  requestHash: string;
  status: number;
  response: unknown;
}

export interface WriteTx {
  incidents: RecordRepo<Incident> &
    BulkRepo<Incident> & {
      findByExternalId(externalId: string): Promise<Incident | null>;
      /**
       * What creates ask before they write, in one read: which of `externalIds` are taken (by
       * which incident id) and the named groups' short names. Optional.
       */
      lookUp?(
        externalIds: string[],
        groupIds: string[],
      ): Promise<{
        holders: Map<string, string>;
        groups: Map<string, { shortName: string; retracted: boolean }>;
      }>;
    };
  operations: RecordRepo<Operation> &
    BulkRepo<Operation> & { findByExternalId(externalId: string): Promise<Operation | null> };
  groups: RecordRepo<Group> & {
    findByShortName(shortName: string): Promise<Group | null>;
    /** A group's short name and whether it is retracted, without its estimates (one read). */
    nameOf?(id: string): Promise<{ shortName: string; retracted: boolean } | null>;
  };
  referenceFigures: RecordRepo<ReferenceFigure>;
  annotations: RecordRepo<Annotation>;
  /** Takes the next seq (commit order = seq order), stores the change and queues the wake-up NOTIFY. */
  appendChange(change: AppendChange): Promise<Change>;
  /** The same for many changes at once: consecutive seqs, one counter update, one NOTIFY. */
  appendChanges(changes: AppendChange[]): Promise<Change[]>;
  /** The change-log entries of one record, oldest first: how a retry finds what it already stored. */
  changesOf(entity: Entity, id: string): Promise<Change[]>;
  /** The reporting time zone the rollups are keyed in (the database's, checked at start). */
  readonly reportZone: string;
  /** Adds the cells core computed (merged, with their narrow projections) to the rollup tables. */
  applyIncidentRollup(write: IncidentRollupWrite): Promise<void>;
  applyOperationRollup(write: OperationRollupWrite): Promise<void>;
  /** The set-based writes of an import batch (core/import/import-batch.ts); optional like `idempotency`. */
  imports?: ImportWrites;
  /** Duplicate candidates and merges (core/duplicate); optional like `idempotency`. */
  duplicates?: DuplicatesTx;
  /**
   * Stored in the write's own transaction, so a replayed answer exists exactly when the write does.
   * Optional: only transports that accept Idempotency-Key need it (in-memory test stores omit it).
   */
  idempotency?: {
    get(scope: { key: string; actor: string; route: string }): Promise<IdempotencyRecord | null>;
    put(record: IdempotencyRecord): Promise<void>;
    /** Many keys of one actor and route in one read (a batch create); absent ones are left out. */
    getMany?(scopes: { key: string; actor: string; route: string }[]): Promise<IdempotencyRecord[]>;
    putMany?(records: IdempotencyRecord[]): Promise<void>;
  };
}

export interface Store {
  /** Runs `fn` in one transaction; all of its writes commit together or not at all. */
  transact<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
}

export interface Ctx {
  store: Store;
  actor: Actor;
  now: () => Date;
  newId: () => string;
  /** REPORT_TIMEZONE: the zone whose days inputs are read in (a date "after today" is refused). */
  reportZone: string;
}
