/**
 * The life cycle every recorded entity shares: create at version 1, update against an expected
 * version, retract with a reason (never delete). Each step is one transaction that writes the row,
 * its change-log entry and (through `onChange`) the rollup delta. The per-entity verbs configure it.
 */
import type { Versioned } from './common-schemas';
import type { ZodError } from 'zod';
import { ConflictError, DomainError, NotFoundError, parseInput, ValidationError } from './errors';
import type { Entity } from './enums';
import type { AppendChange, BulkRepo, Ctx, RecordRepo, WriteTx } from './ports';
import type { Change } from './change/change';
import { applyMergePatch, type JsonObject } from './merge-patch';

export interface RecordKind<T extends Versioned> {
  entity: Entity;
  label: string;
  repo(tx: WriteTx): RecordRepo<T>;
  /**
   * Derived fields and cross-record checks (e.g. the group exists), inside the transaction.
   * `batch`: the caller already checked external ids for the whole batch.
   */
  complete?(tx: WriteTx, record: T, batch?: boolean): Promise<T>;
  /**
   * Reads ahead, in one statement where the store can, what `complete` of these new records will
   * ask (their groups); with `externalIds`, also who holds their external ids (the answer: a map
   * from external id to the id of the record holding it, or null when the store cannot say).
   */
  prefetch?(tx: WriteTx, records: T[], opts: { externalIds: boolean }): Promise<Map<string, string> | null>;
  /** Side effects of a set of changes (rollup deltas), applied together. */
  onChanges?(tx: WriteTx, changes: [before: T | null, after: T][]): Promise<void>;
  /** For kinds with external ids: the batch paths. */
  bulk?(tx: WriteTx): BulkRepo<T>;
  /**
   * The create schema: an update is checked as a whole record after merging, so a patch cannot
   * pass alone and break a rule that spans fields (a range without its high value, one coordinate).
   */
  schema?: { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: ZodError } };
  /** The same schema read against the verb's clock in the reporting zone (no occurrence after now); preferred when given. */
  schemaAt?(now: Date, reportZone: string): NonNullable<RecordKind<T>['schema']>;
  /** Fields computed by `complete`, left out of that check. */
  derived?: readonly string[];
}

const VERSIONED_KEYS = [
  'id',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'retractedAt',
  'retractedBy',
  'retractionReason',
  // Provenance an import stamps (docs/adr/0022), not a field an editor sets.
  'syncedAt',
];

/** The fields an editor sets: the record without its versioning and derived fields. */
function editable<T extends Versioned>(kind: RecordKind<T>, record: T): JsonObject {
  const skip = new Set([...VERSIONED_KEYS, ...(kind.derived ?? [])]);
  return Object.fromEntries(Object.entries(record).filter(([k]) => !skip.has(k)));
}

/**
 * The record a merge patch makes of `before`, validated whole with the create schema: errors name
 * the field by its path in the record, which is its path in the patch.
 */
function mergeRecord<T extends Versioned>(
  kind: RecordKind<T>,
  before: T,
  patch: JsonObject,
  now: Date,
  reportZone: string,
): Partial<T> {
  const merged = applyMergePatch(editable(kind, before), patch);
  // The create schema against the writer's clock: an edit cannot move an occurrence past now either.
  const schema = kind.schemaAt?.(now, reportZone) ?? kind.schema;
  if (!schema) return merged as Partial<T>;
  return parseInput(schema, merged) as Partial<T>;
}

export interface WriteResult<T> {
  record: T;
  change: Change;
}

/**
 * What names one write across its attempts: fixed before the first transaction, so a retry after
 * an unknown commit writes the same record (same id, same timestamp) and can recognise its own
 * earlier commit (docs/adr/0013-write-path.md).
 */
export interface WritePlan {
  id: string;
  at: string;
  by: string;
}

export function planWrite(ctx: Ctx, id: string = ctx.newId()): WritePlan {
  return { id, at: ctx.now().toISOString(), by: ctx.actor.label };
}

