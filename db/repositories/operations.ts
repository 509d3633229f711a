/** The operations repository: rows to and from the read shape (core), external-id look-ups. */
import { eq, inArray } from 'drizzle-orm';
import type { Operation } from '../../core/operation/schema';
import type { WriteTx } from '../../core/ports';
import * as s from '../schema';
import type { Tx } from '../tx';
import { iso, isoOrNull, versionedFromRow } from './stamps';
import { tableRepo } from './table-repo';

type OperationRow = typeof s.operations.$inferSelect;

export function operationFromRow(r: OperationRow): Operation {
  return {
    ...versionedFromRow(r),
    occurredAt: iso(r.occurredAt),
    timePrecision: r.timePrecision as Operation['timePrecision'],
    country: r.country as Operation['country'],
    province: r.province as Operation['province'],
    district: r.district,
    place: r.place,
    latitude: r.latitude,
    longitude: r.longitude,
    geoPrecision: r.geoPrecision as Operation['geoPrecision'],
    kind: r.kind as Operation['kind'],
    agency: r.agency,
    groupId: r.groupId,
    groupName: r.groupName,
    namedActor: r.namedActor,
    actors: r.actors,
    count: r.count,
    militantsKilled: r.militantsKilled,
    militantsArrested: r.militantsArrested,
    securityKilled: r.securityKilled,
    securityInjured: r.securityInjured,
    summary: r.summary,
    sources: r.sources,
    verification: r.verification as Operation['verification'],
    externalId: r.externalId,
    synthetic: r.synthetic,
    occurredUntil: r.occurredUntil,
    sourceFields: r.sourceFields,
    syncedAt: isoOrNull(r.syncedAt),
  };
}

export const operationToRow = (o: Operation): OperationRow => o as unknown as OperationRow;

export function operationRepo(tx: Tx): WriteTx['operations'] {
  return {
    ...tableRepo(tx, s.operations, operationFromRow, operationToRow),
    async findByExternalId(externalId) {
      const [row] = await tx.select().from(s.operations).where(eq(s.operations.externalId, externalId));
      return row ? operationFromRow(row) : null;
    },
    async findByExternalIds(externalIds) {
      if (externalIds.length === 0) return [];
      return (await tx.select().from(s.operations).where(inArray(s.operations.externalId, externalIds))).map(
        operationFromRow,
      );
    },
  };
}
