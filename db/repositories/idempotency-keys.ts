/** The first answers to POSTs with an Idempotency-Key, stored in the write's own transaction. */
import { and, eq, inArray } from 'drizzle-orm';
import type { IdempotencyRecord, WriteTx } from '../../core/ports';
import * as s from '../schema';
import type { Tx } from '../tx';

/** Multi-row INSERTs stay under PostgreSQL's 65,535 bind parameters per statement. */
const ROWS_PER_INSERT = 500;

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
    async getMany(scopes) {
      const [first] = scopes;
      if (!first) return [];
      const k = s.idempotencyKeys;
      // One actor and route per batch (the verb scopes every item of a request alike).
      const rows = await tx
        .select()
        .from(k)
        .where(
          and(
            eq(k.actor, first.actor),
            eq(k.route, first.route),
            inArray(
              k.key,
              scopes.map((x) => x.key),
            ),
          ),
        );
      return rows.map((row) => ({
        key: row.key,
        actor: row.actor,
        route: row.route,
        requestHash: row.requestHash,
        status: row.status,
        response: row.response,
      }));
    },
    async putMany(records) {
      for (let i = 0; i < records.length; i += ROWS_PER_INSERT)
        await tx.insert(s.idempotencyKeys).values(records.slice(i, i + ROWS_PER_INSERT));
    },
  };
}
