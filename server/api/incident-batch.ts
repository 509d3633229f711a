/**
 * POST /api/incidents/batch: up to 500 incidents in one request, each answered for itself
 * (core/write/batch-create.ts, docs/adr/0025-write-throughput.md). The envelope is checked here;
 * each item is the single create's body, plus an optional `idempotencyKey`.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { ValidationError } from '../../core/errors';
import { CreateIncidentInput } from '../../core/incident/schema';
import { MAX_JSON_KEYS } from '../../core/json-bounds';
import { MAX_BATCH_ITEMS, type BatchItem } from '../../core/write/batch-create';
import type { Runtime } from '../runtime';
import { domainErrorAnswer } from './errors';
import { readJson } from './json-body';
import type { RouteSpec } from './route-spec';
import { callerCtx } from './write-helpers';

/** 500 records of a few KB each, notes included. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** Object keys in one batch body: 500 records of a few hundred keys each. */
export const MAX_BATCH_KEYS = MAX_JSON_KEYS * 20;

const BatchBody = z.strictObject({
  items: z
    .array(
      CreateIncidentInput.safeExtend({
        idempotencyKey: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe('Same key and body as an earlier create (single or batch): that answer again, nothing stored'),
      }),
    )
    .min(1)
    .max(MAX_BATCH_ITEMS),
});

const ItemResult = {
  type: 'object',
  required: ['index', 'status'],
  properties: {
    index: { type: 'integer', description: 'Position of the item in `items`' },
    status: {
      type: 'integer',
      description: 'What a single POST /api/incidents would have answered: 201, 400, 409, 503',
    },
    replayed: { type: 'boolean', description: 'The answer stored for this Idempotency-Key earlier' },
    incident: { $ref: '#/components/schemas/Incident' },
    change: { $ref: '#/components/schemas/ChangePosition' },
    error: {
      type: 'object',
      description: 'The single create error (`error` of the Error schema), fields under `items.<index>`',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
};

/** The envelope: an object with 1..500 items, each an object. Anything else names `items`. */
function batchItems(body: unknown, headerKey: string | undefined): BatchItem[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ValidationError({ _: 'must be an object with "items"' }, 'Send {"items": [ incident, … ]}.');
  const extra = Object.keys(body).filter((k) => k !== 'items');
  if (extra.length > 0) throw new ValidationError(Object.fromEntries(extra.map((k) => [k, 'is not a known field'])));
  const items = (body as { items?: unknown }).items;
  if (!Array.isArray(items)) throw new ValidationError({ items: 'must be an array of incidents' });
  if (items.length === 0) throw new ValidationError({ items: 'must hold at least one incident' });
  if (items.length > MAX_BATCH_ITEMS)
    throw new ValidationError({
      items: `holds ${items.length} incidents; send at most ${MAX_BATCH_ITEMS} per request`,
    });
  return items.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return { input: item };
    const { idempotencyKey, ...input } = item as Record<string, unknown>;
    // The request's Idempotency-Key covers the items that bring none of their own.
    const key = idempotencyKey ?? (headerKey !== undefined ? `${headerKey}#${index}` : undefined);
    return key === undefined ? { input } : { input, idempotencyKey: key };
  });
}

export function incidentBatchRoute(runtime: Runtime): RouteSpec {
  return {
    method: 'post',
    path: '/api/incidents/batch',
    access: 'operator',
    tag: 'Incidents',
    summary: `Record up to ${MAX_BATCH_ITEMS} incidents in one request, each answered for itself`,
    description: [
      `\`items\`: 1 to ${MAX_BATCH_ITEMS} incidents, each the body of POST /api/incidents, optionally with its own`,
      '`idempotencyKey`. The answer is 200 with one result per item, in order: `status` is what a single create would',
      'have answered (201 with `incident` and `change`, 400/409 with `error`, its field paths prefixed by',
      '`items.<index>`). Bad items do not stop the others. Items are written in chunks of 100, one transaction each, so',
      'live clients receive each chunk as one batch. An `Idempotency-Key` header gives the items without their own key',
      'the key `<header>#<index>`: a retried batch stores nothing twice and answers each item as it did the first time.',
    ].join(' '),
    body: BatchBody,
    bodyRequired: true,
    idempotent: true,
    handler: async (c: Context) => {
      const ctx = await callerCtx(c, runtime);
      const body = await readJson(c, { limit: MAX_BATCH_BYTES, maxKeys: MAX_BATCH_KEYS });
      const items = batchItems(body, c.req.header('idempotency-key'));
      const results = await runtime.writes.createIncidentBatch({ ctx, items });
      let created = 0;
      let replayed = 0;
      let failed = 0;
      const out = results.map((r, index) => {
        if ('error' in r) {
          failed++;
          const { status, body: error } = domainErrorAnswer(r.error, `items.${index}`);
          return { index, status, ...error };
        }
        if (r.replayed) replayed++;
        else created++;
        return { index, status: r.status, ...(r.replayed ? { replayed: true } : {}), ...r.body };
      });
      return c.json({ created, replayed, failed, results: out });
    },
    responses: {
      200: {
        description: 'One result per item, in order, and the counts',
        schema: {
          type: 'object',
          properties: {
            created: { type: 'integer' },
            replayed: { type: 'integer' },
            failed: { type: 'integer' },
            results: { type: 'array', items: ItemResult },
          },
        },
      },
      400: {
        description: 'The envelope is wrong (not an object, `items` missing, empty or over 500)',
        schema: 'Error',
      },
      401: { description: 'Not signed in', schema: 'Error' },
      403: { description: 'Signed in without the needed role, or a cross-site request', schema: 'Error' },
      413: { description: 'Body over 8 MB', schema: 'Error' },
      415: { description: 'Body is not JSON', schema: 'Error' },
    },
  };
}
