import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAFF_FIELDS, mayHoldStaffFields, toPublicView } from '../../../core/access/public-view';

// JSON values whose keys and strings may spell staff fields, quotes and colons included.
const word = fc.oneof(
  fc.constantFrom(...STAFF_FIELDS, 'createdByName', 'by', 'updated', '"createdBy":', 'x"retractedBy'),
  fc.string({ maxLength: 12 }),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    word,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(word, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('mayHoldStaffFields', () => {
  it('is false only where the public projection changes nothing', () => {
    fc.assert(
      fc.property(json, (v) => {
        const text = JSON.stringify(v);
        if (!mayHoldStaffFields(text)) expect(JSON.stringify(toPublicView(v))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a staff key at any depth, and not one spelled inside a string', () => {
    expect(mayHoldStaffFields(JSON.stringify({ items: [{ id: 1, data: { updatedBy: 'a@b' } }] }))).toBe(true);
    expect(mayHoldStaffFields(JSON.stringify({ createdBy: null }))).toBe(true);
    expect(mayHoldStaffFields('{"retractedBy" : "x"}')).toBe(true);
    expect(mayHoldStaffFields(JSON.stringify({ note: '"createdBy": someone', createdByName: 'x' }))).toBe(false);
    expect(mayHoldStaffFields(JSON.stringify({ points: [{ killed: 3 }] }))).toBe(false);
  });
});
