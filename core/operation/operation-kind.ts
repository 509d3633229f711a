import { groupNameFor } from '../incident/incident-kind';
import { ValidationError } from '../errors';
import { operationRollupDeltas } from '../rollup/incident-rollup';
import { operationRollupWrite } from '../rollup/narrow-rollups';
import { anchorOccurredAt } from '../time/occurred-day';
import { deriveNamedActor } from '../import/derive-group';
import type { RecordKind } from '../versioned-record';
import { CreateOperationInput, operationInputAt, type Operation } from './schema';

export const operationKind: RecordKind<Operation> = {
  entity: 'operation',
  label: 'Operation',
  schema: CreateOperationInput,
  schemaAt: operationInputAt,
  derived: ['groupName', 'namedActor'],
  repo: (tx) => tx.operations,
  bulk: (tx) => tx.operations,
  async complete(tx, record, batch) {
    if (record.externalId && !batch) {
      const other = await tx.operations.findByExternalId(record.externalId);
      if (other && other.id !== record.id)
        throw new ValidationError({ externalId: `is already used by operation ${other.id}` });
    }
    return {
      ...record,
      occurredAt: anchorOccurredAt(record.occurredAt, record.timePrecision, tx.reportZone),
      groupName: await groupNameFor(tx, record.groupId),
      namedActor: deriveNamedActor(record, 'operation'),
      // Stamped by imports only; a new record answers with the null the table stores.
      syncedAt: record.syncedAt ?? null,
    };
  },
  onChanges: (tx, changes) =>
    tx.applyOperationRollup(
      operationRollupWrite(changes.flatMap(([before, after]) => operationRollupDeltas(before, after, tx.reportZone))),
    ),
};
