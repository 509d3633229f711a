'use client';
/** Text, multi-line and select fields bound to a form path. */
import type { HTMLAttributes, ReactNode } from 'react';
import { controlClass } from './control-styles';
import { Field } from './field';
import type { FormBinding } from './use-draft-form';

interface Common {
  form: FormBinding;
  path: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

export function TextField(
  props: Common & {
    type?: 'text' | 'email' | 'url' | 'date' | 'time' | 'password' | 'month';
    inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
    placeholder?: string;
    autoComplete?: string;
    list?: string;
    maxLength?: number;
    autoFocus?: boolean;
    /** Counts: focusing selects the value, so typing replaces it. */
    selectOnFocus?: boolean;
    inputClassName?: string;
  },
) {
  const {
    form,
    path,
    type = 'text',
    inputMode,
    placeholder,
    autoComplete,
    list,
    maxLength,
    autoFocus,
    selectOnFocus,
    inputClassName,
    ...field
  } = props;
  return (
    <Field form={form} path={path} {...field}>
      {(control) => (
        <input
          {...control}
          type={type}
          inputMode={inputMode}
          placeholder={placeholder}
          autoComplete={autoComplete ?? 'off'}
          list={list}
          maxLength={maxLength}
          autoFocus={autoFocus}
          className={`${controlClass} ${inputClassName ?? ''}`}
          value={form.text(path)}
          onFocus={selectOnFocus ? (e) => e.currentTarget.select() : undefined}
          onChange={(e) => form.set(path, e.target.value)}
          onBlur={() => form.blur(path)}
        />
      )}
    </Field>
  );
}

/**
 * `maxLength` is shown as a counter, not set on the textarea: the browser would cut a long paste
 * without a word, and the schema's "too long" error says what to do instead.
 */
export function TextAreaField(props: Common & { rows?: number; maxLength?: number; placeholder?: string }) {
  const { form, path, rows = 4, maxLength, placeholder, ...field } = props;
  const length = form.text(path).length;
  return (
    <div>
      <Field form={form} path={path} {...field}>
        {(control) => (
          <textarea
            {...control}
            rows={rows}
            placeholder={placeholder}
            className={`${controlClass} resize-y`}
            value={form.text(path)}
            onChange={(e) => form.set(path, e.target.value)}
            onBlur={() => form.blur(path)}
          />
        )}
      </Field>
      {maxLength !== undefined && (
        <p
          data-counter={path}
          className={`mt-1 text-right text-xs tabular-nums ${length > maxLength ? 'font-semibold text-danger' : 'text-muted'}`}
        >
          {length.toLocaleString('en-GB')} / {maxLength.toLocaleString('en-GB')} characters
          {length > maxLength ? ` — ${(length - maxLength).toLocaleString('en-GB')} too many` : ''}
        </p>
      )}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: Common & { options: readonly Option[]; placeholder?: string; onValue?: (value: string) => void },
) {
  const { form, path, options, placeholder, onValue, ...field } = props;
  return (
    <Field form={form} path={path} {...field}>
      {(control) => (
        <select
          {...control}
          className={controlClass}
          value={form.text(path)}
          onChange={(e) => (onValue ? onValue(e.target.value) : form.set(path, e.target.value))}
          onBlur={() => form.blur(path)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
