/** Published reference figures and timeline annotations. */
import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ANNOTATION_KINDS, DATE_PRECISIONS, VALUE_KINDS } from '../../core/enums';
import { COMPARABLE_MEASURES } from '../../core/reference-figure/schema';
import { oneOf, versionedColumns } from './columns';

export const referenceFigures = pgTable(
  'reference_figures',
  {
    id: uuid('id').primaryKey(),
    metric: text('metric').notNull(),
    valueKind: text('value_kind').notNull(),
    value: doublePrecision('value').notNull(),
    valueHigh: doublePrecision('value_high'),
    unit: text('unit'),
    valueText: text('value_text'),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    periodLabel: text('period_label').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }),
    sourceName: text('source_name').notNull(),
    sourceUrl: text('source_url'),
    citedVia: text('cited_via'),
    comparableTo: text('comparable_to'),
    ...versionedColumns(),
  },
  (t) => [
    check('reference_figures_value_kind_valid', oneOf('value_kind', VALUE_KINDS)),
    check(
      'reference_figures_comparable_valid',
      sql`${t.comparableTo} IS NULL OR ${oneOf('comparable_to', COMPARABLE_MEASURES)}`,
    ),
    check(
      'reference_figures_range',
      sql`(${t.valueKind} = 'range') = (${t.valueHigh} IS NOT NULL) AND (${t.valueHigh} IS NULL OR ${t.valueHigh} >= ${t.value})`,
    ),
    check(
      'reference_figures_period',
      sql`${t.periodEnd} IS NULL OR ${t.periodStart} IS NULL OR ${t.periodEnd} >= ${t.periodStart}`,
    ),
  ],
);

export const annotations = pgTable(
  'annotations',
  {
    id: uuid('id').primaryKey(),
    date: date('date', { mode: 'string' }).notNull(),
    datePrecision: text('date_precision').notNull(),
    endDate: date('end_date', { mode: 'string' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    sourceName: text('source_name'),
    sourceUrl: text('source_url'),
    ...versionedColumns(),
  },
  (t) => [
    check('annotations_precision_valid', oneOf('date_precision', DATE_PRECISIONS)),
    check('annotations_kind_valid', oneOf('kind', ANNOTATION_KINDS)),
    check('annotations_span', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.date}`),
    // Trend charts fetch the annotations inside their date range.
    index('annotations_date_idx').on(t.date),
  ],
);
