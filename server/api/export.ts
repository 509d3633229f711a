/**
 * GET /api/export/incidents.csv and .json: the incidents matching the dashboard's filters
 * (core/filters.ts), oldest first, streamed page by page (db/queries/export.ts) so memory stays
 * flat whatever the range. The CSV is ACLED's 31 columns in ACLED's order, then ours (every field
 * of the record, so it is also the native CSV); the JSON is the records in their API shape.
 *
 * The first page is read before answering, so a bad filter is a 400 and a database outage a 503;
 * a failure later can only cut the download short (the status is already sent). The header
 * Export-Position carries the change-log position read before the data.
 */
import type { Context } from 'hono';
import { stringify } from 'csv-stringify/sync';
import { exportGate, exportsBusy } from './export-gate';
import { toPublicView } from '../../core/access/public-view';
import { parseInput } from '../../core/errors';
import { principalOf } from '../auth/guards';
import { IncidentFilter, resolveFilterDates, searchParamsToObject } from '../../core/filters';
import { groupNamesToIds, namesGroups } from '../../core/group/group-ref';
import { localDay } from '../../core/time/report-zone';
import type { Incident } from '../../core/incident/schema';
import { acledExportRow, EXPORT_COLUMNS, incidentPages } from '../../db/queries/export';
import type { Runtime } from '../runtime';
import { mount, type RouteModule } from './route-spec';

const encoder = new TextEncoder();

/**
 * Every CSV cell we write: a text cell starting with = + - @, a tab or CR is prefixed with ' so a
 * spreadsheet shows it instead of running it (csv-stringify's escape_formulas; numbers are left alone).
 */
export const csvRows = (rows: unknown[][]): string => stringify(rows, { escape_formulas: true });

async function* publicPages(pages: AsyncGenerator<Incident[]>, anonymous: boolean): AsyncGenerator<Incident[]> {
  try {
    for await (const page of pages) yield anonymous ? toPublicView(page) : page;
  } finally {
    await pages.return(undefined);
  }
}

/** A byte stream that pulls one page at a time: the next query runs only when the client has read on. */
function pagedStream(
  first: IteratorResult<Incident[]>,
  pages: AsyncGenerator<Incident[]>,
  render: { head: string; page: (items: Incident[], first: boolean) => string; tail: string },
  done: () => void,
) {
  let pending: IteratorResult<Incident[]> | null = first;
  let isFirst = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(render.head));
    },
    async pull(controller) {
      try {
        const next = pending ?? (await pages.next());
        pending = null;
        if (next.done) {
          controller.enqueue(encoder.encode(render.tail));
          controller.close();
          done();
          return;
        }
        controller.enqueue(encoder.encode(render.page(next.value, isFirst)));
        isFirst = false;
      } catch (err) {
        done();
        throw err;
      }
    },
    async cancel() {
      done();
      await pages.return(undefined);
    },
  });
}

async function exportIncidents(c: Context, runtime: Runtime, format: 'csv' | 'json'): Promise<Response> {
  const raw = searchParamsToObject(new URL(c.req.url).searchParams);
  const named = namesGroups(raw) ? groupNamesToIds(raw, await runtime.reads.groups.list()) : raw;
  const filter = resolveFilterDates(parseInput(IncidentFilter, named), runtime.env.REPORT_TIMEZONE);
  const release = exportGate(runtime).tryEnter();
  if (!release) return exportsBusy(runtime);
  // A client that leaves mid-download frees its slot even if the stream is never cancelled.
  c.req.raw.signal.addEventListener('abort', release, { once: true });
  try {
    return await startExport(c, runtime, format, filter, release);
  } catch (err) {
    release();
    throw err;
  }
}

async function startExport(
  c: Context,
  runtime: Runtime,
  format: 'csv' | 'json',
  filter: IncidentFilter,
  release: () => void,
): Promise<Response> {
  const zone = runtime.env.REPORT_TIMEZONE;
  const position = await runtime.reads.position();
  // Anonymous readers of a public dashboard get the public projection of every row.
  const anonymous = (await principalOf(c, runtime)) === null;
  const pages = publicPages(incidentPages(runtime.database.db, filter), anonymous);
  const first = await pages.next();
  const stamp = localDay(Date.now(), zone);
  const headers = {
    'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="incidents-${format === 'csv' ? 'acled-' : ''}${stamp}.${format}"`,
    'Export-Position': `${position.epoch}:${position.seq}`,
  };
  const render =
    format === 'csv'
      ? {
          head: csvRows([EXPORT_COLUMNS]),
          page: (items: Incident[]) => csvRows(items.map((i) => acledExportRow(i, zone))),
          tail: '',
        }
      : {
          head: `{"position":${JSON.stringify(position)},"zone":${JSON.stringify(zone)},"filter":${JSON.stringify(filter)},"exportedAt":${JSON.stringify(new Date().toISOString())},"incidents":[`,
          // `day`: the local calendar date in the reporting zone, beside the instant.
          page: (items: Incident[], isFirst: boolean) =>
            (isFirst ? '' : ',') +
            items.map((i) => JSON.stringify({ ...i, day: localDay(i.occurredAt, zone) })).join(','),
          tail: ']}',
        };
  return new Response(pagedStream(first, pages, render, release), { status: 200, headers });
}

const FILTER_TEXT =
  'Filters as on the dashboard and GET /api/incidents: from, to, country, province, group, type, target, status, retracted (default: exclude retracted).';

export const exportRoutes: RouteModule = (app, runtime) => {
  mount(app, runtime, [
    {
      method: 'get',
      path: '/api/export/incidents.csv',
      access: 'read',
      tag: 'Import and export',
      summary: 'Incidents as an ACLED-compatible CSV',
      description:
        `${FILTER_TEXT} ACLED's 31 columns in ACLED's order, then every field of ours (id, type, target_type, group, killed/injured by category, verification, …). ` +
        'Importing the file gives the same incidents by province, day and killed total; types and targets as far as ACLED can express them. ' +
        'Records without an ACLED id get event_id_cnty BW-<id>, so a re-import updates instead of duplicating.',
      query: IncidentFilter,
      responses: {
        200: { description: 'text/csv, as an attachment, streamed' },
        400: { description: 'Bad filter', schema: 'Error' },
        429: { description: 'Too many exports running on this server; see Retry-After', schema: 'Error' },
      },
      handler: (c) => exportIncidents(c, runtime, 'csv'),
    },
    {
      method: 'get',
      path: '/api/export/incidents.json',
      access: 'read',
      tag: 'Import and export',
      summary: 'Incidents as JSON (the API read shape)',
      description: `${FILTER_TEXT} \`{ position, filter, exportedAt, incidents: [Incident] }\`, streamed.`,
      query: IncidentFilter,
      responses: {
        200: { description: 'application/json, as an attachment, streamed' },
        400: { description: 'Bad filter', schema: 'Error' },
        429: { description: 'Too many exports running on this server; see Retry-After', schema: 'Error' },
      },
      handler: (c) => exportIncidents(c, runtime, 'json'),
    },
  ]);
};
