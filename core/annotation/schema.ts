/** A dated event shown on trend charts, keeping the precision the date is known to. */
import { z } from 'zod';
import { ANNOTATION_KINDS, DATE_PRECISIONS } from '../enums';
import { CalendarDate, enumOf, OptionalText, Version, type Versioned, OptionalHttpUrl } from '../common-schemas';

const annotationFields = {
  /** First day of the dated period (the 1st of the month for month precision, 1 January for a year). */
  date: CalendarDate,
  datePrecision: enumOf(DATE_PRECISIONS, 'date precision').default('day'),
  /** Last day, for a span. */
  endDate: CalendarDate.nullable().default(null),
  kind: enumOf(ANNOTATION_KINDS, 'kind'),
  title: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(200, 'is too long (200 characters at most)'),
  description: OptionalText(2000),
  sourceName: OptionalText(300),
  sourceUrl: OptionalHttpUrl,
};

function checkSpan(v: { datePrecision?: string; date?: string; endDate?: string | null }, ctx: z.RefinementCtx) {
  if (v.datePrecision === 'span' && !v.endDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'a span needs its end date' });
  if (v.date && v.endDate && v.endDate < v.date)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before the date' });
}

export const CreateAnnotationInput = z.strictObject(annotationFields).superRefine(checkSpan);
export type CreateAnnotationInput = z.input<typeof CreateAnnotationInput>;
export type AnnotationFields = z.output<typeof CreateAnnotationInput>;

// Rules spanning several fields are checked on the merged record (core/versioned-record.ts).
export const UpdateAnnotationInput = z.strictObject({
  ...Object.fromEntries(Object.entries(annotationFields).map(([k, v]) => [k, v.optional()])),
  version: Version,
} as { [K in keyof typeof annotationFields]: z.ZodOptional<(typeof annotationFields)[K]> } & {
  version: typeof Version;
});
export type UpdateAnnotationInput = z.input<typeof UpdateAnnotationInput>;

export interface Annotation extends Versioned, AnnotationFields {}
