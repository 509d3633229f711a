'use client';
/** Create or edit a published reference figure, kept as reported (bound, range, percent, money). */
import { VALUE_KINDS } from '@/core/enums';
import { COMPARABLE_MEASURES, type ReferenceFigure } from '@/core/reference-figure/schema';
import { SelectField, TextField } from '../../forms/text-fields';
import { FormSection } from '../../record/form-section';
import { RecordFormFrame } from '../../record/record-form-frame';
import { plainValueText, useAdminRecord, type AdminRecordSpec } from '../use-admin-record';
import {
  COMPARABLE_LABELS,
  emptyFigureDraft,
  FIGURE_LAYOUT,
  figureInputOf,
  figureToDraft,
  validateFigure,
  VALUE_KIND_LABELS,
  type FigureDraft,
} from './figure-draft';

const SPEC: AdminRecordSpec<FigureDraft, ReferenceFigure> = {
  key: 'referenceFigure',
  noun: 'reference figure',
  apiBase: '/api/reference-figures',
  listHref: '/admin/reference-figures',
  empty: emptyFigureDraft,
  toDraft: figureToDraft,
  inputOf: figureInputOf,
  validate: validateFigure,
  layout: FIGURE_LAYOUT,
};

export function FigureForm({ figure }: { figure: ReferenceFigure | null }) {
  const { form, saver } = useAdminRecord(SPEC, figure);
  const b = form.binding;
  const ranged = b.text('valueKind') === 'range';
  return (
    <RecordFormFrame
      form={form}
      saver={saver}
      layout={FIGURE_LAYOUT}
      noun="reference figure"
      submitLabel={figure ? 'Save changes' : 'Add figure'}
      loadedVersion={figure?.version ?? null}
      valueText={plainValueText}
    >
      <FormSection title="The figure">
        <TextField
          form={b}
          path="metric"
          label="What was measured"
          required
          hint="e.g. “Pakistani civilians and security personnel killed in terrorism since 2001”"
        />
        <div className="mt-3 grid gap-3 sm:grid-cols-4">
          <SelectField
            form={b}
            path="valueKind"
            label="Kind of value"
            required
            placeholder="Choose…"
            options={VALUE_KINDS.map((k) => ({ value: k, label: VALUE_KIND_LABELS[k] }))}
          />
          <TextField
            form={b}
            path="value"
            label="Value"
            required
            inputMode="decimal"
            hint={ranged ? 'The low end' : 'e.g. 75,000'}
          />
          {ranged ? <TextField form={b} path="valueHigh" label="High value" required inputMode="decimal" /> : null}
          <TextField form={b} path="unit" label="Unit" hint="e.g. USD bn, %" maxLength={20} />
          <TextField
            form={b}
            path="valueText"
            label="As worded by the source"
            hint="Shown with the number, e.g. “more than USD 150 billion”"
            maxLength={200}
          />
        </div>
      </FormSection>
      <FormSection title="Period">
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField
            form={b}
            path="periodLabel"
            label="Period as published"
            required
            hint="e.g. “2001–2023”, “fiscal year 2024”; “undated” when the source gives no period"
          />
          <TextField form={b} path="periodStart" label="Period start" type="date" />
          <TextField form={b} path="periodEnd" label="Period end" type="date" />
          <TextField
            form={b}
            path="reportedOn"
            label="Reported on"
            type="date"
            hint="When the source published it; an undated figure is shown with this date"
          />
        </div>
      </FormSection>
      <FormSection title="Source">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField form={b} path="sourceName" label="Source" required />
          <TextField
            form={b}
            path="sourceUrl"
            label="Source address"
            type="url"
            inputMode="url"
            placeholder="https://…"
          />
          <TextField form={b} path="citedVia" label="Cited via" hint="Where you found it, if not the source itself" />
          <SelectField
            form={b}
            path="comparableTo"
            label="Compare with"
            placeholder="Nothing recorded here"
            options={COMPARABLE_MEASURES.map((m) => ({ value: m, label: COMPARABLE_LABELS[m] }))}
            hint="Only a measure that counts the same thing; shown for the same period once it has ended"
          />
        </div>
      </FormSection>
    </RecordFormFrame>
  );
}
