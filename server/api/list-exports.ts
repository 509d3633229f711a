/**
 * CSV downloads of the operations list, the groups table and one group's figures over time, as the
 * pages show them. Cells go through `csvRows` (formula cells prefixed with '), a figure the source
 * did not give is an empty cell (never 0), and days and months are the reporting zone's.
 *
 * - operations.csv: the records matching the filters of GET /api/operations, oldest first, read
 *   in keyset pages and streamed (the same export slots as the incidents export).
 * - groups.csv: each group with its latest strength estimate and its incidents and killed in the
 *   last 12 months and in all recorded time; unattributed incidents as a last row.
 * - group.csv: one group's incidents, casualties and the operations against it per bucket (stats
 *   parameters: range or from/to, bucket), the numbers behind the group page's chart.
 */
import { OTHER_GROUP, OTHER_GROUP_LABEL, UNKNOWN_GROUP, UNKNOWN_GROUP_LABEL } from '../../core/rollup/incident-rollup';
import type { Context } from 'hono';
import { z } from 'zod';
import { CASUALTY_CATEGORIES } from '../../core/enums';
import { ValidationError } from '../../core/errors';
import { searchParamsToObject } from '../../core/filters';
import { groupNamesToIds, namesGroups } from '../../core/group/group-ref';
import type { Group } from '../../core/group/schema';
import type { Operation } from '../../core/operation/schema';
import { parseStatsQuery } from '../../core/stats/stats-query';
import type { BreakdownRow } from '../../core/stats/stats-types';
import { localDateTime, localDay } from '../../core/time/report-zone';
import { toPublicView } from '../../core/access/public-view';
import type { PageKey } from '../../db/queries/incidents';
import { principalOf } from '../auth/guards';
import type { Runtime } from '../runtime';
import { csvRows } from './export';
import { exportGate, exportsBusy } from './export-gate';
import { operationListParams } from './list-params';
import { mount, type RouteModule } from './route-spec';

const encoder = new TextEncoder();
const PAGE = 500;

const csvHeaders = (name: string, runtime: Runtime) => ({
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': `attachment; filename="${name}-${localDay(Date.now(), runtime.env.REPORT_TIMEZONE)}.csv"`,
  'Cache-Control': 'no-store',
});

export const OPERATION_COLUMNS = [
  'id',
  'occurred_at',
  'day',
  'time_of_day',
  'time_precision',
  'country',
  'province',
  'district',
  'place',
  'latitude',
  'longitude',
  'geo_precision',
  'kind',
  'agency',
  'group',
  'group_id',
  'actors',
  'operations',
  'militants_killed',
  'militants_arrested',
  'security_killed',
  'security_injured',
  'verification',
  'summary',
  'source_urls',
  'external_id',
  'synthetic',
  'version',
  'retracted_at',
] as const;

/** One operation as a CSV row: null figures stay empty ("not reported" is not 0). */
export function operationRow(o: Operation, zone: string): unknown[] {
  return [
    o.id,
    o.occurredAt,
    localDay(o.occurredAt, zone),
    o.timePrecision === 'exact' ? localDateTime(o.occurredAt, zone).slice(11, 16) : '',
    o.timePrecision,
    o.country,
    o.province ?? '',
    o.district ?? '',
    o.place ?? '',
    o.latitude ?? '',
    o.longitude ?? '',
    o.geoPrecision,
    o.kind,
    o.agency ?? '',
    o.groupName ?? '',
    o.groupId ?? '',
    o.actors.map((a) => a.name).join('; '),
    o.count,
    o.militantsKilled ?? '',
    o.militantsArrested ?? '',
    o.securityKilled ?? '',
    o.securityInjured ?? '',
    o.verification,
    o.summary ?? '',
    o.sources.map((s) => s.url ?? s.name ?? '').join(' '),
    o.externalId ?? '',
    o.synthetic,
    o.version,
    o.retractedAt ?? '',
  ];
}

