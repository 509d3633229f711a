/**
 * GET /api/stats/{summary,timeseries,breakdown,overview}: the dashboard's aggregates, over the
 * rollups, with the shared filters. Declared as route specs, so the API document lists each
 * endpoint's query parameters and response schema; parameters are parsed by core (bad ones are a
 * ValidationError naming the field → 400).
 */
import type { Context } from 'hono';
import { ValidationError } from '../../core/errors';
import { searchParamsToObject } from '../../core/filters';
import { groupNamesToIds, namesGroups } from '../../core/group/group-ref';
import { parseStatsQuery, StatsQueryParams, type StatsQuery } from '../../core/stats/stats-query';
import { toBrief } from '../../core/stats/incident-brief';
import { FEED_LIMIT, MAP_LIMIT, type OverviewIncidents } from '../../core/stats/overview-incidents';
import type { OverviewReference } from '../../core/stats/overview-reference';
import { candidateDays, type OverviewDuplicates } from '../../core/duplicate/candidate-period';
import type { ApiApp } from './route-spec';
import type { Runtime } from '../runtime';
import { mount, type RouteSpec } from './route-spec';

const PERIOD_TEXT =
  'The period is `range` (a preset, resolved against the server clock) or `from`/`to` (ISO 8601 instants, or local dates of the reporting zone; half-open); ' +
  'without either, all recorded time. Filters take comma-separated or repeated values. Unknown parameters are a 400. ' +
  'Casualty and outcome totals sum the reported figures; each carries `missing`, the records that report none.';

export function statsRoutes(app: ApiApp, runtime: Runtime) {
  const zone = runtime.env.REPORT_TIMEZONE;
  // `group=TTP` reads as that group; the group list is read only when a name is given.
  const query = async (c: Context): Promise<StatsQuery> => {
    const raw = searchParamsToObject(new URL(c.req.url).searchParams);
    const params = namesGroups(raw) ? groupNamesToIds(raw, await runtime.reads.groups.list()) : raw;
    return parseStatsQuery(params, new Date(), { zone });
  };
  const stats = () => runtime.reads.stats.json;
  const spec = (
    name: keyof typeof StatsQueryParams,
    summary: string,
    schema: string,
    run: (q: StatsQuery) => Promise<string>,
  ): RouteSpec => ({
    method: 'get',
    path: `/api/stats/${name}`,
    access: 'read',
    tag: 'Stats',
    summary,
    description: PERIOD_TEXT,
    query: StatsQueryParams[name],
    handler: async (c) => {
      c.header('Cache-Control', 'no-store');
      // The answer comes serialised, from the per-position answer cache (db/queries/answer-cache.ts).
      return c.body(await run(await query(c)), 200, { 'Content-Type': 'application/json' });
    },
    responses: {
      200: { description: 'The aggregate and the log position it is consistent with', schema },
      400: { description: 'A bad parameter; `error.fields` names it', schema: 'Error' },
      401: { description: 'Not signed in (unless PUBLIC_DASHBOARD=1)', schema: 'Error' },
    },
  });
  mount(app, runtime, [
    spec('summary', 'KPIs of a period and of the previous equal period', 'StatsSummary', (q) => stats().summary(q)),
    spec('timeseries', 'Incidents, casualties and operations per bucket', 'StatsTimeseries', (q) =>
      stats().timeseries(q),
    ),
    spec('breakdown', 'Incidents and casualties by province, group, type or target', 'StatsBreakdown', (q) => {
      if (!q.by) throw new ValidationError({ by: 'is required: province, group, type or target' });
      return stats().breakdown(q, q.by);
    }),
    // The overview's live refresh: one request and one position instead of six.
    spec('overview', 'Summary, timeseries and every breakdown at one position', 'StatsOverview', (q) =>
      stats().overview(q),
    ),
    {
      method: 'get',
      path: '/api/overview/incidents',
      access: 'read',
      tag: 'Stats',
      summary: 'The overview’s latest incidents and map points at one position',
      description: `The newest ${FEED_LIMIT} live incidents of the view and its newest ${MAP_LIMIT} located ones, with the change-log position read before them: apply live changes after it. ${PERIOD_TEXT}`,
      query: StatsQueryParams.summary,
      handler: async (c) => {
        c.header('Cache-Control', 'no-store');
        const q = await query(c);
        const reads = runtime.reads;
        // The position first: the lists read after it are at least this new (see the live protocol).
        const position = await reads.position();
        const [feed, points, synthetic] = await Promise.all([
          reads.incidents.list({
            filter: { ...q.filter, retracted: 'exclude' },
            sort: '-occurredAt',
            limit: FEED_LIMIT,
            after: null,
          }),
          reads.dashboard.mapPoints(q.filter, MAP_LIMIT),
          reads.dashboard.syntheticPresent(),
        ]);
        const answer: OverviewIncidents = { position, feed: feed.items.map(toBrief), points, synthetic };
        return c.json(answer);
      },
      responses: {
        200: {
          description: 'The feed and the map points, and the position they are consistent with',
          schema: 'OverviewIncidents',
        },
        400: { description: 'A bad parameter; `error.fields` names it', schema: 'Error' },
        401: { description: 'Not signed in (unless PUBLIC_DASHBOARD=1)', schema: 'Error' },
      },
    },
    {
      method: 'get',
      path: '/api/overview/duplicates',
      access: 'read',
      tag: 'Stats',
      summary: 'The overview’s “N possible duplicates in this period”',
      description: `Unresolved duplicate candidates (open or put aside, both records live) whose earlier record falls in the view's period (local days of the reporting zone), with the change-log position read before the count. The overview reads it again on \`duplicates.changed\`. Only the period counts; the other filters are accepted and ignored, so the view's own parameters can be sent. ${PERIOD_TEXT}`,
      query: StatsQueryParams.summary,
      handler: async (c) => {
        c.header('Cache-Control', 'no-store');
        const q = await query(c);
        const position = await runtime.reads.position();
        const count = await runtime.reads.duplicates.unresolvedIn(candidateDays(q.period, zone));
        const answer: OverviewDuplicates = { position, count };
        return c.json(answer);
      },
      responses: {
        200: { description: 'The count and the position read before it', schema: 'OverviewDuplicates' },
        400: { description: 'A bad parameter; `error.fields` names it', schema: 'Error' },
        401: { description: 'Not signed in (unless PUBLIC_DASHBOARD=1)', schema: 'Error' },
      },
    },
    {
      method: 'get',
      path: '/api/overview/reference',
      access: 'read',
      tag: 'Stats',
      summary: 'The overview’s published figures, each beside what was recorded for the same period',
      description:
        'Every reference figure as published, with the recorded measure that counts the same thing over the same, ended period (`recorded`, else null), and the change-log position the comparison was read at. It takes no parameters (the panel is the same in every view); any is a 400.',
      handler: async (c) => {
        c.header('Cache-Control', 'no-store');
        const unknown = [...new URL(c.req.url).searchParams.keys()];
        if (unknown.length > 0)
          throw new ValidationError(Object.fromEntries(unknown.map((k) => [k, 'is not a parameter of this endpoint'])));
        const reads = runtime.reads;
        const position = await reads.position();
        const answer: OverviewReference = { position, comparisons: await reads.dashboard.referenceComparisons() };
        return c.json(answer);
      },
      responses: {
        200: { description: 'The comparisons and the position they were read at', schema: 'OverviewReference' },
        400: { description: 'A bad parameter; `error.fields` names it', schema: 'Error' },
        401: { description: 'Not signed in (unless PUBLIC_DASHBOARD=1)', schema: 'Error' },
      },
    },
  ]);
}
