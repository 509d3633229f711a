/**
 * GET /api/stats/{summary,timeseries,breakdown,overview}: the dashboard's aggregates, over the
 * rollups, with the shared filters. Plain handlers (the read-auth middleware applies to them);
 * parameters are parsed by core (bad ones are a ValidationError naming the field → 400).
 */
import type { Context } from 'hono';
import { ValidationError } from '../../core/errors';
import { searchParamsToObject } from '../../core/filters';
import { groupNamesToIds, namesGroups } from '../../core/group/group-ref';
import { parseStatsQuery, type StatsQuery } from '../../core/stats/stats-query';
import type { ApiApp, ApiEnv } from './route-spec';
import type { Runtime } from '../runtime';

export function statsRoutes(app: ApiApp, runtime: Runtime) {
  const zone = runtime.env.REPORT_TIMEZONE;
  // `group=TTP` reads as that group; the group list is read only when a name is given.
  const query = async (c: Context<ApiEnv>): Promise<StatsQuery> => {
    const raw = searchParamsToObject(new URL(c.req.url).searchParams);
    const params = namesGroups(raw) ? groupNamesToIds(raw, await runtime.reads.groups.list()) : raw;
    return parseStatsQuery(params, new Date(), { zone });
  };
  const stats = () => runtime.reads.stats;

  app.get('/api/stats/summary', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await stats().summary(await query(c)));
  });

  app.get('/api/stats/timeseries', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await stats().timeseries(await query(c)));
  });

  app.get('/api/stats/breakdown', async (c) => {
    c.header('Cache-Control', 'no-store');
    const q = await query(c);
    if (!q.by) throw new ValidationError({ by: 'is required: province, group, type or target' });
    return c.json(await stats().breakdown(q, q.by));
  });

  // The overview's live refresh: one request and one position instead of six.
  app.get('/api/stats/overview', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await stats().overview(await query(c)));
  });
}