function stamp(ctx: Ctx) {
  return { at: ctx.now().toISOString(), by: ctx.actor.label };
}

/** Version 1 of a record: its planned id (or a new one), authored now, not retracted. */
function newRecord<T extends Versioned>(
  ctx: Ctx,
  fields: Omit<T, keyof Versioned>,
  { at, by, id }: { at: string; by: string; id?: string },
): T {
  return {
    ...fields,
    id: id ?? ctx.newId(),
    version: 1,
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
    retractedAt: null,
    retractedBy: null,
    retractionReason: null,
  } as T;
}

export async function createRecord<T extends Versioned>(
  ctx: Ctx,
  kind: RecordKind<T>,
  fields: Omit<T, keyof Versioned>,
  tx?: WriteTx,
  plan?: WritePlan,
): Promise<WriteResult<T>> {
  const run = async (t: WriteTx) => {
    let record = newRecord<T>(ctx, fields, plan ?? stamp(ctx));
    await kind.prefetch?.(t, [record], { externalIds: true });
    if (kind.complete) record = await kind.complete(t, record);
    const created: AppendChange = {
      entity: kind.entity,
      action: 'created',
      id: record.id,
      version: 1,
      actor: ctx.actor,
      before: null,
      after: record,
    };
    // The row, its rollup cells and its change in one statement where the store can.
    const bulk = kind.bulk?.(t);
    if (bulk?.insertCreated) {
      const [change] = await bulk.insertCreated([record], [created]);
      return { record, change: change! };
    }
    await kind.repo(t).insert(record);
    await kind.onChanges?.(t, [[null, record]]);
    const change = await t.appendChange(created);
    return { record, change };
  };
  return tx ? run(tx) : ctx.store.transact(run);
}

export async function updateRecord<T extends Versioned>(
  ctx: Ctx,
  kind: RecordKind<T>,
  id: string,
  expectedVersion: number,
  /** A JSON Merge Patch (core/merge-patch.ts) of the editable fields. */
  patch: JsonObject,
  tx?: WriteTx,
  plan?: Pick<WritePlan, 'at' | 'by'>,
): Promise<WriteResult<T>> {
  const run = async (t: WriteTx) => {
    const before = await kind.repo(t).get(id, { lock: true });
    if (!before) throw new NotFoundError(kind.label, id);
    if (before.retractedAt)
      throw new ConflictError(`${kind.label} ${id} was retracted and can no longer be edited`, before);
    if (before.version !== expectedVersion) {
      throw new ConflictError(
        `${kind.label} ${id} was changed by someone else (you edited version ${expectedVersion}, it is now at ${before.version})`,
        before,
      );
    }
    const { at, by } = plan ?? stamp(ctx);
    const fields = mergeRecord(kind, before, patch, ctx.now(), ctx.reportZone);
    let after = { ...before, ...fields, version: before.version + 1, updatedAt: at, updatedBy: by } as T;
    if (kind.complete) after = await kind.complete(t, after);
    await kind.repo(t).update(after);
    await kind.onChanges?.(t, [[before, after]]);
    const change = await t.appendChange({
      entity: kind.entity,
      action: 'updated',
      id,
      version: after.version,
      actor: ctx.actor,
      before,
      after,
    });
    return { record: after, change };
  };
  return tx ? run(tx) : ctx.store.transact(run);
}

