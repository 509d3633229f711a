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
  async complete(tx, record, batch) {
    if (record.externalId && !batch) {
      const other = await tx.incidents.findByExternalId(record.externalId);
      if (other && other.id !== record.id)
        throw new ValidationError({ externalId: `is already used by incident ${other.id}` });
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
