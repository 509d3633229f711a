/**
 * Bounds on JSON from clients, checked on the text before it is parsed, so no recursive step
 * (validation, the storable-text check, the idempotency fingerprint) ever sees a value deeper or
 * wider than these. One linear pass, no recursion: `[` × 5000 costs what its 5 KB cost to read.
 */

/** A record is a few levels deep (casualties.killed.civilians.low); 32 leaves room and no more. */
export const MAX_JSON_DEPTH = 32;
/** Object members in one body: a record has about a hundred. */
export const MAX_JSON_KEYS = 10_000;

const OPEN_BRACE = 123; // {
const OPEN_BRACKET = 91; // [
const CLOSE_BRACE = 125; // }
const CLOSE_BRACKET = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;

/** What is over a limit, worded for the `_` field of a validation error and its message. */
export interface BoundsProblem {
  field: string;
  message: string;
}

const tooDeep = (what: string, depth: number): BoundsProblem => ({
  field: `nests deeper than ${depth} levels`,
  message: `The ${what} nests deeper than ${depth} levels of objects and arrays; no input of this API needs that.`,
});
const tooWide = (what: string, keys: number): BoundsProblem => ({
  field: `has more than ${keys} keys`,
  message: `The ${what} has more than ${keys} object keys; send less per request.`,
});

/** The problem when JSON text nests too deep or has too many keys, else null. */
export function jsonTextBounds(
  text: string,
  limits = { depth: MAX_JSON_DEPTH, keys: MAX_JSON_KEYS },
): BoundsProblem | null {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === BACKSLASH) i++;
      else if (ch === QUOTE) inString = false;
      continue;
    }
    if (ch === QUOTE) inString = true;
    else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      if (++depth > limits.depth) return tooDeep('JSON', limits.depth);
    } else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) depth--;
    else if (ch === COLON && ++keys > limits.keys) return tooWide('JSON', limits.keys);
  }
  return null;
}

/** The same bounds for a value already parsed (the CLI, the importer, a socket): iterative. */
export function valueBounds(
  value: unknown,
  limits = { depth: MAX_JSON_DEPTH, keys: MAX_JSON_KEYS },
): BoundsProblem | null {
  const stack: [unknown, number][] = [[value, 0]];
  let keys = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > limits.depth) return tooDeep('input', limits.depth);
    const children = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v) && (keys += children.length) > limits.keys) return tooWide('input', limits.keys);
    for (const c of children) stack.push([c, d + 1]);
  }
  return null;
}
