/**
 * Edits a rule against the version the editor read. An edited rule starts from now: its cursor
 * moves to the log's top and its window state is cleared, so an edit never replays the past.
 */
import { ConflictError, NotFoundError, parseInput, ValidationError } from '../errors';
import { checkViewFilters } from './alert-filters';
import type { AlertCtx } from './ports';
import { assertOwner } from './rule-access';
import { prepareChannels, type ChannelSecret } from './rule-channels';
import { publicRule, UpdateAlertRuleInput, type AlertRule } from './schema';

export async function updateAlertRule({
  ctx,
  id,
  input,
}: {
  ctx: AlertCtx;
  id: string;
  input: unknown;
}): Promise<{ rule: AlertRule; secrets: ChannelSecret[] }> {
  const v = parseInput(UpdateAlertRuleInput, input);
  const old = await ctx.alerts.rules.get(id);
  if (!old) throw new NotFoundError('Alert rule', id);
  assertOwner(ctx.actor, old.ownerId, 'Alert rule', id);
  if (old.version !== v.version)
    throw new ConflictError(`The alert rule changed since version ${v.version}`, publicRule(old));
  const viewId = v.viewId === undefined ? old.viewId : v.viewId;
  if (v.viewId) {
    const view = await ctx.alerts.views.get(v.viewId);
    if (!view || (!view.shared && view.ownerId !== old.ownerId))
      throw new ValidationError({ viewId: 'no such saved view' });
  }
  const filters = v.filters ?? old.filters;
  checkViewFilters(filters, ctx.now());
  const { stored, secrets } = v.channels
    ? await prepareChannels(ctx, v.channels, old.channels)
    : { stored: old.channels, secrets: [] };
  const ok = await ctx.alerts.rules.update(
    {
      id,
      name: v.name ?? old.name,
      ownerId: old.ownerId,
      viewId,
      filters,
      trigger: v.trigger ?? old.trigger,
      channels: stored,
      digestMinutes: v.digestMinutes === undefined ? old.digestMinutes : v.digestMinutes,
      enabled: v.enabled ?? old.enabled,
      cursor: await ctx.alerts.position(),
      state: {},
      version: old.version + 1,
    },
    old.version,
  );
  const now = await ctx.alerts.rules.get(id);
  if (!ok)
    throw new ConflictError(`The alert rule changed since version ${v.version}`, now ? publicRule(now) : undefined);
  return { rule: publicRule(now!), secrets };
}
