import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors';
import { applyMergePatch, parseMergePatch } from '../../core/merge-patch';

describe('applyMergePatch (RFC 7396)', () => {
  // The examples of RFC 7396, appendix A.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j patched with %j is %j', (target, patch, result) => {
    expect(applyMergePatch(target, patch)).toEqual(result);
  });

  it('changes one nested cell and leaves the target untouched', () => {
    const target = { casualties: { injured: { civilians: { low: 1, high: 4 }, militants: { low: 2, high: null } } } };
    const out = applyMergePatch(target, { casualties: { injured: { civilians: { low: 9 } } } });
    expect(out).toEqual({
      casualties: { injured: { civilians: { low: 9, high: 4 }, militants: { low: 2, high: null } } },
    });
    expect(target.casualties.injured.civilians.low).toBe(1);
  });
});

describe('parseMergePatch', () => {
  const fields = (input: unknown) => {
    try {
      parseMergePatch(input);
    } catch (e) {
      return (e as ValidationError).fields;
    }
    return null;
  };
  it('takes the version out of the patch', () => {
    expect(parseMergePatch({ version: 3, summary: null })).toEqual({ version: 3, patch: { summary: null } });
  });
  it('names the version when it is missing or wrong, and refuses a body that is not an object', () => {
    expect(Object.keys(fields({ summary: 'x' }) ?? {})).toEqual(['version']);
    expect(Object.keys(fields({ version: 0 }) ?? {})).toEqual(['version']);
    expect(Object.keys(fields([1]) ?? {})).toEqual(['_']);
    expect(Object.keys(fields(null) ?? {})).toEqual(['_']);
  });
});
