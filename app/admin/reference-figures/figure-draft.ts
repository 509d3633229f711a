/** The reference-figure form's values as typed and their conversion (core/reference-figure/schema.ts). Framework-free. */
import type { ValueKind } from '../../../core/enums';
import {
  CreateReferenceFigureInput,
  type ComparableMeasure,
  type ReferenceFigure,
} from '../../../core/reference-figure/schema';
import type { ErrorLayout, FieldErrors } from '../../forms/error-paths';
import { decimalOf, textOf, validateInput } from '../../forms/input-values';

export interface FigureDraft {
  metric: string;
  valueKind: ValueKind | '';
  value: string;
  valueHigh: string;
  unit: string;
  valueText: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  reportedOn: string;
  sourceName: string;
  sourceUrl: string;
  citedVia: string;
  comparableTo: ComparableMeasure | '';
}

export const VALUE_KIND_LABELS: Record<ValueKind, string> = {
  exact: 'Exact',
  lower_bound: 'Lower bound (“more than”)',
  range: 'Range',
  percent: 'Percent',
  money: 'Money',
};

export const COMPARABLE_LABELS: Record<ComparableMeasure, string> = {
  incidents: 'Incidents recorded here',
  killed: 'Killed recorded here',
  operations: 'Operations recorded here',
  militantsKilledInOperations: 'Militants killed in operations of any kind',
  intelligenceBasedOperations: 'Intelligence-based operations recorded here',
  militantsKilledInIntelligenceBasedOperations: 'Militants killed in intelligence-based operations',
};

export const emptyFigureDraft = (): FigureDraft => ({
  metric: '',
  valueKind: '',
  value: '',
  valueHigh: '',
  unit: '',
  valueText: '',
  periodStart: '',
  periodEnd: '',
  periodLabel: '',
  reportedOn: '',
  sourceName: '',
  sourceUrl: '',
  citedVia: '',
  comparableTo: '',
});

export function figureToDraft(f: ReferenceFigure): FigureDraft {
  return {
    metric: f.metric,
    valueKind: f.valueKind,
    value: String(f.value),
    valueHigh: f.valueHigh === null ? '' : String(f.valueHigh),
    unit: f.unit ?? '',
    valueText: f.valueText ?? '',
    periodStart: f.periodStart ?? '',
    periodEnd: f.periodEnd ?? '',
    periodLabel: f.periodLabel,
    reportedOn: f.reportedOn ?? '',
    sourceName: f.sourceName,
    sourceUrl: f.sourceUrl ?? '',
    citedVia: f.citedVia ?? '',
    comparableTo: f.comparableTo ?? '',
  };
}

/** "75,000" → 75000: published figures come with thousands separators. */
const figureOf = (s: string) => decimalOf(s.replace(/(\d),(?=\d{3}\b)/g, '$1'));

export function figureInputOf(d: FigureDraft): Record<string, unknown> {
  return {
    metric: d.metric,
    valueKind: d.valueKind || undefined,
    value: d.value.trim() === '' ? undefined : figureOf(d.value),
    // A hidden high value (the kind changed from range) is not sent: only a range has one.
    valueHigh: d.valueKind === 'range' ? figureOf(d.valueHigh) : null,
    unit: textOf(d.unit),
    valueText: textOf(d.valueText),
    periodStart: textOf(d.periodStart),
    periodEnd: textOf(d.periodEnd),
    periodLabel: d.periodLabel,
    reportedOn: textOf(d.reportedOn),
    sourceName: d.sourceName,
    sourceUrl: textOf(d.sourceUrl),
    citedVia: textOf(d.citedVia),
    comparableTo: d.comparableTo || null,
  };
}

const LABELS: Record<string, string> = {
  metric: 'What was measured',
  valueKind: 'Kind of value',
  value: 'Value',
  valueHigh: 'High value',
  unit: 'Unit',
  valueText: 'As worded by the source',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  periodLabel: 'Period as published',
  reportedOn: 'Reported on',
  sourceName: 'Source',
  sourceUrl: 'Source address',
  citedVia: 'Cited via',
  comparableTo: 'Compare with',
};

export const FIGURE_LAYOUT: ErrorLayout = { fields: Object.keys(LABELS), label: (p) => LABELS[p] ?? p };

export function validateFigure(d: FigureDraft): FieldErrors {
  const pre: FieldErrors = {};
  if (!d.valueKind) pre.valueKind = 'choose the kind of value';
  if (!d.value.trim()) pre.value = 'is required';
  return validateInput(CreateReferenceFigureInput, figureInputOf(d), FIGURE_LAYOUT, pre);
}
