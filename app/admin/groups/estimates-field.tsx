'use client';
/** A group's strength estimates: rows of low–high fighters, as-of date and source. */
import {
  controlClass,
  hintClass,
  labelClass,
  legendClass,
  linkButton,
  secondaryButton,
} from '../../forms/control-styles';
import { controlProps, FieldError } from '../../forms/field';
import type { FormBinding } from '../../forms/use-draft-form';
import { emptyEstimate, groupLabel, type EstimateDraft } from './group-draft';

const PART_LABELS: Record<keyof EstimateDraft, string> = { low: 'Low', high: 'High', asOf: 'As of', source: 'Source' };

export function EstimatesField({ form }: { form: FormBinding }) {
  const raw = form.get('strengthEstimates');
  const rows = Array.isArray(raw) ? (raw as EstimateDraft[]) : [];
  const cell = (i: number, part: keyof EstimateDraft, type = 'text', numeric = false) => {
    const path = `strengthEstimates.${i}.${part}`;
    return (
      <div className="min-w-0">
        {/* Short visible label, full accessible name ("Estimate 2 — high"). */}
        <label htmlFor={controlProps(form, path).id} className={`${labelClass} text-xs text-muted`}>
          <span className="sr-only">Estimate {i + 1} — </span>
          {PART_LABELS[part]}
        </label>
        <input
          {...controlProps(form, path)}
          type={type}
          inputMode={numeric ? 'numeric' : undefined}
          className={`${controlClass} mt-1 ${numeric ? 'text-right tabular-nums' : ''}`}
          value={form.text(path)}
          onFocus={numeric ? (e) => e.currentTarget.select() : undefined}
          onChange={(e) => form.set(path, e.target.value)}
          onBlur={() => form.blur(path)}
        />
      </div>
    );
  };
  // Errors under the row, not in the narrow cells where they would wrap word by word.
  const rowErrors = (i: number) =>
    (['low', 'high', 'asOf', 'source'] as const).map((part) => {
      const path = `strengthEstimates.${i}.${part}`;
      const message = form.error(path);
      return message ? <FieldError key={part} path={path} message={`${groupLabel(path)}: ${message}`} /> : null;
    });
  return (
    <fieldset className="min-w-0">
      <legend className={legendClass}>Strength estimates</legend>
      <p className={hintClass}>Fighters, as a published range with its date and source. Empty rows are ignored.</p>
      <ol className="mt-2 space-y-2">
        {rows.map((_, i) => (
          <li key={i} className="rounded-md border border-line p-3">
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-[6rem_6rem_10rem_minmax(0,1fr)_auto] sm:items-end">
              {cell(i, 'low', 'text', true)}
              {cell(i, 'high', 'text', true)}
              {cell(i, 'asOf', 'date')}
              {cell(i, 'source')}
              <button
                type="button"
                className={`${linkButton} justify-self-start py-2`}
                onClick={() =>
                  form.set(
                    'strengthEstimates',
                    rows.filter((__, j) => j !== i),
                  )
                }
                aria-label={`Remove estimate ${i + 1}`}
              >
                Remove
              </button>
            </div>
            {rowErrors(i)}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className={`${secondaryButton} mt-2`}
        id="f-strengthEstimates"
        onClick={() => form.set('strengthEstimates', [...rows, emptyEstimate()])}
      >
        + Add estimate
      </button>
    </fieldset>
  );
}