export async function retractRecord<T extends Versioned>(
  ctx: Ctx,
  kind: RecordKind<T>,
  id: string,
  reason: string,
  expectedVersion?: number,
  tx?: WriteTx,
  plan?: Pick<WritePlan, 'at' | 'by'>,
): Promise<WriteResult<T>> {
  const run = async (t: WriteTx) => {
    const before = await kind.repo(t).get(id, { lock: true });
    if (!before) throw new NotFoundError(kind.label, id);
    if (before.retractedAt)
      throw new DomainError('conflict', `${kind.label} ${id} is already retracted`, {}, { current: before });
    if (expectedVersion !== undefined && before.version !== expectedVersion) {
      throw new ConflictError(
        `${kind.label} ${id} was changed by someone else (you saw version ${expectedVersion}, it is now at ${before.version})`,
        before,
      );
    }
    const { at, by } = plan ?? stamp(ctx);
    const after = {
      ...before,
      version: before.version + 1,
      updatedAt: at,
      updatedBy: by,
      retractedAt: at,
      retractedBy: by,
      retractionReason: reason,
    } as T;
    await kind.repo(t).update(after);
    await kind.onChanges?.(t, [[before, after]]);
    const change = await t.appendChange({
      entity: kind.entity,
      action: 'retracted',
      id,
      version: after.version,
      actor: ctx.actor,
      before,
      after,
    });
    return { record: after, change };
  };
  return tx ? run(tx) : ctx.store.transact(run);
}

/**
 * The change an earlier attempt of a planned write stored, if any: a create is found by its id
 * (version 1); an edit or retraction by its stamp (same time and author on the version it wrote),
 * so "already applied" is told apart from "someone else changed it".
 */
export async function storedWrite<T>(
  tx: WriteTx,
  entity: Entity,
  id: string,
  match: { action: Change['action']; at?: string; by?: string },
): Promise<WriteResult<T> | null> {
  const changes = await tx.changesOf(entity, id);
  const mine = changes.find((c) => {
    if (c.action !== match.action) return false;
    if (match.action === 'created') return true;
    const after = c.data as { updatedAt?: string; updatedBy?: string };
    return after.updatedAt === match.at && after.updatedBy === match.by;
  });
  return mine ? { record: mine.data as T, change: mine } : null;
}

/**
 * Creates many records in the caller's transaction with a constant number of statements: external
 * ids checked in one query (also against each other), one multi-row insert, consecutive seqs in
 * one counter update, rollup deltas merged into one upsert. Imports and seeding use it.
 */
export async function createRecords<T extends Versioned & { externalId?: string | null }>(
  ctx: Ctx,
  kind: RecordKind<T>,
  fieldsList: Omit<T, keyof Versioned>[],
  tx: WriteTx,
  plans?: WritePlan[],
  /** `externalIdsChecked`: the caller looked the external ids up in this transaction (an import batch). */
  opts: { externalIdsChecked?: boolean } = {},
): Promise<WriteResult<T>[]> {
  if (fieldsList.length === 0) return [];
  const bulk = kind.bulk?.(tx);
  if (bulk?.insertCreated) {
    // The rows, their rollup cells and their changes in one statement.
    const records = await completeRecords(ctx, kind, fieldsList, tx, plans, opts);
    const stored = await bulk.insertCreated(
      records,
      records.map((r) => createdChange(ctx, kind, r)),
    );
    return records.map((record, i) => ({ record, change: stored[i]! }));
  }
  const { records, changes } = await insertRecords(ctx, kind, fieldsList, tx, plans, opts);
  const stored = await tx.appendChanges(changes);
  return records.map((record, i) => ({ record, change: stored[i]! }));
}

const createdChange = <T extends Versioned>(ctx: Ctx, kind: RecordKind<T>, r: T): AppendChange => ({
  entity: kind.entity,
  action: 'created',
  id: r.id,
  version: 1,
  actor: ctx.actor,
  before: null,
  after: r,
});

