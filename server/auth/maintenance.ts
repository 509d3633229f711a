/** Start-up housekeeping of the auth tables. */
import { lt } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema';
import { purgeRevocations } from '../../db/queries/revocations';
import type { Runtime } from '../runtime';

/** Idempotency keys protect against retries within minutes; a week later they are only weight. */
export async function purgeIdempotencyKeys(runtime: Runtime, maxAgeDays = 7): Promise<void> {
  const cutoff = new Date(Date.now() - maxAgeDays * 24 * 60 * 60 * 1000);
  await runtime.database.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff));
}

/** Revocations matter to the sockets open when they were made; a day later nobody is left to end. */
export async function purgeOldRevocations(runtime: Runtime): Promise<void> {
  await purgeRevocations(runtime.database.db, new Date(Date.now() - 24 * 60 * 60 * 1000));
}
