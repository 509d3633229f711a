import { describe, expect, it } from 'vitest';
import { conform, flatten, getPath, sameValue, setPath } from '../../../app/forms/value-paths';

const v = { a: { b: '1', c: [{ x: 'p' }] }, d: true };

describe('getPath / setPath', () => {
  it.each([
    ['a.b', '1'],
    ['a.c.0.x', 'p'],
    ['d', true],
    ['a.zz', undefined],
    ['d.e', undefined],
  ])('reads %s', (path, expected) => expect(getPath(v, path)).toEqual(expected));

  it('writes without mutating, copying the objects on the way', () => {
    const out = setPath(v, 'a.c.0.x', 'q');
    expect(out.a.c[0]!.x).toBe('q');
    expect(v.a.c[0]!.x).toBe('p');
    expect(out.d).toBe(true);
    expect(Array.isArray(out.a.c)).toBe(true);
  });
});

describe('flatten', () => {
  it('makes arrays leaves', () => {
    expect(flatten(v)).toEqual({ 'a.b': '"1"', 'a.c': '[{"x":"p"}]', d: 'true' });
  });
  it('compares by leaves', () => {
    expect(sameValue(v, structuredClone(v))).toBe(true);
    expect(sameValue(v, setPath(v, 'a.b', '2'))).toBe(false);
  });
});

describe('conform', () => {
  const template = { name: '', n: { low: '', high: '' }, list: [] as { u: string }[], on: false };
  it('keeps what fits and fills the rest from the template', () => {
    const out = conform(
      template,
      { name: 'x', n: { low: '3' }, list: [{ u: 'a', junk: 1 }, 'bad'], on: 'yes', extra: 1 },
      { list: { u: '' } },
    );
    expect(out).toEqual({ name: 'x', n: { low: '3', high: '' }, list: [{ u: 'a' }, { u: '' }], on: false });
  });
  it('returns the template for garbage', () => {
    expect(conform(template, 'nope')).toEqual(template);
    expect(conform(template, null)).toEqual(template);
  });
});