async function exportOperations(c: Context, runtime: Runtime): Promise<Response> {
  const url = c.req.url;
  const raw = searchParamsToObject(new URL(url).searchParams);
  const groups = namesGroups(raw) ? await runtime.reads.groups.list() : [];
  const { filter } = operationListParams(url, runtime.env.REPORT_TIMEZONE, groups);
  const release = exportGate(runtime).tryEnter();
  if (!release) return exportsBusy(runtime);
  c.req.raw.signal.addEventListener('abort', release, { once: true });
  try {
    const zone = runtime.env.REPORT_TIMEZONE;
    const anonymous = (await principalOf(c, runtime)) === null;
    const read = (after: PageKey | null) =>
      runtime.reads.operations.list({ filter, sort: 'occurredAt', limit: PAGE, after });
    // The first page before answering: a database outage is a 503, not a cut-short file.
    let page: Awaited<ReturnType<typeof read>> | null = await read(null);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(csvRows([[...OPERATION_COLUMNS]])));
      },
      async pull(controller) {
        try {
          if (!page) {
            controller.close();
            release();
            return;
          }
          const items = anonymous ? toPublicView(page.items) : page.items;
          controller.enqueue(encoder.encode(csvRows(items.map((o) => operationRow(o, zone)))));
          page = page.next ? await read(page.next) : null;
        } catch (err) {
          release();
          throw err;
        }
      },
      cancel() {
        release();
      },
    });
    return new Response(body, { status: 200, headers: csvHeaders('operations', runtime) });
  } catch (err) {
    release();
    throw err;
  }
}

export const GROUP_COLUMNS = [
  'short_name',
  'full_name',
  'aliases',
  'base_country',
  'proscribed',
  'strength_low',
  'strength_high',
  'strength_as_of',
  'strength_source',
  'incidents_12_months',
  'killed_12_months_low',
  'killed_12_months_high',
  'incidents_all',
  'killed_all_low',
  'killed_all_high',
  'id',
] as const;

function latestEstimate(g: Group) {
  return [...g.strengthEstimates].sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
}

async function exportGroups(c: Context, runtime: Runtime): Promise<Response> {
  const unknown = Object.keys(searchParamsToObject(new URL(c.req.url).searchParams));
  if (unknown.length > 0)
    throw new ValidationError(Object.fromEntries(unknown.map((k) => [k, 'is not a parameter of this export'])));
  const zone = runtime.env.REPORT_TIMEZONE;
  const now = new Date();
  const [groups, year, all] = await Promise.all([
    runtime.reads.groups.list(),
    runtime.reads.stats.breakdown(parseStatsQuery({ range: '1y', top: '50' }, now, { zone }), 'group'),
    runtime.reads.stats.breakdown(parseStatsQuery({ top: '50' }, now, { zone }), 'group'),
  ]);
  const yearBy = new Map(year.rows.map((r) => [r.key, r]));
  const allBy = new Map(all.rows.map((r) => [r.key, r]));
  const figures = (y: BreakdownRow | undefined, a: BreakdownRow | undefined) => [
    y?.incidents ?? 0,
    y?.killed.low ?? 0,
    y?.killed.high ?? 0,
    a?.incidents ?? 0,
    a?.killed.low ?? 0,
    a?.killed.high ?? 0,
  ];
  const sorted = [...groups].sort(
    (a, b) =>
      (allBy.get(b.id)?.incidents ?? 0) - (allBy.get(a.id)?.incidents ?? 0) || a.shortName.localeCompare(b.shortName),
  );
  const rows = sorted.map((g) => {
    const est = latestEstimate(g);
    return [
      g.shortName,
      g.fullName,
      g.aliases.join('; '),
      g.baseCountry ?? '',
      g.proscribed,
      est?.low ?? '',
      est?.high ?? '',
      est?.asOf ?? '',
      est?.source ?? '',
      ...figures(yearBy.get(g.id), allBy.get(g.id)),
      g.id,
    ];
  });
  // Not groups: the source named a perpetrator that is none of ours, or named none (docs/adr/0030).
  // Only the name and the figures: the group columns in between stay empty.
  for (const [label, key] of [
    [OTHER_GROUP_LABEL, OTHER_GROUP],
    [UNKNOWN_GROUP_LABEL, UNKNOWN_GROUP],
  ] as const) {
    rows.push([label, ...Array<string>(8).fill(''), ...figures(yearBy.get(key), allBy.get(key)), '']);
  }
  return new Response(csvRows([[...GROUP_COLUMNS], ...rows]), { status: 200, headers: csvHeaders('groups', runtime) });
}

