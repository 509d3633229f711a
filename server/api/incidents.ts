/** /api/incidents and /api/operations: operators record, everyone with read access lists. */
import type { Context } from 'hono';
import { z } from 'zod';
import { IncidentFilter } from '../../core/filters';
import { CreateIncidentInput } from '../../core/incident/schema';
import { CreateOperationInput } from '../../core/operation/schema';
import { OPERATION_KINDS } from '../../core/enums';
import { mount, type RouteModule } from './route-spec';
import { encodeCursor, groupsNamedIn, incidentListParams, operationListParams, PagingQuery } from './list-params';
import { recordRoutes } from './record-routes';
import { incidentBatchRoute } from './incident-batch';

const LIST_DESCRIPTION =
  'Newest first by default. Multi-valued filters take repeats (`province=KP&province=Sindh`) or commas. ' +
  'Pass `nextCursor` back as `cursor` for the next page (same sort). `position` is the change-log position read before the page: ' +
  'apply live changes after it.';

export const incidentRoutes: RouteModule = (app, runtime) => {
  const list = async (c: Context) => {
    const params = incidentListParams(
      c.req.url,
      runtime.env.REPORT_TIMEZONE,
      await groupsNamedIn(c.req.url, runtime.reads.groups.list),
    );
    const position = await runtime.reads.position();
    const page = await runtime.reads.incidents.list(params);
    return c.json({ items: page.items, nextCursor: encodeCursor(params.sort, page.next), position });
  };
  // Before the record routes: `/api/incidents/batch` is not an `{id}`.
  mount(app, runtime, [incidentBatchRoute(runtime)]);
  mount(
    app,
    runtime,
    recordRoutes(runtime, {
      base: '/api/incidents',
      entity: 'incident',
      key: 'incident',
      label: 'Incident',
      tag: 'Incidents',
      schema: 'Incident',
      writeAccess: 'operator',
      createInput: CreateIncidentInput,
      list: { handler: list, query: PagingQuery.extend(IncidentFilter.shape), description: LIST_DESCRIPTION },
      get: (id) => runtime.reads.incidents.get(id),
      create: runtime.writes.createIncident,
      update: runtime.writes.updateIncident,
      retract: runtime.writes.retractIncident,
    }),
  );
};

const { type: _type, target: _target, ...operationFilterShape } = IncidentFilter.shape;

export const operationRoutes: RouteModule = (app, runtime) => {
  const list = async (c: Context) => {
    const params = operationListParams(
      c.req.url,
      runtime.env.REPORT_TIMEZONE,
      await groupsNamedIn(c.req.url, runtime.reads.groups.list),
    );
    const position = await runtime.reads.position();
    const page = await runtime.reads.operations.list(params);
    return c.json({ items: page.items, nextCursor: encodeCursor(params.sort, page.next), position });
  };
  mount(
    app,
    runtime,
    recordRoutes(runtime, {
      base: '/api/operations',
      entity: 'operation',
      key: 'operation',
      label: 'Operation',
      tag: 'Operations',
      schema: 'Operation',
      writeAccess: 'operator',
      createInput: CreateOperationInput,
      list: {
        handler: list,
        query: PagingQuery.extend(operationFilterShape).extend({
          kind: z.union([z.enum(OPERATION_KINDS), z.array(z.enum(OPERATION_KINDS))]).optional(),
        }),
        description: LIST_DESCRIPTION,
      },
      get: (id) => runtime.reads.operations.get(id),
      create: runtime.writes.createOperation,
      update: runtime.writes.updateOperation,
      retract: runtime.writes.retractOperation,
    }),
  );
};
