/**
 * The database side of an import (core/import ImportSink) over the Store: each batch is one
 * transaction that looks its rows up by externalId, creates the new ones through the batch path
 * (createIncidents / createOperations: one multi-row insert, one change-log append, one rollup
 * upsert, one NOTIFY) and updates the changed ones through the update verbs at their current version.
 *
 * Outcomes (decisions, also in docs of the API route):
 * - 'imported': a new record.
 * - 'changed': the row matched a record and its content differs: it is rewritten (a new version, a
 *   change-log entry, rollup deltas).
 * - 'unchanged': the row matched a record and is identical: nothing is written, so re-importing a
 *   file costs one read per batch and does not flood the change log or the live feed. (The report's
 *   `updated` is their sum.)
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
import type { ImportItem, ImportSink, WriteOutcome } from '../core/import/import-sink';
import { DomainError } from '../core/errors';
import { createIncidents } from '../core/incident/create-incident';
import type { Incident } from '../core/incident/schema';
import { updateIncident } from '../core/incident/update-incident';
import { createOperations } from '../core/operation/create-operation';
import type { Operation } from '../core/operation/schema';
import { updateOperation } from '../core/operation/update-operation';
import type { Ctx, WriteTx } from '../core/ports';
import { anchorOccurredAt } from '../core/time/occurred-day';
import { planWrite, type WritePlan } from '../core/versioned-record';
import { DEFAULT_RETRY } from '../core/write/exactly-once';
import { isConnectionFailure } from './driver-errors';
import { reimportIntoSurvivor } from '../core/duplicate/reimport-merged';

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

/** The chain of causes (drizzle wraps the driver's error, which carries the SQLSTATE). */
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

/** The store itself failed, as opposed to this row (db/driver-errors.ts says which errors those are). */
export const isStoreFailure = isConnectionFailure;

/** A row's failure in words: the domain message, or the database's own (not drizzle's query dump). */
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

/** Writes a batch in the caller's transaction; throws if any part fails (the caller retries per row). */
async function writeBatchInTx(
  ctx: Ctx,
  tx: WriteTx,
  items: readonly ImportItem[],
  plans: readonly WritePlan[],
): Promise<WriteOutcome[]> {
  const ids = items.map((i) => i.externalId);
  // In turn, not in parallel: a transaction is one connection, and a failed first query must not
  // leave a second one running into the rollback.
  const incidents = await tx.incidents.findByExternalIds(ids);
  const operations = await tx.operations.findByExternalIds(ids);
  const byKind = {
    incident: new Map<string, AnyRecord>(incidents.map((r) => [r.externalId!, r])),
    operation: new Map<string, AnyRecord>(operations.map((r) => [r.externalId!, r])),
  };
  const outcomes: WriteOutcome[] = new Array<WriteOutcome>(items.length);
  const creates: Record<'incident' | 'operation', Pending[]> = { incident: [], operation: [] };
  const updates: (Pending & { record: AnyRecord })[] = [];

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
    else if (record.externalId !== item.externalId || unchanged(record, item.input, tx.reportZone))
      outcomes[index] = 'unchanged';
    else if (record.retractedAt)
      // A record merged into another: the survivor takes the row in (core/duplicate/reimport-merged.ts).
      outcomes[index] = (await reimportIntoSurvivor(ctx, tx, record.id, item, plans[index])) ?? {
        error: `matches ${item.kind} ${record.id}, which was retracted; an import does not change a retracted record`,
      };
    else updates.push({ index, item, record });
  }

  if (creates.incident.length > 0)
    await createIncidents({
      ctx,
      inputs: creates.incident.map((p) => p.item.input),
      tx,
      plans: creates.incident.map((p) => plans[p.index]!),
      imported: true,
    });
  if (creates.operation.length > 0)
    await createOperations({
      ctx,
      inputs: creates.operation.map((p) => p.item.input),
      tx,
      plans: creates.operation.map((p) => plans[p.index]!),
      imported: true,
    });
  for (const p of [...creates.incident, ...creates.operation]) outcomes[p.index] = 'imported';

  for (const { index, item, record } of updates) {
    const input = { ...item.input, version: record.version };
    if (item.kind === 'incident') await updateIncident({ ctx, id: record.id, input, tx });
    else await updateOperation({ ctx, id: record.id, input, tx });
    outcomes[index] = 'changed';
  }
  // Provenance: every record the source still has, new, changed or unchanged, was synced now.
  const synced = { incident: [] as string[], operation: [] as string[] };
  for (const [index, item] of items.entries()) {
    if (typeof outcomes[index] !== 'string') continue;
    const id = byKind[item.kind].get(item.externalId)?.id ?? plans[index]!.id;
    synced[item.kind].push(id);
  }
  await tx.incidents.markSynced?.(synced.incident);
  await tx.operations.markSynced?.(synced.operation);
  return outcomes;
}

/** A `BW-<uuid>` row of our own export names the record of that id (rare: one read per such row). */
async function ownRecord(tx: WriteTx, item: ImportItem): Promise<AnyRecord | null> {
  const id = OWN_EXPORT_ID.exec(item.externalId)?.[1];
  if (!id) return null;
  return item.kind === 'incident' ? tx.incidents.get(id.toLowerCase()) : tx.operations.get(id.toLowerCase());
}

/**
 * Ids are fixed before the first transaction. After a lost connection the batch is tried again:
 * its external-id look-up then finds what an unknown commit stored, and the planned ids tell this
 * batch's own rows (imported) from older ones, so nothing is written twice (docs/adr/0013).
 */
export function createImportSink(ctx: Ctx, retry = DEFAULT_RETRY): ImportSink {
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
