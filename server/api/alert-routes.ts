/**
 * Saved views and alert rules, each a signed-in user's own (admins may share a view with the
 * team), and the bell's inbox. Thin: parse, call the core verb, answer; errors go to the one mapper.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { createAlertRule } from '../../core/alert/create-alert-rule';
import { deleteAlertRule } from '../../core/alert/delete-alert-rule';
import { assertOwner } from '../../core/alert/rule-access';
import { createSavedView, deleteSavedView, readSavedView, updateSavedView } from '../../core/alert/saved-view-verbs';
import {
  CreateAlertRuleInput,
  CreateSavedViewInput,
  publicRule,
  UpdateAlertRuleInput,
  UpdateSavedViewInput,
} from '../../core/alert/schema';
import { updateAlertRule } from '../../core/alert/update-alert-rule';
import { NotFoundError, parseInput } from '../../core/errors';
import { listRuleDeliveries, markInboxRead, readInbox } from '../../db/queries/alert-deliveries';
import { alertCtx } from '../alerts/alert-context';
import { requirePrincipal } from '../auth/guards';
import type { Runtime } from '../runtime';
import type { RouteModule } from './route-spec';
import { readJson } from './json-body';
import { mount, type RouteSpec } from './route-spec';
import { idParam } from './write-helpers';

const ERR = {
  400: { description: 'Invalid input; `error.fields` names each bad field', schema: 'Error' },
  401: { description: 'Not signed in', schema: 'Error' },
};
const NOT_FOUND = { 404: { description: 'No such record (or not yours)', schema: 'Error' } };
const obj = (properties: Record<string, unknown>) => ({ type: 'object', properties });
const VIEW = obj({
  id: { type: 'string' },
  name: { type: 'string' },
  filters: { type: 'object' },
  ownerId: { type: 'string' },
  shared: { type: 'boolean' },
});
const RULE = obj({
  id: { type: 'string' },
  name: { type: 'string' },
  filters: { type: 'object' },
  trigger: { type: 'object' },
  channels: { type: 'array', items: { type: 'object' } },
  digestMinutes: { type: ['integer', 'null'] },
  enabled: { type: 'boolean' },
  version: { type: 'integer' },
});
const SECRETS = {
  type: 'array',
  description: 'Webhook signing secrets, shown only in this answer',
  items: obj({ channel: { type: 'integer' }, url: { type: 'string' }, secret: { type: 'string' } }),
};

const ReadInput = z.strictObject({
  ids: z
    .array(z.uuid({ error: 'must be alert ids' }))
    .max(500)
    .optional(),
  all: z.literal(true).optional(),
});

export const alertRoutes: RouteModule = (app, runtime) => {
  const ctxOf = async (c: Context) => alertCtx(runtime, (await requirePrincipal(c, runtime)).actor);
  const db = runtime.database.db;
  const specs: RouteSpec[] = [
    {
      method: 'get',
      path: '/api/saved-views',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Saved views: your own and those shared with the team',
      handler: async (c) => {
        const ctx = await ctxOf(c);
        return c.json({ items: await ctx.alerts.views.visibleTo(ctx.actor.id!) });
      },
      responses: {
        200: { description: 'Views', schema: obj({ items: { type: 'array', items: VIEW } }) },
        401: ERR[401],
      },
    },
    {
      method: 'post',
      path: '/api/saved-views',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Save a view: a name and the stats query parameters (admins may share it)',
      body: CreateSavedViewInput,
      bodyRequired: true,
      handler: async (c) =>
        c.json({ view: await createSavedView({ ctx: await ctxOf(c), input: await readJson(c) }) }, 201),
      responses: {
        201: { description: 'Saved', schema: obj({ view: VIEW }) },
        ...ERR,
        403: { description: 'Sharing needs the admin role', schema: 'Error' },
      },
    },
    {
      method: 'get',
      path: '/api/saved-views/{id}',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Read a saved view (its link opens the overview with its filters)',
      handler: async (c) =>
        c.json({ view: await readSavedView({ ctx: await ctxOf(c), id: idParam(c, 'Saved view') }) }),
      responses: { 200: { description: 'The view', schema: obj({ view: VIEW }) }, 401: ERR[401], ...NOT_FOUND },
    },
    {
      method: 'patch',
      path: '/api/saved-views/{id}',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Rename, refilter or (admins) share a saved view',
      body: UpdateSavedViewInput,
      bodyRequired: true,
      handler: async (c) =>
        c.json({
          view: await updateSavedView({ ctx: await ctxOf(c), id: idParam(c, 'Saved view'), input: await readJson(c) }),
        }),
      responses: { 200: { description: 'Updated', schema: obj({ view: VIEW }) }, ...ERR, ...NOT_FOUND },
    },
    {
      method: 'delete',
      path: '/api/saved-views/{id}',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Delete a saved view (rules on it keep their copy of its filters)',
      handler: async (c) => {
        await deleteSavedView({ ctx: await ctxOf(c), id: idParam(c, 'Saved view') });
        return c.json({ deleted: true });
      },
      responses: { 200: { description: 'Deleted' }, 401: ERR[401], ...NOT_FOUND },
    },
    {
      method: 'get',
      path: '/api/alert-rules',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Your alert rules',
      handler: async (c) => {
        const ctx = await ctxOf(c);
        return c.json({ items: (await ctx.alerts.rules.ownedBy(ctx.actor.id!)).map(publicRule) });
      },
      responses: {
        200: { description: 'Rules', schema: obj({ items: { type: 'array', items: RULE } }) },
        401: ERR[401],
      },
    },
    {
      method: 'post',
      path: '/api/alert-rules',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Create an alert rule: name, filters (or viewId), trigger (each, threshold, spike), channels',
      description:
        'Webhook channels get a signing secret, returned once in `secrets`. The rule evaluates from now: only changes after its creation alert.',
      body: CreateAlertRuleInput,
      bodyRequired: true,
      handler: async (c) => c.json(await createAlertRule({ ctx: await ctxOf(c), input: await readJson(c) }), 201),
      responses: { 201: { description: 'Created', schema: obj({ rule: RULE, secrets: SECRETS }) }, ...ERR },
    },
    {
      method: 'get',
      path: '/api/alert-rules/{id}',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Read an alert rule',
      handler: async (c) => c.json({ rule: publicRule(await ownRule(c, runtime, ctxOf)) }),
      responses: { 200: { description: 'The rule', schema: obj({ rule: RULE }) }, 401: ERR[401], ...NOT_FOUND },
    },
    {
      method: 'patch',
      path: '/api/alert-rules/{id}',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Edit an alert rule (send the version you edited); an edited rule starts from now',
      body: UpdateAlertRuleInput,
      bodyRequired: true,
      handler: async (c) =>
        c.json(await updateAlertRule({ ctx: await ctxOf(c), id: idParam(c, 'Alert rule'), input: await readJson(c) })),
      responses: {
        200: { description: 'Updated', schema: obj({ rule: RULE, secrets: SECRETS }) },
        ...ERR,
        ...NOT_FOUND,
        409: { description: 'The rule changed since `version`', schema: 'Error' },
      },
    },
    {
      method: 'delete',
      path: '/api/alert-rules/{id}',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Delete an alert rule and its delivery records',
      handler: async (c) => {
        await deleteAlertRule({ ctx: await ctxOf(c), id: idParam(c, 'Alert rule') });
        return c.json({ deleted: true });
      },
      responses: { 200: { description: 'Deleted' }, 401: ERR[401], ...NOT_FOUND },
    },
    {
      method: 'get',
      path: '/api/alert-rules/{id}/deliveries',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'The deliveries of a rule, newest first, each with its channel, outcome and attempts',
      handler: async (c) => {
        const rule = await ownRule(c, runtime, ctxOf);
        return c.json({ items: await listRuleDeliveries(db, rule.id) });
      },
      responses: { 200: { description: 'Deliveries' }, 401: ERR[401], ...NOT_FOUND },
    },
    {
      method: 'get',
      path: '/api/alerts/inbox',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Your in-app alerts (the bell): the newest, and how many are unread',
      handler: async (c) => {
        const p = await requirePrincipal(c, runtime);
        c.header('Cache-Control', 'no-store');
        return c.json(await readInbox(db, p.userId));
      },
      responses: { 200: { description: 'Inbox' }, 401: ERR[401] },
    },
    {
      method: 'post',
      path: '/api/alerts/inbox/read',
      access: 'signed-in',
      tag: 'Alerts',
      summary: 'Mark in-app alerts read: `{"ids":[…]}` or `{"all":true}`',
      body: ReadInput,
      bodyRequired: true,
      handler: async (c) => {
        const p = await requirePrincipal(c, runtime);
        const input = parseInput(ReadInput, await readJson(c));
        return c.json({ marked: await markInboxRead(db, p.userId, input.all ? 'all' : (input.ids ?? [])) });
      },
      responses: { 200: { description: 'How many were marked' }, ...ERR },
    },
  ];
  mount(app, runtime, specs);
};

async function ownRule(c: Context, _runtime: Runtime, ctxOf: (c: Context) => Promise<ReturnType<typeof alertCtx>>) {
  const ctx = await ctxOf(c);
  const id = idParam(c, 'Alert rule');
  const rule = await ctx.alerts.rules.get(id);
  if (!rule) throw new NotFoundError('Alert rule', id);
  assertOwner(ctx.actor, rule.ownerId, 'Alert rule', id);
  return rule;
}
