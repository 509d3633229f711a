import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors';
import { incidentMatches, operationMatches } from '../../../core/stats/match-filter';
import { parseStatsQuery } from '../../../core/stats/stats-query';
import { viewToParams } from '../../../core/stats/query-params';
import { searchParamsToObject } from '../../../core/filters';
import { incident, operation } from './factories';

const Z = { zone: 'Asia/Karachi' };

const now = new Date('2025-03-10T15:30:00.000Z');

const fieldsOf = (fn: () => unknown): Record<string, string> => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
    throw e;
  }
  throw new Error('expected a ValidationError');
};

describe('parseStatsQuery', () => {
  it('resolves a preset against the clock and keeps it', () => {
    const q = parseStatsQuery({ range: '6h', province: 'KP,Punjab' }, now, Z);
    expect(q.period).toEqual({ from: '2025-03-10T09:30:00.000Z', to: '2025-03-10T15:30:00.000Z' });
    expect(q.preset).toBe('6h');
    expect(q.filter.province).toEqual(['KP', 'Punjab']);
    expect(q.filter.from).toBe(q.period.from);
  });

  it('an open query is all time for the API and the default preset for the dashboard', () => {
    expect(parseStatsQuery({}, now, Z).period).toEqual({ from: null, to: now.toISOString() });
    expect(parseStatsQuery({}, now, { ...Z, defaultPreset: '30d' }).preset).toBe('30d');
  });

  it('a custom range ends now when "to" is missing', () => {
    expect(parseStatsQuery({ from: '2025-03-01' }, now, Z).period).toEqual({
      from: '2025-02-28T19:00:00.000Z',
      to: now.toISOString(),
    });
  });

  it.each([
    [{ range: '5h' }, 'range'],
    [{ range: '6h', from: '2025-01-01' }, 'range'],
    [{ bucket: 'year' }, 'bucket'],
    [{ by: 'district' }, 'by'],
    [{ top: '0' }, 'top'],
    [{ province: 'Narnia' }, 'province.0'],
    [{ group: 'TTP' }, 'group.0'],
    [{ from: 'yesterday' }, 'from'],
    [{ from: '2025-03-02', to: '2025-03-01' }, 'to'],
    [{ from: '2026-01-01' }, 'to'],
    [{ provinces: 'KP' }, 'provinces'],
    [{ retracted: 'include' }, 'retracted'],
  ])('rejects %j naming %s', (params, field) => {
    expect(Object.keys(fieldsOf(() => parseStatsQuery(params, now, Z)))).toContain(field);
  });

  it('round-trips through URL parameters', () => {
    const q = parseStatsQuery(
      { range: '7d', type: ['ied_explosive', 'suicide_bombing'], group: 'unknown', status: 'confirmed' },
      now,
      Z,
    );
    const back = parseStatsQuery(searchParamsToObject(viewToParams(q)), now, Z);
    expect(back.filter).toEqual(q.filter);
    expect(back.preset).toBe('7d');
  });
});

describe('match-filter', () => {
  const f = parseStatsQuery({ range: '24h', province: 'KP', group: 'unknown', status: 'reported' }, now, Z).filter;

  it('applies period, province, unknown group and status to incidents', () => {
    expect(incidentMatches(incident({ occurredAt: '2025-03-10T10:00:00.000Z' }), f)).toBe(true);
    expect(incidentMatches(incident({ occurredAt: '2025-03-08T10:00:00.000Z' }), f)).toBe(false);
    expect(incidentMatches(incident({ occurredAt: '2025-03-10T15:30:00.000Z' }), f)).toBe(false);
    expect(
      incidentMatches(
        incident({ occurredAt: '2025-03-10T10:00:00.000Z', groupId: '11111111-1111-4111-8111-111111111111' }),
        f,
      ),
    ).toBe(false);
    expect(incidentMatches(incident({ occurredAt: '2025-03-10T10:00:00.000Z', verification: 'confirmed' }), f)).toBe(
      false,
    );
  });

  it('ignores incident-only filters for operations and leaves nationwide ones out of a province view', () => {
    const typed = parseStatsQuery({ range: '24h', type: 'kidnapping' }, now, Z).filter;
    expect(operationMatches(operation({ occurredAt: '2025-03-10T10:00:00.000Z' }), typed)).toBe(true);
    expect(operationMatches(operation({ occurredAt: '2025-03-10T10:00:00.000Z', province: null }), f)).toBe(false);
  });
});
