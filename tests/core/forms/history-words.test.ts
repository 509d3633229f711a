import { describe, expect, it } from 'vitest';
import { changeWords } from '../../../app/components/history-words';
import type { FieldChange } from '../../../app/components/record-diff';

const change = (field: string, from: unknown, to: unknown): FieldChange => ({
  field,
  before: JSON.stringify(from),
  after: JSON.stringify(to),
  from,
  to,
});

describe('history in words', () => {
  it('names the casualty cell and its bound', () => {
    const w = changeWords(change('casualties.killed.civilians.low', 12, 20), null, null);
    expect(w).toEqual({ label: 'Civilians killed, at least', before: '12', after: '20' });
  });

  it('a record left without a group is "Unknown / unclaimed" only when the source names no perpetrator', () => {
    const named = changeWords(
      change('groupId', 'g1', null),
      { groupName: 'TTP', namedActor: true },
      { groupName: null, namedActor: true },
    );
    expect(named.before).toBe('TTP');
    expect(named.after).toBe('none of the listed groups (the source names one)');
    const unnamed = changeWords(
      change('groupId', 'g1', null),
      { groupName: 'TTP', namedActor: true },
      { groupName: null, namedActor: false },
    );
    expect(unnamed.after).toBe('Unknown / unclaimed');
  });
});
