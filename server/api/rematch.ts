/**
 * POST /api/groups/rematch (admin): re-derive every stored record's group from its actors after
 * groups or aliases changed (core/group/rematch-groups.ts), through the versioned write path: the change
 * log, rollups and live views follow as for any edit.
 */
import { rematchGroups } from '../../core/group/rematch-groups';
import { rematchRecords } from '../../db/queries/rematch-records';
import { requirePrincipal } from '../auth/guards';
import type { RouteModule } from './route-spec';
import { mount } from './route-spec';

export const rematchRoutes: RouteModule = (app, runtime) => {
  mount(app, runtime, [
    {
      method: 'post',
      path: '/api/groups/rematch',
      access: 'admin',
      tag: 'Groups',
      summary: 'Re-match stored records to groups by their actors',
      description:
        'Re-derives groupId and namedActor of every live incident and operation that keeps source actors, with the current group names and aliases. Changed records get a new version (change log, rollups, live updates); records without actors keep the group an operator chose. Answers { checked, changed, conflicts }.',
      responses: {
        200: { description: '{ checked, changed, conflicts }' },
        401: { description: 'Not signed in', schema: 'Error' },
        403: { description: 'Not an admin', schema: 'Error' },
        409: { description: 'The group table is empty', schema: 'Error' },
      },
      handler: async (c) => {
        const principal = await requirePrincipal(c, runtime);
        return c.json(
          await rematchGroups({ ctx: runtime.ctx(principal.actor), records: rematchRecords(runtime.database.db) }),
        );
      },
    },
  ]);
};
