/**
 * One labelled input of the sync forms, with its error (named by the API's field) and hint tied to
 * it for screen readers.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { controlClass, errorClass, hintClass, labelClass } from '../../forms/control-styles';

export function SyncField({
  id,
  label,
  error,
  hint,
  width = '',
  ...input
}: {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  /** A width class for short values (`max-w-32`); full width by default. */
  width?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>) {
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        className={width ? `${controlClass} ${width}` : controlClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
