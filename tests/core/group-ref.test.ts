import { describe, expect, it } from 'vitest';
import { groupIdsToNames, groupNamesToIds, namesGroups } from '../../core/group/group-ref';
import { parseStatsQuery } from '../../core/stats/stats-query';

const TTP = { id: '5b1f5d2e-8a3c-4b7e-9f10-000000000001', shortName: 'TTP' };
const BLA = { id: '5b1f5d2e-8a3c-4b7e-9f10-000000000002', shortName: 'BLA' };
const groups = [TTP, BLA];

describe('groups in URLs by short name', () => {
  it('reads short names (any case, repeated or with commas) as ids, keeps ids and "unknown"', () => {
    expect(groupNamesToIds({ group: 'TTP' }, groups).group).toEqual([TTP.id]);
    expect(groupNamesToIds({ group: ['ttp', `${BLA.id},unknown`] }, groups).group).toEqual([TTP.id, BLA.id, 'unknown']);
    expect(namesGroups({ group: TTP.id })).toBe(false);
    expect(namesGroups({ group: 'TTP' })).toBe(true);
  });

  it('leaves an unknown name for the filter schema to refuse, naming the parameter', () => {
    const raw = groupNamesToIds({ group: 'Nobody' }, groups);
    expect(() => parseStatsQuery(raw, new Date(), { zone: 'Asia/Karachi' })).toThrow(/group/);
  });

  it('writes short names back into links', () => {
    const p = groupIdsToNames(new URLSearchParams(`range=7d&group=${TTP.id}&group=unknown`), groups);
    expect(p.toString()).toBe('range=7d&group=TTP&group=unknown');
  });
});
