'use client';
/**
 * The state of a record form: values (as typed, strings included, so "12a" stays on screen with
 * its error instead of vanishing), the draft kept in localStorage on every change, the submission's
 * Idempotency-Key, and errors from the client schema and the server, placed by path.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { browserStore, clearDraft, loadDraft, newIdempotencyKey, saveDraft } from './draft-store';
import { placeErrors, type ErrorLayout, type FieldErrors } from './error-paths';
import { conform, getPath, sameValue, setPath } from './value-paths';

export interface DraftFormConfig<D> {
  /** Storage key of the draft: "incident:new", "incident:<id>". */
  formKey: string;
  /** A fresh form (new record), or the record's values (edit). */
  initial: D;
  /** Edits: the record's values and version the form starts from. */
  base: { values: D; version: number } | null;
  /** Client validation with the shared schema; paths are input paths (after placement). */
  validate(values: D): FieldErrors;
  layout: ErrorLayout;
  /** Shapes of array items, for reading old drafts back (`{ sources: emptySource }`). */
  itemTemplates?: Record<string, unknown>;
}

/** What field components need from the form. */
export interface FormBinding {
  get(path: string): unknown;
  text(path: string): string;
  set(path: string, value: unknown): void;
  blur(path: string): void;
  error(path: string): string | undefined;
}

export function useDraftForm<D>(config: DraftFormConfig<D>) {
  const { formKey, initial, layout, validate } = config;
  const [values, setValues] = useState<D>(initial);
  const [base, setBase] = useState(config.base);
  const [idempotencyKey, setKey] = useState<string | null>(null);
  const [restored, setRestored] = useState<{ savedAt: string; baseVersion: number | null } | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [storageRefused, setStorageRefused] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  // DOM ids rather than refs: the form object is passed around during render, and refs in it
  // would make every read of it a ref read.
  const domId = useId();
  const formId = `${domId}form`;
  const summaryId = `${domId}summary`;
  const configRef = useRef(config);

  // Read the draft after hydration: the server cannot see localStorage, and rendering the stored
  // values in the first pass would not match the server's HTML.
  useEffect(() => {
    const { initial: init, itemTemplates, base: startBase } = configRef.current;
    const draft = loadDraft(browserStore(), formKey, (v) => conform(init, v, itemTemplates));
    // An edit draft without its base cannot be reconciled with newer versions: ignore it.
    const usable = draft && (startBase === null || draft.base !== null);
    if (usable) {
      setValues(draft.values);
      setBase(draft.base);
      setKey(draft.idempotencyKey);
      setRestored({ savedAt: draft.savedAt, baseVersion: draft.base?.version ?? null });
    } else {
      setKey(newIdempotencyKey());
    }
  }, [formKey]);

  // Every change is written at once (a few KB, synchronously): a reload a moment later keeps it.
  useEffect(() => {
    if (idempotencyKey === null) return;
    const store = browserStore();
    if (sameValue(values, base?.values ?? configRef.current.initial)) clearDraft(store, formKey);
    else
      setStorageRefused(
        !saveDraft(store, formKey, { values, idempotencyKey, base, savedAt: new Date().toISOString() }),
      );
  }, [values, base, idempotencyKey, formKey]);

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = document
      .getElementById(formId)
      ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]');
    (first ?? document.getElementById(summaryId))?.focus();
  }, [focusRequest, formId, summaryId]);

  const clientErrors = useMemo(() => validate(values), [validate, values]);
  const errors = useMemo(() => {
    const shown: FieldErrors = { ...serverErrors };
    for (const [path, message] of Object.entries(clientErrors))
      if (attempted || touched.has(path)) shown[path] = message;
    return shown;
  }, [clientErrors, serverErrors, attempted, touched]);

  const set = useCallback((path: string, value: unknown) => {
    setValues((v) => setPath(v, path, value));
    setServerErrors((e) => (path in e ? Object.fromEntries(Object.entries(e).filter(([p]) => p !== path)) : e));
  }, []);

  const binding: FormBinding = useMemo(
    () => ({
      get: (path) => getPath(values, path),
      text: (path) => {
        const v = getPath(values, path);
        return v === null || v === undefined ? '' : String(v);
      },
      set,
      blur: (path) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path))),
      error: (path) => errors[path],
    }),
    [values, set, errors],
  );

  /** Runs the client checks; false (and focus on the first error) when something is wrong. */
  const check = useCallback((): boolean => {
    setAttempted(true);
    setGeneral([]);
    const ok = Object.keys(validate(values)).length === 0;
    if (!ok) setFocusRequest((n) => n + 1);
    return ok;
  }, [validate, values]);

  /** Shows a failed save: field errors beside their inputs, the rest at the top. */
  const showFailure = useCallback(
    (fields: FieldErrors, message?: string) => {
      const placed = placeErrors(fields, layout);
      setServerErrors(placed.byField);
      setGeneral([
        ...(message && (placed.general.length > 0 || Object.keys(placed.byField).length === 0) ? [message] : []),
        ...placed.general,
      ]);
      setFocusRequest((n) => n + 1);
    },
    [layout],
  );

  const reset = useCallback((next: { values: D; base: { values: D; version: number } | null }) => {
    setValues(next.values);
    setBase(next.base);
    setServerErrors({});
    setGeneral([]);
    setAttempted(false);
    setTouched(new Set());
  }, []);

  const dirty = useMemo(() => !sameValue(values, base?.values ?? initial), [values, base, initial]);

  return {
    values,
    base,
    /** Differs from the record (or the empty form): a draft is being kept. */
    dirty,
    binding,
    errors,
    general,
    restored,
    storageRefused,
    idempotencyKey,
    formId,
    summaryId,
    update: setValues,
    check,
    showFailure,
    /** Replaces values and base (conflict resolution); the draft follows. */
    reset,
    dismissRestored: () => setRestored(null),
    /** A new submission: the next save must not be taken for a replay of the last one. */
    renewKey: () => setKey(newIdempotencyKey()),
    /** Forget the draft and start again from the record (or an empty form). */
    discard: () => {
      clearDraft(browserStore(), formKey);
      reset({ values: configRef.current.base?.values ?? configRef.current.initial, base: configRef.current.base });
      setRestored(null);
      setKey(newIdempotencyKey());
    },
    /** After a successful save: the draft is done. */
    saved: () => {
      clearDraft(browserStore(), formKey);
      setKey(null);
    },
  };
}

export type DraftForm<D> = ReturnType<typeof useDraftForm<D>>;
