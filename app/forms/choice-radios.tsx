'use client';
/**
 * A small set of exclusive choices as radios in a fieldset: tri-state questions (yes / no /
 * unknown) and the verification status. Radios show every option at once and take arrow keys.
 */
import type { ReactNode } from 'react';
import { TRI_STATES, VERIFICATION_STATUSES, type TriState, type VerificationStatus } from '@/core/enums';
import { hintClass, labelClass } from './control-styles';
import { FieldError } from './field';
import { errorId, fieldId, hintId } from './error-paths';
import type { FormBinding } from './use-draft-form';
import type { Option } from './text-fields';

export function ChoiceRadios(props: {
  form: FormBinding;
  path: string;
  legend: string;
  options: readonly Option[];
  hint?: ReactNode;
  className?: string;
}) {
  const { form, path, legend, options, hint, className } = props;
  const message = form.error(path);
  const described = [message ? errorId(path) : null, hint ? hintId(path) : null].filter(Boolean).join(' ') || undefined;
  const current = form.text(path);
  return (
    <fieldset className={className} aria-describedby={described}>
      <legend className={labelClass}>{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-1.5">
        {options.map((o, i) => {
          // The first radio carries the path's id, so the error summary's link lands on the group.
          const id = i === 0 ? fieldId(path) : `${fieldId(path)}-${o.value}`;
          return (
            <label
              key={o.value}
              htmlFor={id}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm text-fg has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:ring-2 has-focus-visible:ring-accent/40"
            >
              <input
                id={id}
                type="radio"
                name={path}
                value={o.value}
                checked={current === o.value}
                // aria-invalid is not a radio attribute; the fieldset's description carries the error.
                data-invalid={Boolean(message) || undefined}
                onChange={() => form.set(path, o.value)}
                onBlur={() => form.blur(path)}
                className="accent-[var(--accent)]"
              />
              {o.label}
            </label>
          );
        })}
      </div>
      {hint ? (
        <p id={hintId(path)} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <FieldError path={path} message={message} />
    </fieldset>
  );
}

const TRI_LABELS: Record<TriState, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };
export const TRI_OPTIONS: Option[] = TRI_STATES.map((v) => ({ value: v, label: TRI_LABELS[v] }));

export const VERIFICATION_LABELS: Record<VerificationStatus, string> = {
  reported: 'Reported',
  confirmed: 'Confirmed',
  disputed: 'Disputed',
};
const VERIFICATION_HINTS: Record<VerificationStatus, string> = {
  reported: 'one or more sources report it',
  confirmed: 'official or independently corroborated',
  disputed: 'sources disagree or it was denied',
};
export const VERIFICATION_OPTIONS: Option[] = VERIFICATION_STATUSES.map((v) => ({
  value: v,
  label: VERIFICATION_LABELS[v],
}));

export function VerificationField({ form, className }: { form: FormBinding; className?: string }) {
  const current = form.text('verification') as VerificationStatus;
  return (
    <ChoiceRadios
      form={form}
      path="verification"
      legend="Verification"
      options={VERIFICATION_OPTIONS}
      hint={
        VERIFICATION_HINTS[current] ? `${VERIFICATION_LABELS[current]}: ${VERIFICATION_HINTS[current]}.` : undefined
      }
      className={className}
    />
  );
}
