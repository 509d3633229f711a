/**
 * The JSON Schema of a JSON Merge Patch (RFC 7396) of a create body: every member optional and
 * nullable (null clears it), nested objects patched the same way, arrays replaced whole, and the
 * `version` the editor started from required. Derived from the create schema, so it cannot drift.
 */
import type { JsonSchema } from './openapi-components';

function patchOf(schema: JsonSchema): JsonSchema {
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) return schema;
  const { required: _required, default: _default, ...rest } = schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties as Record<string, JsonSchema>).map(([k, v]) => {
      const { default: _d, ...member } = patchOf(v);
      return [k, { anyOf: [member, { type: 'null', description: 'Clears the member (its default applies)' }] }];
    }),
  );
  return { ...rest, properties };
}

export function mergePatchSchema(create: JsonSchema): JsonSchema {
  const patch = patchOf(create);
  return {
    ...patch,
    description: 'JSON Merge Patch (RFC 7396) of the record, with the version you edited',
    required: ['version'],
    properties: {
      version: { type: 'integer', minimum: 1, description: 'The version you edited; another is a 409' },
      ...(patch.properties as Record<string, JsonSchema>),
    },
  };
}
