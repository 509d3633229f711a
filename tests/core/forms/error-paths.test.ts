import { describe, expect, it } from 'vitest';
import { fieldId, orderedErrors, placeErrors, targetOf, type ErrorLayout } from '../../../app/forms/error-paths';

const layout: ErrorLayout = {
  fields: [
    'occurredDate',
    'province',
    'casualties.killed.civilians.low',
    'casualties.killed.civilians.high',
    'sources',
    'sources.0.name',
    'sources.0.url',
  ],
  aliases: { occurredAt: 'occurredDate' },
  label: (p) => `<${p}>`,
};

describe('targetOf', () => {
  it.each([
    ['province', 'province'],
    ['occurredAt', 'occurredDate'],
    ['casualties.killed.civilians.high', 'casualties.killed.civilians.high'],
    ['casualties.killed', 'casualties.killed.civilians.low'],
    ['sources.0.url', 'sources.0.url'],
    ['sources.0.publishedAt', 'sources'],
    ['sources.7.url', 'sources'],
    ['externalId', null],
    ['Idempotency-Key', null],
  ])('%s → %s', (path, target) => expect(targetOf(path, layout)).toBe(target));
});

describe('placeErrors', () => {
  it('puts field errors beside inputs and the rest in the general list', () => {
    const placed = placeErrors(
      { occurredAt: 'must be a date', externalId: 'is not a known field', _: 'The request has no body' },
      layout,
    );
    expect(placed.byField).toEqual({ occurredDate: 'must be a date' });
    expect(placed.general).toEqual(['<externalId>: is not a known field', 'The request has no body']);
  });
  it('keeps the first message when two paths land on one input', () => {
    expect(placeErrors({ 'sources.3.url': 'a', 'sources.4.url': 'b' }, layout).byField).toEqual({ sources: 'a' });
  });
});

describe('orderedErrors', () => {
  it('follows the page order', () => {
    const out = orderedErrors({ 'sources.0.url': 'x', province: 'y', occurredDate: 'z' }, layout);
    expect(out.map((e) => e.path)).toEqual(['occurredDate', 'province', 'sources.0.url']);
    expect(out[0]).toEqual({ path: 'occurredDate', label: '<occurredDate>', message: 'z' });
  });
});

it('fieldId is a valid, stable id', () => {
  expect(fieldId('casualties.killed.civilians.high')).toBe('f-casualties-killed-civilians-high');
});
