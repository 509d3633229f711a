import { describe, expect, it } from 'vitest';
import { CreateIncidentInput, UpdateIncidentInput } from '../../core/incident/schema';
import { fieldsFromZod } from '../../core/errors';

const valid = { occurredAt: '2025-03-14T09:30:00Z', province: 'KP', type: 'ied_explosive' };

/** Each row: a change to a valid input, and the field the error must name. */
const rejects: [string, Record<string, unknown>, string][] = [
  ['missing date', { occurredAt: undefined }, 'occurredAt'],
  ['unparseable date', { occurredAt: 'yesterday' }, 'occurredAt'],
  ['date out of range', { occurredAt: '1890-01-01' }, 'occurredAt'],
  ['unknown province', { province: 'Kabul' }, 'province'],
  ['unknown type', { type: 'drone' }, 'type'],
  ['unknown target', { targetType: 'cats' }, 'targetType'],
  ['unknown precision', { timePrecision: 'year' }, 'timePrecision'],
  ['latitude out of range', { latitude: 91, longitude: 70 }, 'latitude'],
  ['longitude out of range', { latitude: 30, longitude: 181 }, 'longitude'],
  ['only one coordinate', { latitude: 30 }, 'longitude'],
  ['Afghan country with a Pakistani province', { country: 'Afghanistan', province: 'KP' }, 'province'],
  ['negative casualties', { casualties: { killed: { civilians: { low: -1 } } } }, 'casualties.killed.civilians.low'],
  [
    'fractional casualties',
    { casualties: { injured: { militants: { low: 1.5 } } } },
    'casualties.injured.militants.low',
  ],
  [
    '"up to" below "at least"',
    { casualties: { killed: { security_forces: { low: 5, high: 3 } } } },
    'casualties.killed.security_forces.high',
  ],
  ['absurd casualties', { casualties: { killed: { civilians: { low: 1e9 } } } }, 'casualties.killed.civilians.low'],
  ['source without a name', { sources: [{ name: '' }] }, 'sources.0.name'],
  ['source with a bad URL', { sources: [{ name: 'Dawn', url: 'javascript:alert(1)' }] }, 'sources.0.url'],
  ['source with a bad date', { sources: [{ name: 'Dawn', publishedAt: '2025-02-30' }] }, 'sources.0.publishedAt'],
  ['group that is not a uuid', { groupId: 'TTP' }, 'groupId'],
  ['claimed not a boolean', { claimed: 'yes' }, 'claimed'],
  ['unknown tri-state', { crossBorder: 'maybe' }, 'crossBorder'],
  ['unknown status', { verification: 'rumour' }, 'verification'],
  ['summary too long', { summary: 'x'.repeat(5001) }, 'summary'],
  ['unknown field', { weather: 'rain' }, 'weather'],
];

describe('CreateIncidentInput', () => {
  it('accepts a minimal incident and fills defaults', () => {
    const out = CreateIncidentInput.parse(valid);
    expect(out).toMatchObject({
      country: 'Pakistan',
      timePrecision: 'day',
      groupId: null,
      crossBorder: 'unknown',
      verification: 'reported',
    });
    expect(out.occurredAt).toBe('2025-03-14T09:30:00.000Z');
    expect(out.casualties.killed.not_specified).toEqual({ low: 0, high: null });
  });

  it('keeps a date without a time as a calendar date (the kinds anchor it in the reporting zone)', () => {
    expect(CreateIncidentInput.parse({ ...valid, occurredAt: '2025-03-14' }).occurredAt).toBe('2025-03-14');
  });

  it.each(rejects)('rejects %s, naming the field', (_name, change, field) => {
    const result = CreateIncidentInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const fields = fieldsFromZod(result.error!);
    expect(Object.keys(fields)).toContain(field);
    expect(fields[field]).toMatch(/\w/);
  });
});

describe('UpdateIncidentInput', () => {
  it('needs the version the editor started from', () => {
    const r = UpdateIncidentInput.safeParse({ summary: 'x' });
    expect(r.success).toBe(false);
    expect(Object.keys(fieldsFromZod(r.error!))).toEqual(['version']);
  });
  it('accepts a partial change', () => {
    expect(
      UpdateIncidentInput.parse({ version: 2, casualties: { killed: { civilians: { low: 3 } } } }).casualties?.killed
        .civilians.low,
    ).toBe(3);
  });
});
