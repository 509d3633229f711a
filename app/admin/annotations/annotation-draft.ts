/** The annotation form's values as typed and their conversion (core/annotation/schema.ts). Framework-free. */
import { CreateAnnotationInput, type Annotation } from '../../../core/annotation/schema';
import type { AnnotationKind, DatePrecision } from '../../../core/enums';
import type { ErrorLayout, FieldErrors } from '../../forms/error-paths';
import { textOf, validateInput } from '../../forms/input-values';

export interface AnnotationDraft {
  date: string;
  datePrecision: DatePrecision;
  endDate: string;
  kind: AnnotationKind | '';
  title: string;
  description: string;
  sourceName: string;
  sourceUrl: string;
}

export const KIND_LABELS: Record<AnnotationKind, string> = {
  political: 'Political',
  diplomatic: 'Diplomatic',
  policy: 'Policy',
  report: 'Report',
  military: 'Military',
  other: 'Other',
};
export const DATE_PRECISION_LABELS: Record<DatePrecision, string> = {
  day: 'Day',
  month: 'Month',
  year: 'Year',
  span: 'Span of days',
};

export const emptyAnnotationDraft = (): AnnotationDraft => ({
  date: '',
  datePrecision: 'day',
  endDate: '',
  kind: '',
  title: '',
  description: '',
  sourceName: '',
  sourceUrl: '',
});

export function annotationToDraft(a: Annotation): AnnotationDraft {
  return {
    date: a.date,
    datePrecision: a.datePrecision,
    endDate: a.endDate ?? '',
    kind: a.kind,
    title: a.title,
    description: a.description ?? '',
    sourceName: a.sourceName ?? '',
    sourceUrl: a.sourceUrl ?? '',
  };
}

/** The schema wants the first day of a month or year; the operator may type any day in it. */
function firstDay(date: string, precision: DatePrecision): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  if (precision === 'month') return `${date.slice(0, 7)}-01`;
  if (precision === 'year') return `${date.slice(0, 4)}-01-01`;
  return date;
}

export function annotationInputOf(d: AnnotationDraft): Record<string, unknown> {
  return {
    date: firstDay(d.date, d.datePrecision),
    datePrecision: d.datePrecision,
    // Only a span has an end date; a hidden one left from before is not sent.
    endDate: d.datePrecision === 'span' ? textOf(d.endDate) : null,
    kind: d.kind || undefined,
    title: d.title,
    description: textOf(d.description),
    sourceName: textOf(d.sourceName),
    sourceUrl: textOf(d.sourceUrl),
  };
}

const LABELS: Record<string, string> = {
  date: 'Date',
  datePrecision: 'Date known to',
  endDate: 'End date',
  kind: 'Kind',
  title: 'Title',
  description: 'Description',
  sourceName: 'Source',
  sourceUrl: 'Source address',
};
export const ANNOTATION_LAYOUT: ErrorLayout = { fields: Object.keys(LABELS), label: (p) => LABELS[p] ?? p };

export function validateAnnotation(d: AnnotationDraft): FieldErrors {
  const pre: FieldErrors = {};
  if (!d.date) pre.date = 'enter the date';
  if (!d.kind) pre.kind = 'choose a kind';
  return validateInput(CreateAnnotationInput, annotationInputOf(d), ANNOTATION_LAYOUT, pre);
}
