/**
 * PATCH bodies are JSON Merge Patch (RFC 7396): a nested object patches only the keys it names
 * (`{"casualties":{"injured":{"civilians":{"low":9}}}}` changes that one cell), any other value
 * (arrays such as sources, strings, numbers) replaces the member whole, and `null` removes it, so
 * the field takes its schema default: "not reported" for a figure, null for optional text, the
 * stated default for a setting; a required field removed is an error. Rules that span fields are
 * then checked on the merged record (core/versioned-record.ts), never on the patch alone.
 */
import { z } from 'zod';
import { Version } from './common-schemas';
import { parseInput, ValidationError } from './errors';

export type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7396 section 2, MergePatch(Target, Patch). */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

const PatchVersion = z.object({ version: Version });

/** A PATCH body: a JSON object carrying the version the editor started from, and the patch. */
export function parseMergePatch(input: unknown): { version: number; patch: JsonObject } {
  if (!isObject(input)) throw new ValidationError({ _: 'a PATCH body is a JSON object (JSON Merge Patch, RFC 7396)' });
  const { version } = parseInput(PatchVersion, { version: input.version });
  const { version: _version, ...patch } = input;
  return { version, patch };
}
