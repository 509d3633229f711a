/**
 * The import's write coordination, the ImportSink every import verb uses (core/import/import-verb.ts):
 * each batch is one transaction that looks its rows up by externalId, decides each row's outcome,
 * and writes the batch set-based through the store's ImportWrites port (db/import-sink.ts) and the
 * batch paths of the record life cycle (core/versioned-record.ts): one multi-row insert with its
 * rollup contributions summed per cell in SQL, one statement rewriting the changed rows, one rollup
 * upsert of their deltas, one stamp of the unchanged ones and one change-log append (one NOTIFY,
 * so live clients hear of a batch at once; the duplicate detector reads the same log).
 *
 * Outcomes (decisions, also in docs of the API route):
 * - 'imported': a new record.
 * - 'changed': the row matched a record and its content differs: it is rewritten (a new version, a
 *   change-log entry, rollup deltas).
 * - 'unchanged': the row matched a record and is identical: nothing is written but its sync stamp,
 *   so re-importing a file does not flood the change log or the live feed. (The report's `updated`
 *   is their sum.)
 * - {error}: the row matched a retracted record and differs from it (an import never undoes a
 *   retraction), its event id names a record of the other kind (ACLED recoded an arrest), or the
 *   write itself failed for that row (a group retracted meanwhile, a constraint).
 * - Rows whose event id is `BW-<uuid>` come from our own export of a record native to some database.
 *   Here, where that record lives, the row matches it by id and nothing is written: ACLED's columns
 *   cannot carry its detail (casualties by category, injured, target, verification), so applying
 *   them would degrade it. Elsewhere the row is an ordinary ACLED row.
 *
 * A failed batch is rolled back and retried row by row, each row in its own transaction, so valid
 * rows are stored whatever the others do. Only a failure of the store itself (connection lost,
 * database shutting down) is thrown: the importer then stops, since every later batch would fail too.
 */
import { reimportIntoSurvivor } from '../duplicate/reimport-merged';
import { DomainError, StoreUnavailableError } from '../errors';
import { incidentKind } from '../incident/incident-kind';
import type { Incident } from '../incident/schema';
import type { JsonObject } from '../merge-patch';
import { operationKind } from '../operation/operation-kind';
import type { Operation } from '../operation/schema';
import type { AppendChange, Ctx, WriteTx } from '../ports';
import { anchorOccurredAt } from '../time/occurred-day';
import { insertRecords, planWrite, rewriteRecords, type WritePlan } from '../versioned-record';
import { DEFAULT_RETRY, type RetryPolicy } from '../write/exactly-once';
import type { ImportItem, ImportSink, ImportWrites, WriteOutcome } from './import-sink';

/** Event ids our ACLED export gives records that have no tracker id of their own. */
export const OWN_EXPORT_ID = /^acled:BW-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

type AnyRecord = Incident | Operation;

/** Structural equality that ignores key order (jsonb hands back sources with sorted keys). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((v, i) => sameValue(v, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameValue(ao[k], bo[k])) return false;
  return true;
}

/** Whether the stored record already holds every field the row carries. */
function unchanged(record: AnyRecord, input: ImportItem['input'], zone: string): boolean {
  const stored = record as unknown as Record<string, unknown>;
  // A file's date is a local day; the record holds the instant that day starts (core/time).
  const given = { ...input, occurredAt: anchorOccurredAt(input.occurredAt, input.timePrecision ?? 'day', zone) };
  return Object.entries(given).every(([k, v]) => sameValue(stored[k], v));
}

/** The chain of causes (the driver's error, which carries the SQLSTATE, may be wrapped). */
type Cause = { code?: unknown; message?: unknown; cause?: unknown };

function causes(err: unknown): Cause[] {
  const out: Cause[] = [];
  for (
    let e = err as Cause | undefined, depth = 0;
    e && typeof e === 'object' && depth < 6;
    e = e.cause as typeof e, depth++
  )
    out.push(e);
  return out;
}

