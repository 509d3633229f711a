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
import { parseInput } from '../../core/errors';
import { IncidentFilter, searchParamsToObject } from '../../core/filters';
import type { Incident } from '../../core/incident/schema';
import { acledExportRow, EXPORT_COLUMNS, incidentPages } from '../../db/queries/export';
import type { Runtime } from '../runtime';
import { mount, type RouteModule } from './route-spec';

const encoder = new TextEncoder();

/** A byte stream that pulls one page at a time: the next query runs only when the client has read on. */
function pagedStream(
  first: IteratorResult<Incident[]>,
  pages: AsyncGenerator<Incident[]>,
  render: { head: string; page: (items: Incident[], first: boolean) => string; tail: string },
) {
  let pending: IteratorResult<Incident[]> | null = first;
  let isFirst = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(render.head));
    },
    async pull(controller) {
      const next = pending ?? (await pages.next());
      pending = null;
      if (next.done) {
        controller.enqueue(encoder.encode(render.tail));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(render.page(next.value, isFirst)));
      isFirst = false;
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

async function exportIncidents(c: Context, runtime: Runtime, format: 'csv' | 'json'): Promise<Response> {
  const filter = parseInput(IncidentFilter, searchParamsToObject(new URL(c.req.url).searchParams));
  const position = await runtime.reads.position();
  const pages = incidentPages(runtime.database.db, filter);
  const first = await pages.next();
  const stamp = new Date().toISOString().slice(0, 10);
  const headers = {
    'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="incidents-${format === 'csv' ? 'acled-' : ''}${stamp}.${format}"`,
    'Export-Position': `${position.epoch}:${position.seq}`,
  };
  const render =
    format === 'csv'
      ? {
          head: stringify([EXPORT_COLUMNS]),
          page: (items: Incident[]) => stringify(items.map(acledExportRow)),
          tail: '',
        }
      : {
          head: `{"position":${JSON.stringify(position)},"filter":${JSON.stringify(filter)},"exportedAt":${JSON.stringify(new Date().toISOString())},"incidents":[`,
          page: (items: Incident[], isFirst: boolean) =>
            (isFirst ? '' : ',') + items.map((i) => JSON.stringify(i)).join(','),
          tail: ']}',
        };
  return new Response(pagedStream(first, pages, render), { status: 200, headers });
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
      },
      handler: (c) => exportIncidents(c, runtime, 'json'),
    },
  ]);
};
