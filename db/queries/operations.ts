/** Operation reads: the incident list's filters (minus type and target, plus kind) and paging. */
import { and, eq, inArray } from 'drizzle-orm';
import type { OperationKind } from '../../core/enums';
import type { Operation } from '../../core/operation/schema';
import type { Db } from '../client';
import { operations } from '../schema';
import { operationFromRow } from '../repositories/incident-rows';
import { commonConditions, pageOrder, toPage, type CommonFilter, type Page, type PageRequest } from './incidents';

export interface OperationFilter extends CommonFilter {
  kind?: OperationKind[];
}

export async function listOperations(db: Db, req: PageRequest<OperationFilter>): Promise<Page<Operation>> {
  const where = commonConditions(operations, req.filter);
  if (req.filter.kind?.length) where.push(inArray(operations.kind, req.filter.kind));
  const order = pageOrder(operations, req.sort, req.after);
  if (order.where) where.push(order.where);
  const rows = await db
    .select()
    .from(operations)
    .where(and(...where))
    .orderBy(...order.orderBy)
    .limit(req.limit + 1);
  return toPage(rows, req.limit, (r) => (req.sort === '-createdAt' ? r.createdAt : r.occurredAt), operationFromRow);
}

export async function getOperation(db: Db, id: string): Promise<Operation | null> {
  const [row] = await db.select().from(operations).where(eq(operations.id, id));
  return row ? operationFromRow(row) : null;
}
