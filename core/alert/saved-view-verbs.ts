/**
 * Saved views: a named filter set of the overview, a user's own or (admins) shared with everyone.
 * One file for the three small verbs: they share their checks and nothing else uses them.
 */
import { DomainError, NotFoundError, parseInput } from '../errors';
import { checkViewFilters } from './alert-filters';
import type { AlertCtx } from './ports';
import { assertOwner, ownerIdOf } from './rule-access';
import { CreateSavedViewInput, UpdateSavedViewInput, type SavedView } from './schema';

function checkShare(ctx: AlertCtx, shared: boolean | undefined): void {
  if (shared && ctx.actor.role !== 'admin') {
    throw new DomainError('forbidden', 'Only an admin can share a view with the team.', {
      shared: 'needs the admin role',
    });
  }
}

export async function createSavedView({ ctx, input }: { ctx: AlertCtx; input: unknown }): Promise<SavedView> {
  const ownerId = ownerIdOf(ctx.actor);
  const v = parseInput(CreateSavedViewInput, input);
  checkShare(ctx, v.shared);
  checkViewFilters(v.filters, ctx.now());
  const now = ctx.now().toISOString();
  const view: SavedView = {
    id: ctx.newId(),
    name: v.name,
    filters: v.filters,
    ownerId,
    shared: v.shared,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.alerts.views.insert(view);
  return view;
}

export async function updateSavedView({
  ctx,
  id,
  input,
}: {
  ctx: AlertCtx;
  id: string;
  input: unknown;
}): Promise<SavedView> {
  const v = parseInput(UpdateSavedViewInput, input);
  const old = await ctx.alerts.views.get(id);
  if (!old) throw new NotFoundError('Saved view', id);
  assertOwner(ctx.actor, old.ownerId, 'Saved view', id);
  checkShare(ctx, v.shared);
  if (v.filters) checkViewFilters(v.filters, ctx.now());
  const view: SavedView = {
    ...old,
    name: v.name ?? old.name,
    filters: v.filters ?? old.filters,
    shared: v.shared ?? old.shared,
    updatedAt: ctx.now().toISOString(),
  };
  await ctx.alerts.views.update(view);
  return view;
}

export async function deleteSavedView({ ctx, id }: { ctx: AlertCtx; id: string }): Promise<void> {
  const old = await ctx.alerts.views.get(id);
  if (!old) throw new NotFoundError('Saved view', id);
  assertOwner(ctx.actor, old.ownerId, 'Saved view', id);
  await ctx.alerts.views.delete(id);
}

/** A shared view is visible to everyone signed in; another user's own view is not. */
export async function readSavedView({ ctx, id }: { ctx: AlertCtx; id: string }): Promise<SavedView> {
  const view = await ctx.alerts.views.get(id);
  if (!view || (!view.shared && view.ownerId !== ctx.actor.id && ctx.actor.role !== 'admin')) {
    throw new NotFoundError('Saved view', id);
  }
  return view;
}