/** The store itself failed, as opposed to this row: the store's transactions say so with this error. */
export const isStoreFailure = (err: unknown): boolean => err instanceof StoreUnavailableError;

/** A row's failure in words: the domain message, or the database's own (not a query dump). */
export function rowError(err: unknown): string {
  if (err instanceof DomainError) {
    const fields = Object.entries(err.fields);
    return fields.length > 1 ? `${err.message}: ${fields.map(([k, v]) => `${k} ${v}`).join('; ')}` : err.message;
  }
  const withCode = causes(err).findLast((e) => typeof e.code === 'string' && typeof e.message === 'string');
  const message = withCode?.message ?? (err instanceof Error ? err.message : String(err));
  return `the database refused this row: ${String(message).slice(0, 300)}`;
}

interface Pending {
  index: number;
  item: ImportItem;
}

/** The port, or the same reads and writes over the plain repositories (stores without it, e.g. in tests). */
function importWrites(tx: WriteTx): Pick<ImportWrites, 'findByExternalIds'> & Partial<ImportWrites> {
  return (
    tx.imports ?? {
      async findByExternalIds(ids) {
        // In turn, not in parallel: a transaction is one connection.
        const incidents = await tx.incidents.findByExternalIds(ids);
        return { incidents, operations: await tx.operations.findByExternalIds(ids) };
      },
    }
  );
}

/** Writes a batch in the caller's transaction; throws if any part fails (the caller retries per row). */
async function writeBatchInTx(
  ctx: Ctx,
  tx: WriteTx,
  items: readonly ImportItem[],
  plans: readonly WritePlan[],
): Promise<WriteOutcome[]> {
  const store = importWrites(tx);
  const found = await store.findByExternalIds(items.map((i) => i.externalId));
  const byKind = {
    incident: new Map<string, AnyRecord>(found.incidents.map((r) => [r.externalId!, r])),
    operation: new Map<string, AnyRecord>(found.operations.map((r) => [r.externalId!, r])),
  };
  const outcomes: WriteOutcome[] = new Array<WriteOutcome>(items.length);
  const creates: Record<'incident' | 'operation', Pending[]> = { incident: [], operation: [] };
  const updates: Record<'incident' | 'operation', (Pending & { record: AnyRecord })[]> = {
    incident: [],
    operation: [],
  };
  const synced = { incident: [] as string[], operation: [] as string[] };

  for (const [index, item] of items.entries()) {
    const other = item.kind === 'incident' ? 'operation' : 'incident';
    const clash = byKind[other].get(item.externalId);
    if (clash) {
      outcomes[index] = {
        error: `event ${item.externalId} is recorded here as ${other} ${clash.id}, but the file now makes it an ${item.kind}; retract the ${other} first to import it`,
      };
      continue;
    }
    const record = byKind[item.kind].get(item.externalId) ?? (await ownRecord(tx, item));
    if (!record) creates[item.kind].push({ index, item });
    // Stored by an earlier attempt of this batch whose commit answer was lost: ours, not a match.
    else if (record.id === plans[index]!.id) outcomes[index] = 'imported';
    else if (record.externalId !== item.externalId || unchanged(record, item.input, tx.reportZone)) {
      outcomes[index] = 'unchanged';
      if (record.externalId === item.externalId) synced[item.kind].push(record.id);
    } else if (record.retractedAt) {
      // A record merged into another: the survivor takes the row in (core/duplicate/reimport-merged.ts).
      const merged = await reimportIntoSurvivor(ctx, tx, record.id, item, plans[index]);
      if (merged !== null) synced[item.kind].push(record.id);
      outcomes[index] = merged ?? {
        error: `matches ${item.kind} ${record.id}, which was retracted; an import does not change a retracted record`,
      };
    } else updates[item.kind].push({ index, item, record });
  }

  const changes: AppendChange[] = [];
  // New records carry their sync stamp from the start: the plan's time, as written.
  const fresh = (pending: Pending[]) =>
    pending.map((p) => ({ ...p.item.input, groupName: null, syncedAt: plans[p.index]!.at }));
  for (const [kind, pending] of [
    [incidentKind, creates.incident],
    [operationKind, creates.operation],
  ] as const) {
    const inserted = await insertRecords<AnyRecord>(
      ctx,
      kind as never,
      fresh(pending) as never,
      tx,
      pendingPlans(pending, plans),
      { externalIdsChecked: true },
    );
    changes.push(...inserted.changes);
  }
  for (const p of [...creates.incident, ...creates.operation]) outcomes[p.index] = 'imported';

  // Changed rows: the row's fields as a merge patch over the record (what an edit with them does).
  const plan = plans[0]!;
  const edits = (pending: (Pending & { record: AnyRecord })[]) =>
    pending.map((p) => ({
      before: p.record as never,
      patch: p.item.input as unknown as JsonObject,
      extra: { syncedAt: plan.at } as never,
    }));
  const rewritten = [
    await rewriteRecords<Incident>(ctx, incidentKind, edits(updates.incident), tx, plan, (records) =>
      requireRewrite(store).rewriteIncidents(records),
    ),
    await rewriteRecords<Operation>(ctx, operationKind, edits(updates.operation), tx, plan, (records) =>
      requireRewrite(store).rewriteOperations(records),
    ),
  ];
  for (const r of rewritten) changes.push(...r.changes);
  for (const p of [...updates.incident, ...updates.operation]) outcomes[p.index] = 'changed';

  // Provenance: every record the source still has was synced now (new and changed ones above).
  if (store.markSynced) {
    await store.markSynced('incident', synced.incident);
    await store.markSynced('operation', synced.operation);
  }
  await tx.appendChanges(changes);
  return outcomes;
}

