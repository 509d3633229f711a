/** The first answers to POSTs with an Idempotency-Key, stored in the write's own transaction. */
import { and, eq } from 'drizzle-orm';
import type { IdempotencyRecord, WriteTx } from '../../core/ports';
import * as s from '../schema';
import type { Tx } from '../tx';

export function idempotencyRepo(tx: Tx): NonNullable<WriteTx['idempotency']> {
  return {
    async get({ key, actor, route }): Promise<IdempotencyRecord | null> {
      const k = s.idempotencyKeys;
      const [row] = await tx
        .select()
        .from(k)
        .where(and(eq(k.actor, actor), eq(k.route, route), eq(k.key, key)));
      return row
        ? {
            key: row.key,
            actor: row.actor,
            route: row.route,
            requestHash: row.requestHash,
            status: row.status,
            response: row.response,
          }
        : null;
    },
    async put(record) {
      // A concurrent twin fails here on the unique index and rolls back its whole write.
      await tx.insert(s.idempotencyKeys).values(record);
    },
  };
}