export const GROUP_SERIES_COLUMNS = [
  'bucket_start',
  'day',
  'partial',
  'incidents',
  ...CASUALTY_CATEGORIES.map((c) => `killed_${c}`),
  'killed_high',
  'incidents_without_killed_figure',
  ...CASUALTY_CATEGORIES.map((c) => `injured_${c}`),
  'injured_high',
  'incidents_without_injured_figure',
  'operations',
  'militants_killed',
  'militants_arrested',
] as const;

const GroupSeriesQuery = z.object({
  group: z.string({ error: 'is required: the group short name (e.g. TTP) or id' }).min(1, 'is required'),
});

async function exportGroup(c: Context, runtime: Runtime): Promise<Response> {
  const zone = runtime.env.REPORT_TIMEZONE;
  const raw = searchParamsToObject(new URL(c.req.url).searchParams);
  const given = GroupSeriesQuery.safeParse({ group: raw.group });
  if (!given.success || Array.isArray(raw.group) || String(raw.group).includes(','))
    throw new ValidationError({ group: 'is required: one group, by short name (e.g. TTP) or id' });
  const groups = await runtime.reads.groups.list();
  const params = namesGroups(raw) ? groupNamesToIds(raw, groups) : raw;
  const q = parseStatsQuery({ bucket: 'month', ...params }, new Date(), { zone });
  const id = q.filter.group?.[0];
  const group = groups.find((g) => g.id === id);
  if (!group) throw new ValidationError({ group: 'is not a group: give a short name (e.g. TTP) or an id' });
  const series = await runtime.reads.stats.timeseries(q);
  const rows = series.points.map((p) => [
    p.start,
    p.day,
    p.partial,
    p.incidents,
    ...CASUALTY_CATEGORIES.map((k) => p.killed[k]),
    p.killedHigh,
    p.killedMissing,
    ...CASUALTY_CATEGORIES.map((k) => p.injured[k]),
    p.injuredHigh,
    p.injuredMissing,
    p.operations,
    p.militantsKilled,
    p.militantsArrested,
  ]);
  return new Response(csvRows([[...GROUP_SERIES_COLUMNS], ...rows]), {
    status: 200,
    headers: csvHeaders(`group-${group.shortName.replace(/[^A-Za-z0-9-]+/g, '_')}-per-${series.bucket}`, runtime),
  });
}

const CSV_ERRORS = {
  400: { description: 'A bad parameter; `error.fields` names it', schema: 'Error' },
  401: { description: 'Not signed in (unless PUBLIC_DASHBOARD=1)', schema: 'Error' },
};

export const listExportRoutes: RouteModule = (app, runtime) => {
  mount(app, runtime, [
    {
      method: 'get',
      path: '/api/export/operations.csv',
      access: 'read',
      tag: 'Import and export',
      summary: 'Operations as CSV',
      description:
        'The operations matching the filters of GET /api/operations (from, to, country, province, group, status, kind, source, actor, retracted), oldest first, streamed. ' +
        `Columns: ${OPERATION_COLUMNS.join(', ')}. A figure the source did not give is an empty cell, not 0; day and time_of_day are the reporting zone's.`,
      responses: {
        200: { description: 'text/csv, as an attachment, streamed' },
        ...CSV_ERRORS,
        429: { description: 'Too many exports running on this server; see Retry-After', schema: 'Error' },
      },
      handler: (c) => exportOperations(c, runtime),
    },
    {
      method: 'get',
      path: '/api/export/groups.csv',
      access: 'read',
      tag: 'Import and export',
      summary: 'The groups table as CSV',
      description: `Every group with its latest strength estimate and recorded incidents, as on the groups page; a last row for unattributed incidents. Columns: ${GROUP_COLUMNS.join(', ')}.`,
      responses: { 200: { description: 'text/csv, as an attachment' }, ...CSV_ERRORS },
      handler: (c) => exportGroups(c, runtime),
    },
    {
      method: 'get',
      path: '/api/export/group.csv',
      access: 'read',
      tag: 'Import and export',
      summary: "One group's figures per bucket as CSV",
      description:
        '`group` (short name or id, required), and the stats parameters range or from/to (default: all recorded time) and bucket (default month). ' +
        `Columns: ${GROUP_SERIES_COLUMNS.join(', ')}.`,
      responses: { 200: { description: 'text/csv, as an attachment' }, ...CSV_ERRORS },
      handler: (c) => exportGroup(c, runtime),
    },
  ]);
};