const pendingPlans = (pending: Pending[], plans: readonly WritePlan[]) => pending.map((p) => plans[p.index]!);

function requireRewrite(store: Partial<ImportWrites>): Pick<ImportWrites, 'rewriteIncidents' | 'rewriteOperations'> {
  if (!store.rewriteIncidents || !store.rewriteOperations) throw new Error('this store cannot rewrite imported rows');
  return store as ImportWrites;
}

/** A `BW-<uuid>` row of our own export names the record of that id (rare: one read per such row). */
async function ownRecord(tx: WriteTx, item: ImportItem): Promise<AnyRecord | null> {
  const id = OWN_EXPORT_ID.exec(item.externalId)?.[1];
  if (!id) return null;
  return item.kind === 'incident' ? tx.incidents.get(id.toLowerCase()) : tx.operations.get(id.toLowerCase());
}

/**
 * The import batch verb. Ids are fixed before the first transaction. After a lost connection the
 * batch is tried again: its external-id look-up then finds what an unknown commit stored, and the
 * planned ids tell this batch's own rows (imported) from older ones, so nothing is written twice
 * (docs/adr/0013).
 */
export function createImportBatches(ctx: Ctx, retry: RetryPolicy = DEFAULT_RETRY): ImportSink {
  const attempt = async (items: readonly ImportItem[], plans: readonly WritePlan[]) => {
    for (let n = 0; ; n++) {
      try {
        return await ctx.store.transact((tx) => writeBatchInTx(ctx, tx, items, plans));
      } catch (err) {
        if (!isStoreFailure(err) || n + 1 >= retry.attempts) throw err;
        await retry.pause(n);
      }
    }
  };
  return {
    async writeBatch(items) {
      const plans = items.map(() => planWrite(ctx));
      try {
        return await attempt(items, plans);
      } catch (err) {
        if (isStoreFailure(err)) throw err;
      }
      // One row failed the whole batch's transaction: retry each row alone, so only it is lost.
      const outcomes: WriteOutcome[] = [];
      for (const [i, item] of items.entries()) {
        try {
          outcomes.push((await attempt([item], [plans[i]!]))[0]!);
        } catch (err) {
          if (isStoreFailure(err)) throw err;
          outcomes.push({ error: rowError(err) });
        }
      }
      return outcomes;
    },
  };
}