/** Version 1 of each record, its external id checked (unless the caller did) and completed. */
async function completeRecords<T extends Versioned & { externalId?: string | null }>(
  ctx: Ctx,
  kind: RecordKind<T>,
  fieldsList: Omit<T, keyof Versioned>[],
  tx: WriteTx,
  plans: WritePlan[] | undefined,
  opts: { externalIdsChecked?: boolean },
): Promise<T[]> {
  const bulk = kind.bulk?.(tx);
  if (!bulk) throw new Error(`${kind.label} has no batch path`);
  const at = stamp(ctx);
  const drafts = fieldsList.map((fields, i) => newRecord<T>(ctx, fields, plans?.[i] ?? at));
  // One read for the external ids and what `complete` needs, where the kind and store can.
  const holders = await kind.prefetch?.(tx, drafts, { externalIds: !opts.externalIdsChecked });
  if (!opts.externalIdsChecked) {
    const externalIds = fieldsList
      .map((f) => (f as { externalId?: string | null }).externalId)
      .filter((e): e is string => Boolean(e));
    const taken = holders
      ? new Set(holders.keys())
      : new Set((await bulk.findByExternalIds(externalIds)).map((r) => r.externalId));
    const seen = new Set<string>();
    for (const e of externalIds) {
      if (taken.has(e) || seen.has(e)) throw new ValidationError({ externalId: `"${e}" is already used` });
      seen.add(e);
    }
  }
  const records: T[] = [];
  for (const draft of drafts) records.push(kind.complete ? await kind.complete(tx, draft, true) : draft);
  return records;
}

/**
 * The rows of `createRecords` (insert and rollups) without their change-log append: the caller
 * appends the returned changes, with others of the same batch, in one statement.
 */
export async function insertRecords<T extends Versioned & { externalId?: string | null }>(
  ctx: Ctx,
  kind: RecordKind<T>,
  fieldsList: Omit<T, keyof Versioned>[],
  tx: WriteTx,
  plans?: WritePlan[],
  opts: { externalIdsChecked?: boolean } = {},
): Promise<{ records: T[]; changes: AppendChange[] }> {
  if (fieldsList.length === 0) return { records: [], changes: [] };
  const bulk = kind.bulk?.(tx);
  if (!bulk) throw new Error(`${kind.label} has no batch path`);
  const records = await completeRecords(ctx, kind, fieldsList, tx, plans, opts);
  if (bulk.insertManyRolledUp) await bulk.insertManyRolledUp(records);
  else {
    await bulk.insertMany(records);
    await kind.onChanges?.(
      tx,
      records.map((r) => [null, r]),
    );
  }
  return { records, changes: records.map((r) => createdChange(ctx, kind, r)) };
}

/**
 * Edits many records in the caller's transaction, set-based (a re-import's changed rows): each
 * patch is merged and validated as `updateRecord` does, then one statement rewrites the rows that
 * are still at the version read (`before`), one upsert adds the rollup deltas, and the changes are
 * returned for the caller's one change-log append. A record changed meanwhile by someone else
 * fails the whole call with a ConflictError (the caller retries its rows one by one).
 */
export async function rewriteRecords<T extends Versioned>(
  ctx: Ctx,
  kind: RecordKind<T>,
  edits: { before: T; patch: JsonObject; extra?: Partial<T> }[],
  tx: WriteTx,
  plan: Pick<WritePlan, 'at' | 'by'>,
  rewrite: (records: T[]) => Promise<string[]>,
): Promise<{ records: T[]; changes: AppendChange[] }> {
  if (edits.length === 0) return { records: [], changes: [] };
  const pairs: [T, T][] = [];
  for (const { before, patch, extra } of edits) {
    if (before.retractedAt)
      throw new ConflictError(`${kind.label} ${before.id} was retracted and can no longer be edited`, before);
    const fields = mergeRecord(kind, before, patch, ctx.now(), ctx.reportZone);
    let after = {
      ...before,
      ...fields,
      ...extra,
      version: before.version + 1,
      updatedAt: plan.at,
      updatedBy: plan.by,
    } as T;
    if (kind.complete) after = await kind.complete(tx, after, true);
    pairs.push([before, after]);
  }
  const stale = await rewrite(pairs.map(([, after]) => after));
  if (stale.length > 0) {
    const before = pairs.find(([b]) => b.id === stale[0])![0];
    throw new ConflictError(`${kind.label} ${before.id} was changed by someone else meanwhile`, before);
  }
  await kind.onChanges?.(tx, pairs);
  const changes = pairs.map(([before, after]) => ({
    entity: kind.entity,
    action: 'updated' as const,
    id: after.id,
    version: after.version,
    actor: ctx.actor,
    before,
    after,
  }));
  return { records: pairs.map(([, after]) => after), changes };
}
