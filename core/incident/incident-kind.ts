/** How incidents plug into the shared record life cycle: group name resolution and rollups. */
import { ValidationError } from '../errors';
import type { WriteTx } from '../ports';
import { incidentRollupDeltas } from '../rollup/incident-rollup';
import { incidentRollupWrite } from '../rollup/narrow-rollups';
import { anchorOccurredAt } from '../time/occurred-day';
import { deriveNamedActor } from '../import/derive-group';
import type { RecordKind } from '../versioned-record';
import { CreateIncidentInput, incidentInputAt, type Incident } from './schema';

// Group names looked up within one transaction: a batch of 500 rows names a handful of groups.
const groupNames = new WeakMap<WriteTx, Map<string, string | null>>();
// External ids looked up ahead (prefetch) in one transaction: the holder's id, or null when free.
const externalIdHolders = new WeakMap<WriteTx, Map<string, string | null>>();

/**
 * One read for what creates ask before they write (the store's `lookUp`): the groups not yet
 * known in this transaction and, with `externalIds`, who holds the records' external ids. Answers
 * those holders (external id → incident id), or null when the store has no such read.
 */
async function prefetchIncidents(
  tx: WriteTx,
  records: Incident[],
  opts: { externalIds: boolean },
): Promise<Map<string, string> | null> {
  if (!tx.incidents.lookUp) return null;
  let names = groupNames.get(tx);
  if (!names) groupNames.set(tx, (names = new Map()));
  const groupIds = [...new Set(records.map((r) => r.groupId).filter((g): g is string => g !== null && !names.has(g)))];
  const externalIds = opts.externalIds
    ? [...new Set(records.map((r) => r.externalId).filter((e): e is string => Boolean(e)))]
    : [];
  const { holders, groups } = await tx.incidents.lookUp(externalIds, groupIds);
  for (const id of groupIds) {
    const group = groups.get(id);
    names.set(id, group && !group.retracted ? group.shortName : null);
  }
  let known = externalIdHolders.get(tx);
  if (!known) externalIdHolders.set(tx, (known = new Map()));
  for (const e of externalIds) known.set(e, holders.get(e) ?? null);
  return holders;
}

/** The incident holding `externalId`, from the transaction's prefetch or read now. */
async function externalIdHolder(tx: WriteTx, externalId: string): Promise<string | null> {
  const known = externalIdHolders.get(tx);
  // Used once: a later write of this transaction may have taken it meanwhile.
  if (known?.has(externalId)) {
    const holder = known.get(externalId)!;
    known.delete(externalId);
    return holder;
  }
  return (await tx.incidents.findByExternalId(externalId))?.id ?? null;
}

/** Resolves `groupId` to its short name, or rejects a group that does not exist (or was retracted). */
export async function groupNameFor(tx: WriteTx, groupId: string | null): Promise<string | null> {
  if (groupId === null) return null;
  let cache = groupNames.get(tx);
  if (!cache) groupNames.set(tx, (cache = new Map()));
  if (!cache.has(groupId)) {
    if (tx.groups.nameOf) {
      const group = await tx.groups.nameOf(groupId);
      cache.set(groupId, group && !group.retracted ? group.shortName : null);
    } else {
      const group = await tx.groups.get(groupId);
      cache.set(groupId, group && !group.retractedAt ? group.shortName : null);
    }
  }
  const name = cache.get(groupId) ?? null;
  if (name === null) throw new ValidationError({ groupId: 'no such group' });
  return name;
}

export const incidentKind: RecordKind<Incident> = {
  entity: 'incident',
  label: 'Incident',
  schema: CreateIncidentInput,
  schemaAt: incidentInputAt,
  derived: ['groupName', 'namedActor'],
  repo: (tx) => tx.incidents,
  bulk: (tx) => tx.incidents,
  prefetch: prefetchIncidents,
  async complete(tx, record, batch) {
    if (record.externalId && !batch) {
      const other = await externalIdHolder(tx, record.externalId);
      if (other && other !== record.id)
        throw new ValidationError({ externalId: `is already used by incident ${other}` });
    }
    return {
      ...record,
      occurredAt: anchorOccurredAt(record.occurredAt, record.timePrecision, tx.reportZone),
      groupName: await groupNameFor(tx, record.groupId),
      namedActor: deriveNamedActor(record, 'incident'),
      // Stamped by imports only; a new record answers with the null the table stores.
      syncedAt: record.syncedAt ?? null,
    };
  },
  onChanges: (tx, changes) =>
    tx.applyIncidentRollup(
      incidentRollupWrite(changes.flatMap(([before, after]) => incidentRollupDeltas(before, after, tx.reportZone))),
    ),
};
