import { describe, expect, it } from 'vitest';
import { compareVersions, myChanges, reapplyChanges } from '../../../app/forms/version-diff';

const base = {
  summary: 'old',
  province: 'KP',
  killed: { civilians: { low: '1', high: '' } },
  sources: [{ name: 'Dawn' }],
};

describe('version diff', () => {
  const mine = { ...base, summary: 'fixed typo', killed: { civilians: { low: '2', high: '' } } };
  const current = { ...base, province: 'KP-MD', sources: [{ name: 'Dawn' }, { name: 'ISPR' }] };

  it('lists my changes relative to the version I started from', () => {
    expect(myChanges(base, mine).sort()).toEqual(['killed.civilians.low', 'summary']);
  });

  it('marks who changed what, and where yours and current differ', () => {
    const rows = compareVersions(base, mine, current, ['summary', 'province', 'killed', 'sources']);
    const by = Object.fromEntries(rows.map((r) => [r.path, r]));
    expect(rows.map((r) => r.path)).toEqual([
      'summary',
      'province',
      'killed.civilians.low',
      'killed.civilians.high',
      'sources',
    ]);
    expect(by.summary).toMatchObject({ changedByMe: true, changedByThem: false, differs: true });
    expect(by.province).toMatchObject({ changedByMe: false, changedByThem: true, differs: true });
    expect(by['killed.civilians.high']).toMatchObject({ differs: false });
    expect(by.sources).toMatchObject({ changedByThem: true, mine: '[{"name":"Dawn"}]' });
  });

  it('reapplies only my changes on top of the current version', () => {
    expect(reapplyChanges(base, mine, current)).toEqual({
      summary: 'fixed typo',
      province: 'KP-MD',
      killed: { civilians: { low: '2', high: '' } },
      sources: [{ name: 'Dawn' }, { name: 'ISPR' }],
    });
  });

  it('lets my value win where both changed the same field', () => {
    const theirs = { ...base, summary: 'their text' };
    expect(reapplyChanges(base, mine, theirs).summary).toBe('fixed typo');
  });

  it('is the current version when I changed nothing', () => {
    expect(reapplyChanges(base, base, current)).toEqual(current);
  });
});
