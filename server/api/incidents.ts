/** /api/incidents and /api/operations: operators record, everyone with read access lists. */
import type { Context } from 'hono';
import { z } from 'zod';
import { IncidentFilter } from '../../core/filters';
import { createIncident, createIncidents } from '../../core/incident/create-incident';
import { retractIncident } from '../../core/incident/retract-incident';
import { CreateIncidentInput, UpdateIncidentInput, type Incident } from '../../core/incident/schema';
import { updateIncident } from '../../core/incident/update-incident';
import { createOperation, createOperations } from '../../core/operation/create-operation';
import { retractOperation } from '../../core/operation/retract-operation';
import { CreateOperationInput, UpdateOperationInput, type Operation } from '../../core/operation/schema';
import { updateOperation } from '../../core/operation/update-operation';
import { OPERATION_KINDS } from '../../core/enums';
import { parseInput } from '../../core/errors';
import { createWriteCombiner } from '../../core/write-combiner';
import type { RouteModule } from './app';
import { encodeCursor, groupsNamedIn, incidentListParams, operationListParams, PagingQuery } from './list-params';
import { recordRoutes } from './record-routes';
import { mount } from './route-spec';

const LIST_DESCRIPTION =
  'Newest first by default. Multi-valued filters take repeats (`province=KP&province=Sindh`) or commas. ' +
  'Pass `nextCursor` back as `cursor` for the next page (same sort). `position` is the change-log position read before the page: ' +
  'apply live changes after it.';

export const incidentRoutes: RouteModule = (app, runtime) => {
  const combinedIncident = createWriteCombiner<Incident>({
    validate: (input) => parseInput(CreateIncidentInput, input),
    createMany: (ctx, inputs, tx) => createIncidents({ ctx, inputs, tx }),
    createOne: (ctx, input) => createIncident({ ctx, input }),
  });
  const list = async (c: Context) => {
    const params = incidentListParams(c.req.url, await groupsNamedIn(c.req.url, runtime.reads.groups.list));
    const position = await runtime.reads.position();
    const page = await runtime.reads.incidents.list(params);
    return c.json({ items: page.items, nextCursor: encodeCursor(params.sort, page.next), position });
  };
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
      updateInput: UpdateIncidentInput,
      list: { handler: list, query: PagingQuery.extend(IncidentFilter.shape), description: LIST_DESCRIPTION },
      get: (id) => runtime.reads.incidents.get(id),
      // Without an Idempotency-Key (no caller transaction), concurrent creates commit together.
      create: (ctx, input, tx) => (tx ? createIncident({ ctx, input, tx }) : combinedIncident(ctx, input)),
      update: (ctx, id, input) => updateIncident({ ctx, id, input }),
      retract: (ctx, id, input) => retractIncident({ ctx, id, input }),
    }),
  );
};

const { type: _type, target: _target, ...operationFilterShape } = IncidentFilter.shape;

export const operationRoutes: RouteModule = (app, runtime) => {
  const combinedOperation = createWriteCombiner<Operation>({
    validate: (input) => parseInput(CreateOperationInput, input),
    createMany: (ctx, inputs, tx) => createOperations({ ctx, inputs, tx }),
    createOne: (ctx, input) => createOperation({ ctx, input }),
  });
  const list = async (c: Context) => {
    const params = operationListParams(c.req.url, await groupsNamedIn(c.req.url, runtime.reads.groups.list));
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
      updateInput: UpdateOperationInput,
      list: {
        handler: list,
        query: PagingQuery.extend(operationFilterShape).extend({
          kind: z.union([z.enum(OPERATION_KINDS), z.array(z.enum(OPERATION_KINDS))]).optional(),
        }),
        description: LIST_DESCRIPTION,
      },
      get: (id) => runtime.reads.operations.get(id),
      create: (ctx, input, tx) => (tx ? createOperation({ ctx, input, tx }) : combinedOperation(ctx, input)),
      update: (ctx, id, input) => updateOperation({ ctx, id, input }),
      retract: (ctx, id, input) => retractOperation({ ctx, id, input }),
    }),
  );
};
