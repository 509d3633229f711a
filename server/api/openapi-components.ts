/**
 * The reusable parts of the OpenAPI document, generated from core's zod schemas with zod v4's
 * z.toJSONSchema, so the document cannot drift from what the API validates.
 */
import { z } from 'zod';
import { CreateAnnotationInput } from '../../core/annotation/schema';
import { CreateGroupInput } from '../../core/group/schema';
import { CreateIncidentInput } from '../../core/incident/schema';
import { CreateOperationInput } from '../../core/operation/schema';
import { CreateReferenceFigureInput } from '../../core/reference-figure/schema';
import { CHANGE_ACTIONS, ENTITIES, ROLES } from '../../core/enums';
import { statsComponents } from './openapi-stats';

/** Read-only on both record kinds: how a record without a group is counted (docs/adr/0030). */
const namedActor = {
  type: 'boolean',
  readOnly: true,
  description:
    'Derived from actors: the source names a perpetrator (an operation: a target) that is not a placeholder such as "Unidentified Armed Group". With no groupId the record counts under "other named actors" (group filter value "other"), else under "unknown" (docs/adr/0030).',
} as const;

export type JsonSchema = Record<string, unknown>;

/** JSON Schema of a zod schema; `io: 'input'` describes request bodies, 'output' stored records. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullableString = { type: ['string', 'null'] };

const Versioned: JsonSchema = {
  type: 'object',
  required: ['id', 'version', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    version: { type: 'integer', minimum: 1, description: 'Send it back with PATCH; a mismatch is a 409' },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: nullableString,
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: nullableString,
    retractedAt: { type: ['string', 'null'], format: 'date-time' },
    retractedBy: nullableString,
    retractionReason: nullableString,
  },
};

const record = (fields: z.ZodType, extra: JsonSchema = {}) => ({
  allOf: [jsonSchema(fields, 'output'), Versioned, { type: 'object', properties: extra }],
});
const page = (item: string) => ({
  type: 'object',
  required: ['items', 'nextCursor', 'position'],
  properties: {
    items: { type: 'array', items: ref(item) },
    nextCursor: { ...nullableString, description: 'Pass as `cursor` for the next page; null on the last' },
    position: ref('Position'),
  },
});

const Change = {
  type: 'object',
  properties: {
    epoch: { type: 'string' },
    seq: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    entity: { type: 'string', enum: [...ENTITIES] },
    action: { type: 'string', enum: [...CHANGE_ACTIONS] },
    id: { type: 'string', format: 'uuid' },
    version: { type: 'integer' },
    actor: { ...nullableString, description: 'Who: an email, "token:<name> (<owner email>)", or "system:…"' },
    before: { description: 'The record before the change (null for a creation)' },
    data: { description: 'The record after the change' },
  },
};

export function components(): JsonSchema {
  return {
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: {
                type: 'string',
                enum: [
                  'validation',
                  'unauthenticated',
                  'forbidden',
                  'not_found',
                  'conflict',
                  'payload_too_large',
                  'unsupported_media_type',
                  'rate_limited',
                  'unavailable',
                  'internal',
                ],
              },
              message: { type: 'string' },
              fields: {
                type: 'object',
                additionalProperties: { type: 'string' },
                description: 'Input path (e.g. casualties.killed.civilians.high) → what is wrong',
              },
              current: { description: 'On a version conflict: the record as it is now' },
            },
          },
        },
      },
      Position: {
        type: 'object',
        required: ['epoch', 'seq'],
        properties: { epoch: { type: 'string' }, seq: { type: 'integer' } },
      },
      ChangePosition: {
        type: 'object',
        required: ['epoch', 'seq'],
        properties: { epoch: { type: 'string' }, seq: { type: 'integer' } },
        description: 'The change-log position of this write',
      },
      Incident: record(CreateIncidentInput, {
        groupName: nullableString,
        namedActor,
      }),
      Operation: record(CreateOperationInput, {
        groupName: nullableString,
        namedActor,
      }),
      Group: record(CreateGroupInput),
      ReferenceFigure: record(CreateReferenceFigureInput),
      Annotation: record(CreateAnnotationInput),
      IncidentPage: page('Incident'),
      OperationPage: page('Operation'),
      GroupPage: page('Group'),
      ReferenceFigurePage: page('ReferenceFigure'),
      AnnotationPage: page('Annotation'),
      ChangeRecord: Change,
      History: {
        type: 'object',
        properties: { items: { type: 'array', items: ref('ChangeRecord') }, position: ref('Position') },
      },
      ChangePage: {
        type: 'object',
        properties: {
          items: { type: 'array', items: ref('ChangeRecord') },
          nextAfter: { type: 'integer' },
          hasMore: { type: 'boolean' },
          position: ref('Position'),
        },
      },
      User: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string', enum: [...ROLES] },
          disabled: { type: 'boolean' },
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
      ...statsComponents(),
      Token: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          prefix: { type: 'string', description: 'The first characters of the secret' },
          userId: { type: 'string' },
          email: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
          lastUsedAt: { type: ['string', 'null'], format: 'date-time', description: 'Updated at most once a minute' },
          revokedAt: { type: ['string', 'null'], format: 'date-time' },
        },
      },
    },
    securitySchemes: {
      cookieAuth: {
        type: 'apiKey',
        in: 'cookie',
        name: 'bw.session_token',
        description:
          "The session cookie set by POST /api/auth/sign-in/email (named __Secure-bw.session_token behind HTTPS). Writes must carry this site's Origin.",
      },
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: 'An API token (bw_…) from the admin page or `npm run token:create`.',
      },
    },
  };
}
