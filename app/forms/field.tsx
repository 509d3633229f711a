'use client';
/**
 * A labelled control bound to a form path: label, hint and error beside it, with the ids and
 * aria attributes (aria-invalid, aria-describedby) that tie them together for screen readers.
 */
import type { ReactNode } from 'react';
import { errorClass, hintClass, labelClass } from './control-styles';
import { errorId, fieldId, hintId } from './error-paths';
import type { FormBinding } from './use-draft-form';

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

export function FieldError({ path, message }: { path: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={errorId(path)} className={errorClass}>
      <span aria-hidden="true">⚠</span>
      <span>{message}</span>
    </p>
  );
}

/** The props a control needs for its path (for controls laid out by hand, such as grid cells). */
export function controlProps(
  form: FormBinding,
  path: string,
  opts: { hint?: boolean; required?: boolean } = {},
): ControlProps {
  const message = form.error(path);
  const described = [message ? errorId(path) : null, opts.hint ? hintId(path) : null].filter(Boolean).join(' ');
  return {
    id: fieldId(path),
    name: path,
    'aria-invalid': Boolean(message),
    ...(described ? { 'aria-describedby': described } : {}),
    ...(opts.required ? { 'aria-required': true } : {}),
  };
}

export function Field(props: {
  form: FormBinding;
  path: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const { form, path, label, hint, required, className, children } = props;
  return (
    <div className={className}>
      {/* The asterisk sits outside the label, so the accessible name is exactly the label. */}
      <div className="flex items-baseline gap-1">
        <label htmlFor={fieldId(path)} className={labelClass}>
          {label}
        </label>
        {required ? (
          <span className="text-sm text-danger" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      <div className="mt-1">{children(controlProps(form, path, { hint: Boolean(hint), required }))}</div>
      {hint ? (
        <p id={hintId(path)} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <FieldError path={path} message={form.error(path)} />
    </div>
  );
}
