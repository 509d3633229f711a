/**
 * A published figure kept as reported: "more than 75,000" is a lower bound, "6,000–6,500" a range,
 * "70 %" a percent, "USD 150 billion" money. `comparableTo` names the recorded measure, if any, that
 * the dashboard can set beside it for the same period.
 */
import { z } from 'zod';
import { VALUE_KINDS, type ValueKind } from '../enums';
import { CalendarDate, enumOf, OptionalText, Version, type Versioned, OptionalHttpUrl } from '../common-schemas';

export const COMPARABLE_MEASURES = ['incidents', 'killed', 'operations', 'militantsKilledInOperations'] as const;
export type ComparableMeasure = (typeof COMPARABLE_MEASURES)[number];

const referenceFigureFields = {
  metric: z.string({ error: 'is required' }).trim().min(1, 'is required').max(300, 'is too long'),
  valueKind: enumOf(VALUE_KINDS, 'kind of value'),
  value: z.number({ error: 'must be a number' }).finite().min(0, 'cannot be negative'),
  valueHigh: z.number({ error: 'must be a number' }).finite().nullable().default(null),
  unit: OptionalText(20),
  periodStart: CalendarDate.nullable().default(null),
  periodEnd: CalendarDate.nullable().default(null),
  periodLabel: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100, 'is too long'),
  sourceName: z.string({ error: 'is required' }).trim().min(1, 'is required').max(300, 'is too long'),
  sourceUrl: OptionalHttpUrl,
  citedVia: OptionalText(300),
  comparableTo: enumOf(COMPARABLE_MEASURES, 'recorded measure').nullable().default(null),
};

function checkFigure(
  v: {
    valueKind?: ValueKind;
    value?: number;
    valueHigh?: number | null;
    periodStart?: string | null;
    periodEnd?: string | null;
  },
  ctx: z.RefinementCtx,
) {
  if (v.valueKind === 'range' && v.valueHigh == null)
    ctx.addIssue({ code: 'custom', path: ['valueHigh'], message: 'a range needs its high value' });
  if (v.valueKind && v.valueKind !== 'range' && v.valueHigh != null)
    ctx.addIssue({ code: 'custom', path: ['valueHigh'], message: 'only a range has a high value' });
  if (v.valueHigh != null && v.value != null && v.valueHigh < v.value)
    ctx.addIssue({ code: 'custom', path: ['valueHigh'], message: 'must be at least the value' });
  if (v.valueKind === 'percent' && v.value != null && v.value > 100)
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percent is at most 100' });
  if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart)
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'must not be before the start' });
}

export const CreateReferenceFigureInput = z.strictObject(referenceFigureFields).superRefine(checkFigure);
export type CreateReferenceFigureInput = z.input<typeof CreateReferenceFigureInput>;
export type ReferenceFigureFields = z.output<typeof CreateReferenceFigureInput>;

// Rules spanning several fields are checked on the merged record (core/versioned-record.ts).
export const UpdateReferenceFigureInput = z.strictObject({
  ...Object.fromEntries(Object.entries(referenceFigureFields).map(([k, v]) => [k, v.optional()])),
  version: Version,
} as { [K in keyof typeof referenceFigureFields]: z.ZodOptional<(typeof referenceFigureFields)[K]> } & {
  version: typeof Version;
});
export type UpdateReferenceFigureInput = z.input<typeof UpdateReferenceFigureInput>;

export interface ReferenceFigure extends Versioned, ReferenceFigureFields {}
