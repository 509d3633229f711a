/**
 * The routes every versioned record shares: read one, create (with Idempotency-Key), PATCH against
 * a version, DELETE = retract with a reason, and its audit history. Lists differ per entity and
 * are passed in. Handlers stay thin: parse, call the core verb, answer; errors go to the one mapper.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { RetractInput } from '../../core/common-schemas';
import { NotFoundError } from '../../core/errors';
import type { Entity } from '../../core/enums';
import type { RecordWrites } from '../../core/write/record-writes';
import type { Runtime } from '../runtime';
import { readJson } from './json-body';
import type { RouteSpec } from './route-spec';
import { callerCtx, createdResponse, idParam, retractInput } from './write-helpers';

export interface RecordResource<T> {
  /** `/api/incidents` */
  base: string;
  entity: Entity;
  /** The key of the record in responses: `{ incident, change }`. */
  key: string;
  label: string;
  tag: string;
  /** OpenAPI component name of the read shape. */
  schema: string;
  writeAccess: 'operator' | 'admin';
  createInput: z.ZodType;
  updateInput: z.ZodType;
  list: Pick<RouteSpec, 'handler' | 'query' | 'description'>;
  get(id: string): Promise<T | null>;
  /** The entity's write verbs (runtime.writes): parsing, idempotency, batching and retries live there. */
  create: RecordWrites['create'];
  update: RecordWrites['update'];
  retract: RecordWrites['retract'];
}

const ERRORS = {
  400: { description: 'Invalid input; `error.fields` names each bad field by its input path', schema: 'Error' },
  401: { description: 'Not signed in', schema: 'Error' },
  403: { description: 'Signed in without the needed role, or a cross-site request', schema: 'Error' },
};

export function recordRoutes<T>(runtime: Runtime, r: RecordResource<T>): RouteSpec[] {
  const item = `${r.base}/{id}`;
  const written = (description: string) => ({
    description,
    schema: {
      type: 'object',
      properties: {
        [r.key]: { $ref: `#/components/schemas/${r.schema}` },
        change: { $ref: '#/components/schemas/ChangePosition' },
      },
    },
  });
  const one = async (c: Context) => {
    const id = idParam(c, r.label);
    const position = await runtime.reads.position();
    const record = await r.get(id);
    if (!record) throw new NotFoundError(r.label, id);
    return c.json({ [r.key]: record, position });
  };
  return [
    {
      method: 'get',
      path: r.base,
      access: 'read',
      tag: r.tag,
      summary: `List ${r.tag.toLowerCase()}`,
      ...r.list,
      responses: {
        200: { description: 'A page of records and the log position read before them', schema: `${r.schema}Page` },
        400: ERRORS[400],
        401: ERRORS[401],
      },
    },
    {
      method: 'post',
      path: r.base,
      access: r.writeAccess,
      tag: r.tag,
      summary: `Record a new ${r.label.toLowerCase()}`,
      body: r.createInput,
      bodyRequired: true,
      idempotent: true,
      handler: async (c) => {
        const ctx = await callerCtx(c, runtime);
        const outcome = await r.create({
          ctx,
          input: await readJson(c),
          idempotencyKey: c.req.header('idempotency-key'),
        });
        return createdResponse(c, outcome);
      },
      responses: {
        201: written('Created, with the change-log position of the write'),
        ...ERRORS,
        409: { description: 'Idempotency-Key reused with a different body', schema: 'Error' },
        413: { description: 'Body over 1 MB', schema: 'Error' },
        415: { description: 'Body is not JSON', schema: 'Error' },
      },
    },
    {
      method: 'get',
      path: item,
      access: 'read',
      tag: r.tag,
      summary: `Read one ${r.label.toLowerCase()}`,
      handler: one,
      responses: {
        200: {
          description: 'The record and the log position read before it',
          schema: {
            type: 'object',
            properties: {
              [r.key]: { $ref: `#/components/schemas/${r.schema}` },
              position: { $ref: '#/components/schemas/Position' },
            },
          },
        },
        401: ERRORS[401],
        404: { description: 'No such record', schema: 'Error' },
      },
    },
    {
      method: 'patch',
      path: item,
      access: r.writeAccess,
      tag: r.tag,
      summary: `Edit a ${r.label.toLowerCase()} (send the version you edited)`,
      body: r.updateInput,
      bodyRequired: true,
      handler: async (c) => {
        const id = idParam(c, r.label);
        const ctx = await callerCtx(c, runtime);
        return c.json(await r.update({ ctx, id, input: await readJson(c) }));
      },
      responses: {
        200: written('Updated'),
        ...ERRORS,
        404: { description: 'No such record', schema: 'Error' },
        409: {
          description: 'The record changed since `version` (or was retracted): `error.current` is the record now',
          schema: 'Error',
        },
      },
    },
    {
      method: 'delete',
      path: item,
      access: r.writeAccess,
      tag: r.tag,
      summary: `Retract a ${r.label.toLowerCase()} (never deleted): reason required, in the body or the query`,
      body: RetractInput,
      description: '`reason` (and optionally `version`) in a JSON body, or as query parameters `?reason=…&version=…`.',
      handler: async (c) => {
        const id = idParam(c, r.label);
        const ctx = await callerCtx(c, runtime);
        return c.json(await r.retract({ ctx, id, input: await retractInput(c) }));
      },
      responses: {
        200: written('Retracted'),
        ...ERRORS,
        404: { description: 'No such record', schema: 'Error' },
        409: { description: 'Already retracted, or changed since `version`', schema: 'Error' },
      },
    },
    {
      method: 'get',
      path: `${item}/history`,
      access: 'signed-in',
      tag: r.tag,
      summary: `Audit history of a ${r.label.toLowerCase()}: who changed what, when, before and after`,
      handler: async (c) => {
        const id = idParam(c, r.label);
        const position = await runtime.reads.position();
        const items = await runtime.reads.history(position.epoch, r.entity, id);
        if (items.length === 0 && !(await r.get(id))) throw new NotFoundError(r.label, id);
        return c.json({ items, position });
      },
      responses: {
        200: { description: 'Changes, oldest first', schema: 'History' },
        401: ERRORS[401],
        404: { description: 'No such record', schema: 'Error' },
      },
    },
  ];
}
