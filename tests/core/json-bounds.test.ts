/** The JSON bounds: the text scan agrees with the parsed value's depth and key count, fuzzed. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonTextBounds, MAX_JSON_DEPTH, MAX_JSON_KEYS, valueBounds } from '../../core/json-bounds';
import { parseInput } from '../../core/errors';
import { z } from 'zod';

function measure(v: unknown): { depth: number; keys: number } {
  if (v === null || typeof v !== 'object') return { depth: 0, keys: 0 };
  const children = Array.isArray(v) ? v : Object.values(v);
  let depth = 0;
  let keys = Array.isArray(v) ? 0 : children.length;
  for (const c of children) {
    const m = measure(c);
    depth = Math.max(depth, m.depth);
    keys += m.keys;
  }
  return { depth: depth + 1, keys };
}

describe('JSON bounds', () => {
  it('refuses 5000 nested arrays or objects without recursing, naming the limit', () => {
    for (const text of ['['.repeat(5000), '{"a":'.repeat(5000), `${'['.repeat(33)}${']'.repeat(33)}`]) {
      expect(jsonTextBounds(text)?.field).toBe(`nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
    expect(jsonTextBounds(`${'['.repeat(32)}${']'.repeat(32)}`)).toBeNull();
    const wide = `{${Array.from({ length: MAX_JSON_KEYS + 1 }, (_, i) => `"k${i}":1`).join(',')}}`;
    expect(jsonTextBounds(wide)?.field).toBe(`has more than ${MAX_JSON_KEYS} keys`);
  });

  it('does not count brackets, colons or escaped quotes inside strings', () => {
    expect(jsonTextBounds(JSON.stringify({ a: '['.repeat(100) + '\\"[[:' + ':'.repeat(20_000) }))).toBeNull();
  });

  it('agrees with the depth and keys of the parsed value (fuzzed)', () => {
    const limits = { depth: 6, keys: 40 };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 9 }), (value) => {
        const text = JSON.stringify(value);
        const m = measure(JSON.parse(text));
        const over = m.depth > limits.depth || m.keys > limits.keys;
        expect(jsonTextBounds(text, limits) !== null).toBe(over);
        expect(valueBounds(JSON.parse(text), limits) !== null).toBe(over);
      }),
      { numRuns: 500 },
    );
  });

  it('bounds parseInput before any recursive step (a deep value from a non-HTTP caller)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => parseInput(z.unknown(), deep)).toThrow(/deeper than 32 levels/);
  });
});
