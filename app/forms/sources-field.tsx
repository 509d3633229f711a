'use client';
/**
 * The sources of a record: rows of name, address and publication date, added and removed by
 * keyboard. An address is checked as soon as it is left (the shared schema wants a full http(s)
 * URL) and, once valid, offers a link to open it and see that it is the right article.
 */
import { useEffect, useRef } from 'react';
import { controlClass, hintClass, labelClass, legendClass, linkButton, secondaryButton } from './control-styles';
import { controlProps, FieldError } from './field';
import { fieldId } from './error-paths';
import type { FormBinding } from './use-draft-form';
import { emptySource, sourceLabel, type SourceDraft } from './input-values';

/** Names operators type again and again; suggestions only, any name is accepted. */
const COMMON_SOURCES = [
  'ISPR',
  'Dawn',
  'The Express Tribune',
  'The News International',
  'Geo News',
  'Reuters',
  'Associated Press',
  'BBC Urdu',
  'Radio Pakistan',
  'PICSS',
  'PIPS',
  'SATP',
  'ACLED',
  'Khorasan Diary',
  'Counter Terrorism Department',
];

function hostOf(url: string): string | null {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

function SourceRow({
  form,
  index,
  count,
  onRemove,
}: {
  form: FormBinding;
  index: number;
  count: number;
  onRemove: () => void;
}) {
  const part = (p: keyof SourceDraft) => `sources.${index}.${p}`;
  const url = form.text(part('url'));
  const host = !form.error(part('url')) ? hostOf(url) : null;
  const cell = (
    p: keyof SourceDraft,
    extra: { type?: string; placeholder?: string; list?: string; inputMode?: 'url' },
  ) => (
    <div className="min-w-0">
      <label htmlFor={fieldId(part(p))} className={`${labelClass} text-xs text-muted`}>
        {sourceLabel(index, p)}
      </label>
      <input
        {...controlProps(form, part(p))}
        type={extra.type ?? 'text'}
        placeholder={extra.placeholder}
        list={extra.list}
        inputMode={extra.inputMode}
        autoComplete="off"
        className={`${controlClass} mt-1`}
        value={form.text(part(p))}
        onChange={(e) => form.set(part(p), e.target.value)}
        onBlur={() => form.blur(part(p))}
      />
      <FieldError path={part(p)} message={form.error(part(p))} />
    </div>
  );
  return (
    <li className="rounded-md border border-line bg-surface-2/40 p-3" aria-label={`Source ${index + 1} of ${count}`}>
      <div className="grid gap-2 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_10rem]">
        {cell('name', { placeholder: 'e.g. Dawn', list: 'source-names' })}
        {cell('url', { type: 'url', placeholder: 'https://…', inputMode: 'url' })}
        {cell('publishedAt', { type: 'date' })}
      </div>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs">
        <span className="text-muted">
          {host ? (
            <a className={linkButton} href={url.trim()} target="_blank" rel="noopener noreferrer">
              Open {host} ↗
            </a>
          ) : (
            'The address is optional but lets others check the report.'
          )}
        </span>
        <button type="button" className={linkButton} onClick={onRemove} aria-label={`Remove source ${index + 1}`}>
          Remove
        </button>
      </div>
    </li>
  );
}

export function SourcesField({ form }: { form: FormBinding }) {
  const raw = form.get('sources');
  const sources = Array.isArray(raw) ? (raw as SourceDraft[]) : [];
  const addRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<string | null>(null);

  // After adding or removing a row, keep the keyboard user in place.
  useEffect(() => {
    if (!focusNext.current) return;
    const el = document.getElementById(focusNext.current) ?? addRef.current;
    focusNext.current = null;
    el?.focus();
  });

  const add = () => {
    focusNext.current = fieldId(`sources.${sources.length}.name`);
    form.set('sources', [...sources, emptySource()]);
  };
  const remove = (i: number) => {
    focusNext.current =
      sources.length > 1 ? fieldId(`sources.${Math.min(i, sources.length - 2)}.name`) : fieldId('sources');
    form.set(
      'sources',
      sources.filter((_, j) => j !== i),
    );
  };

  return (
    <fieldset className="min-w-0">
      <legend className={legendClass}>Sources</legend>
      <p className={hintClass}>Who reported it. Empty rows are ignored.</p>
      <FieldError path="sources" message={form.error('sources')} />
      {sources.length > 0 ? (
        <ol className="mt-2 space-y-2">
          {sources.map((_, i) => (
            <SourceRow key={i} form={form} index={i} count={sources.length} onRemove={() => remove(i)} />
          ))}
        </ol>
      ) : null}
      <button ref={addRef} type="button" id={fieldId('sources')} className={`${secondaryButton} mt-2`} onClick={add}>
        + Add source
      </button>
      <datalist id="source-names">
        {COMMON_SOURCES.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </fieldset>
  );
}
