import { describe, expect, it } from 'vitest';
import { CreateAnnotationInput } from '../../../core/annotation/schema';
import { CreateGroupInput } from '../../../core/group/schema';
import {
  annotationInputOf,
  emptyAnnotationDraft,
  validateAnnotation,
} from '../../../app/admin/annotations/annotation-draft';
import { emptyGroupDraft, groupInputOf, validateGroup } from '../../../app/admin/groups/group-draft';
import { emptyFigureDraft, figureInputOf, validateFigure } from '../../../app/admin/reference-figures/figure-draft';

describe('group draft', () => {
  it('splits aliases and skips empty estimate rows', () => {
    const d = {
      ...emptyGroupDraft(),
      shortName: 'TTP',
      fullName: 'Tehrik-i-Taliban Pakistan',
      aliases: 'Pakistani Taliban\n TTP-Noor , ',
      strengthEstimates: [{ low: '', high: '', asOf: '', source: '' }],
    };
    expect(validateGroup(d)).toEqual({});
    expect(CreateGroupInput.parse(groupInputOf(d))).toMatchObject({
      aliases: ['Pakistani Taliban', 'TTP-Noor'],
      strengthEstimates: [],
    });
  });
  it('puts an estimate error on the row on screen', () => {
    const empty = { low: '', high: '', asOf: '', source: '' };
    const d = {
      ...emptyGroupDraft(),
      shortName: 'X',
      fullName: 'Y',
      strengthEstimates: [empty, { low: '5,000', high: '4000', asOf: '2024-01-01', source: 'UN' }],
    };
    expect(validateGroup(d)).toEqual({ 'strengthEstimates.1.high': 'the high figure must be at least the low figure' });
  });
});

describe('reference figure draft', () => {
  it('reads published numbers and drops a hidden high value', () => {
    const d = {
      ...emptyFigureDraft(),
      metric: 'killed since 2001',
      valueKind: 'lower_bound' as const,
      value: '75,000',
      valueHigh: '80000',
      periodLabel: '2001–2023',
      sourceName: 'Government of Pakistan',
    };
    expect(validateFigure(d)).toEqual({});
    expect(figureInputOf(d)).toMatchObject({ value: 75000, valueHigh: null });
  });
  it('wants a high value for a range', () => {
    const d = {
      ...emptyFigureDraft(),
      metric: 'm',
      valueKind: 'range' as const,
      value: '6000',
      periodLabel: 'p',
      sourceName: 's',
    };
    expect(validateFigure(d)).toEqual({ valueHigh: 'a range needs its high value' });
  });
});

describe('annotation draft', () => {
  it('stores the first day of a month and ignores a hidden end date', () => {
    const d = {
      ...emptyAnnotationDraft(),
      date: '2023-02-17',
      datePrecision: 'month' as const,
      endDate: '2023-01-01',
      kind: 'policy' as const,
      title: 'NAP revised',
    };
    expect(validateAnnotation(d)).toEqual({});
    expect(CreateAnnotationInput.parse(annotationInputOf(d))).toMatchObject({ date: '2023-02-01', endDate: null });
  });
  it('needs an end date for a span', () => {
    expect(
      validateAnnotation({
        ...emptyAnnotationDraft(),
        date: '2023-02-17',
        datePrecision: 'span',
        kind: 'military',
        title: 't',
      }),
    ).toEqual({ endDate: 'a span needs its end date' });
  });
});
