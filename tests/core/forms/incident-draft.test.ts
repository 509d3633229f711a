import { describe, expect, it } from 'vitest';
import { CreateIncidentInput, type Incident } from '../../../core/incident/schema';
import {
  emptyIncidentDraft,
  incidentInputOf,
  incidentToDraft,
  validateIncident,
  type IncidentDraft,
} from '../../../app/record/incident/incident-draft';
import { setPath } from '../../../app/forms/value-paths';

const filled = (): IncidentDraft => ({ ...emptyIncidentDraft('2025-03-14'), province: 'KP', type: 'ied_explosive' });
const edit = (path: string, value: unknown) => setPath(filled(), path, value);

describe('incident draft', () => {
  it('a fresh form asks for province and type, nothing else', () => {
    expect(validateIncident(emptyIncidentDraft('2025-03-14'))).toEqual({
      province: 'choose a province or region',
      type: 'choose the type of incident',
    });
  });

  it('a filled form converts to a valid create input with the defaults', () => {
    const d = edit('casualties.killed.civilians.low', '3');
    expect(validateIncident(d)).toEqual({});
    const input = CreateIncidentInput.parse(incidentInputOf(d));
    expect(input).toMatchObject({
      occurredAt: '2025-03-14',
      timePrecision: 'day',
      country: 'Pakistan',
      groupId: null,
      sources: [],
    });
    expect(input.casualties.killed.civilians).toEqual({ low: 3, high: null });
  });

  it('reads an exact time as Pakistan time', () => {
    const d = { ...filled(), occurredTime: '02:30', timePrecision: 'exact' as const };
    expect(CreateIncidentInput.parse(incidentInputOf(d)).occurredAt).toBe('2025-03-13T21:30:00.000Z');
  });

  it.each([
    ['casualties.killed.civilians.low', '3x', 'casualties.killed.civilians.low', 'must be a number'],
    ['casualties.injured.militants.high', '-1', 'casualties.injured.militants.high', 'cannot be negative'],
    ['latitude', 'north', 'latitude', 'must be a number'],
    ['timePrecision', 'exact', 'occurredTime', 'enter the time, or choose a coarser precision'],
  ])('keeps %s = %j and says why it is wrong', (path, value, at, message) => {
    expect(validateIncident(edit(path, value))[at]).toBe(message);
  });

  it('accepts counts with thousands separators', () => {
    expect(
      CreateIncidentInput.parse(incidentInputOf(edit('casualties.injured.civilians.low', '1,200'))).casualties.injured
        .civilians.low,
    ).toBe(1200);
  });

  it('checks "up to" against "at least" on the right cell', () => {
    const d = setPath(edit('casualties.killed.militants.low', '10'), 'casualties.killed.militants.high', '4');
    expect(Object.keys(validateIncident(d))).toEqual(['casualties.killed.militants.high']);
  });

  it('maps source errors to the row on screen, skipping empty rows', () => {
    const d = {
      ...filled(),
      sources: [
        { name: '', url: '', publishedAt: '' },
        { name: 'Dawn', url: 'dawn.com/x', publishedAt: '' },
      ],
    };
    expect(validateIncident(d)).toEqual({ 'sources.1.url': expect.stringContaining('full http(s) address') });
  });

  it('drops "claimed" without a group', () => {
    expect(incidentInputOf({ ...filled(), claimed: true }).claimed).toBe(false);
  });

  it('round-trips a stored incident', () => {
    const input = CreateIncidentInput.parse({
      ...incidentInputOf({
        ...filled(),
        occurredTime: '09:05',
        timePrecision: 'exact',
        latitude: '32.99',
        longitude: '70.6',
      }),
      sources: [{ name: 'ISPR', url: 'https://ispr.gov.pk/a', publishedAt: '2025-03-15' }],
    });
    const record = { ...input, id: 'i', version: 2, groupName: null } as unknown as Incident;
    const d = incidentToDraft(record);
    expect(d).toMatchObject({
      occurredDate: '2025-03-14',
      occurredTime: '09:05',
      latitude: '32.99',
      sources: [{ name: 'ISPR', url: 'https://ispr.gov.pk/a', publishedAt: '2025-03-15' }],
    });
    expect(CreateIncidentInput.parse(incidentInputOf(d))).toEqual(input);
  });
});
