/** Operation reads: the incident list's filters (minus type and target, plus kind) and paging. */
import { and, eq, sql } from 'drizzle-orm';
import type { OperationKind } from '../../core/enums';
import type { Operation } from '../../core/operation/schema';
import type { Db } from '../client';
import { operations } from '../schema';
import { operationFromRow } from '../repositories/operations';
import { pageOrder, toPage, type Page, type PageRequest } from './incidents';
import { recordWhere, type RecordFilter } from './record-where';

export interface OperationFilter extends Omit<RecordFilter, 'type' | 'target' | 'kind'> {
  kind?: OperationKind[];
}

export async function listOperations(db: Db, req: PageRequest<OperationFilter>): Promise<Page<Operation>> {
  const order = pageOrder(operations, req.sort, req.after);
  const rows = await db
    .select()
    .from(operations)
    .where(and(recordWhere(operations, req.filter), order.where ?? undefined))
    .orderBy(...order.orderBy)
    .limit(req.limit + 1);
  return toPage(rows, req.limit, (r) => (req.sort === '-createdAt' ? r.createdAt : r.occurredAt), operationFromRow);
}

/** How many operation records a list filter selects (the stats cannot apply actor or source). */
export async function countOperations(db: Db, filter: OperationFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(operations)
    .where(recordWhere(operations, filter));
  return Number(row?.n ?? 0);
}

export async function getOperation(db: Db, id: string): Promise<Operation | null> {
  const [row] = await db.select().from(operations).where(eq(operations.id, id));
  return row ? operationFromRow(row) : null;
}
