/** Creates an alert rule on a view's filters. It evaluates from the log's top: only what happens next alerts. */
import { parseInput, ValidationError } from '../errors';
import { checkViewFilters } from './alert-filters';
import type { AlertCtx } from './ports';
import { ownerIdOf } from './rule-access';
import { prepareChannels, type ChannelSecret } from './rule-channels';
import { CreateAlertRuleInput, publicRule, type AlertRule } from './schema';

export async function createAlertRule({
  ctx,
  input,
}: {
  ctx: AlertCtx;
  input: unknown;
}): Promise<{ rule: AlertRule; secrets: ChannelSecret[] }> {
  const ownerId = ownerIdOf(ctx.actor);
  const v = parseInput(CreateAlertRuleInput, input);
  let filters = v.filters;
  if (v.viewId) {
    const view = await ctx.alerts.views.get(v.viewId);
    if (!view || (!view.shared && view.ownerId !== ownerId))
      throw new ValidationError({ viewId: 'no such saved view' });
    filters ??= view.filters;
  }
  filters ??= {};
  checkViewFilters(filters, ctx.now());
  const { stored, secrets } = await prepareChannels(ctx, v.channels);
  const id = ctx.newId();
  await ctx.alerts.rules.insert({
    id,
    name: v.name,
    ownerId,
    viewId: v.viewId,
    filters,
    trigger: v.trigger,
    channels: stored,
    digestMinutes: v.digestMinutes,
    enabled: v.enabled,
    cursor: await ctx.alerts.position(),
    state: {},
    version: 1,
  });
  const rule = await ctx.alerts.rules.get(id);
  return { rule: publicRule(rule!), secrets };
}
