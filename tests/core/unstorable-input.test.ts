import { describe, expect, it } from 'vitest';
import { CreateIncidentInput } from '../../core/incident/schema';
import { parseInput, ValidationError } from '../../core/errors';

const valid = { occurredAt: '2025-03-14', province: 'KP', type: 'clash' };

describe('strings PostgreSQL cannot store', () => {
  it.each([
    ['a NUL character', { summary: 'a\u0000b' }, 'summary'],
    ['an unpaired high surrogate', { sources: [{ name: '\ud800' }] }, 'sources.0.name'],
    ['an unpaired low surrogate', { place: 'x\udc00' }, 'place'],
  ])('refuses %s with the field named', (_name, change, field) => {
    const err = (() => {
      try {
        parseInput(CreateIncidentInput, { ...valid, ...change });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fields)).toEqual([field]);
  });

  it('accepts paired surrogates (emoji, mathematical letters)', () => {
    expect(parseInput(CreateIncidentInput, { ...valid, summary: '𝕏 🚨 پشاور' }).summary).toBe('𝕏 🚨 پشاور');
  });
});
