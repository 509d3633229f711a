/** How incidents plug into the shared record life cycle: group name resolution and rollups. */
import { ValidationError } from '../errors';
import type { WriteTx } from '../ports';
import { incidentRollupDeltas } from '../rollup/incident-rollup';
import type { RecordKind } from '../versioned-record';
import type { Incident } from './schema';

/** Resolves `groupId` to its short name, or rejects a group that does not exist (or was retracted). */
export async function groupNameFor(tx: WriteTx, groupId: string | null): Promise<string | null> {
  if (groupId === null) return null;
  const group = await tx.groups.get(groupId);
  if (!group || group.retractedAt) throw new ValidationError({ groupId: 'no such group' });
  return group.shortName;
}

export const incidentKind: RecordKind<Incident> = {
  entity: 'incident',
  label: 'Incident',
  repo: (tx) => tx.incidents,
  async complete(tx, record) {
    if (record.externalId) {
      const other = await tx.incidents.findByExternalId(record.externalId);
      if (other && other.id !== record.id) throw new ValidationError({ externalId: `is already used by incident ${other.id}` });
    }
    return { ...record, groupName: await groupNameFor(tx, record.groupId) };
  },
  onChange: (tx, before, after) => tx.applyIncidentRollup(incidentRollupDeltas(before, after)),
};
