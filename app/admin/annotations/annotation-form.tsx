'use client';
/** Create or edit a dated event for the trend charts, with the precision its date is known to. */
import type { Annotation } from '@/core/annotation/schema';
import { ANNOTATION_KINDS, DATE_PRECISIONS } from '@/core/enums';
import { SelectField, TextAreaField, TextField } from '../../forms/text-fields';
import { FormSection } from '../../record/form-section';
import { RecordFormFrame } from '../../record/record-form-frame';
import { plainValueText, useAdminRecord, type AdminRecordSpec } from '../use-admin-record';
import {
  ANNOTATION_LAYOUT,
  annotationInputOf,
  annotationToDraft,
  DATE_PRECISION_LABELS,
  emptyAnnotationDraft,
  KIND_LABELS,
  validateAnnotation,
  type AnnotationDraft,
} from './annotation-draft';

const SPEC: AdminRecordSpec<AnnotationDraft, Annotation> = {
  key: 'annotation',
  noun: 'annotation',
  apiBase: '/api/annotations',
  listHref: '/admin/annotations',
  empty: emptyAnnotationDraft,
  toDraft: annotationToDraft,
  inputOf: annotationInputOf,
  validate: validateAnnotation,
  layout: ANNOTATION_LAYOUT,
};

export function AnnotationForm({ annotation }: { annotation: Annotation | null }) {
  const { form, saver } = useAdminRecord(SPEC, annotation);
  const b = form.binding;
  const precision = b.text('datePrecision');
  return (
    <RecordFormFrame
      form={form}
      saver={saver}
      layout={ANNOTATION_LAYOUT}
      noun="annotation"
      submitLabel={annotation ? 'Save changes' : 'Add annotation'}
      loadedVersion={annotation?.version ?? null}
      valueText={plainValueText}
    >
      <FormSection title="When">
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField
            form={b}
            path="date"
            label="Date"
            type="date"
            required
            hint={
              precision === 'month' ? 'Any day of the month' : precision === 'year' ? 'Any day of the year' : undefined
            }
          />
          <SelectField
            form={b}
            path="datePrecision"
            label="Date known to"
            options={DATE_PRECISIONS.map((p) => ({ value: p, label: DATE_PRECISION_LABELS[p] }))}
          />
          {precision === 'span' ? <TextField form={b} path="endDate" label="End date" type="date" required /> : null}
        </div>
      </FormSection>
      <FormSection title="What">
        <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <SelectField
            form={b}
            path="kind"
            label="Kind"
            required
            placeholder="Choose…"
            options={ANNOTATION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          />
          <TextField
            form={b}
            path="title"
            label="Title"
            required
            maxLength={200}
            hint="Short: it labels a mark on the charts"
          />
        </div>
        <div className="mt-3">
          <TextAreaField form={b} path="description" label="Description" rows={3} maxLength={2000} />
        </div>
      </FormSection>
      <FormSection title="Source">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField form={b} path="sourceName" label="Source" />
          <TextField
            form={b}
            path="sourceUrl"
            label="Source address"
            type="url"
            inputMode="url"
            placeholder="https://…"
          />
        </div>
      </FormSection>
    </RecordFormFrame>
  );
}
