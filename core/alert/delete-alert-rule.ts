/** Deletes a rule and its delivery records (a rule is a user's setting, not part of the record history). */
import { NotFoundError } from '../errors';
import type { AlertCtx } from './ports';
import { assertOwner } from './rule-access';

export async function deleteAlertRule({ ctx, id }: { ctx: AlertCtx; id: string }): Promise<void> {
  const old = await ctx.alerts.rules.get(id);
  if (!old) throw new NotFoundError('Alert rule', id);
  assertOwner(ctx.actor, old.ownerId, 'Alert rule', id);
  await ctx.alerts.rules.delete(id);
}
