'use client';
/**
 * Saving a record form: POST with the draft's Idempotency-Key (a retry after a lost answer
 * replays the first result instead of recording twice), PATCH with the version the operator
 * started from (a 409 brings the current record, shown beside theirs), and every other failure
 * shown without losing a keystroke. The button stays disabled from the click until the answer.
 */
import { useCallback, useRef, useState } from 'react';
import { apiRequest, recordIn } from '../forms/api-request';
import type { DraftForm } from '../forms/use-draft-form';
import { sameValue } from '../forms/value-paths';

export interface CurrentVersion<D> {
  values: D;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  retracted: { by: string | null; reason: string | null } | null;
  /** Fields the form does not show but a PATCH must carry unchanged. */
  preserved: Record<string, unknown>;
}

export interface RecordSaveOptions<D> {
  form: DraftForm<D>;
  /** `/api/incidents` */
  apiBase: string;
  /** `incident`: the key of the record in the API's answers, and the word for it in messages. */
  key: string;
  /** null: a new record. */
  recordId: string | null;
  /** Edits: fields the form does not show (externalId, synthetic), sent back unchanged. */
  preserved: Record<string, unknown>;
  inputOf(values: D): Record<string, unknown>;
  /** A record read from the API (409's `current`) as the form's values, with its metadata. */
  readCurrent(record: unknown): CurrentVersion<D> | null;
  onSaved(id: string, created: boolean): void;
}

export type SaveProblem = 'session' | 'key-reused' | null;

export function useRecordSave<D>(opts: RecordSaveOptions<D>) {
  const { form, apiBase, key, recordId, inputOf, readCurrent, onSaved } = opts;
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<CurrentVersion<D> | null>(null);
  const [problem, setProblem] = useState<SaveProblem>(null);
  const [preserved, setPreserved] = useState(opts.preserved);
  // A ref, not state: a second Ctrl+Enter in the same tick must see the first one.
  const inFlight = useRef(false);

  const save = useCallback(async () => {
    if (inFlight.current) return;
    setProblem(null);
    if (!form.check()) return;
    inFlight.current = true;
    setSaving(true);
    const body = inputOf(form.values);
    const res = recordId
      ? // The whole record, not only the changed fields: fields a PATCH omits must not change.
        await apiRequest(
          {
            method: 'PATCH',
            url: `${apiBase}/${recordId}`,
            body: { ...preserved, ...body, version: form.base?.version },
          },
          recordIn(key),
        )
      : await apiRequest(
          { method: 'POST', url: apiBase, body, idempotencyKey: form.idempotencyKey ?? undefined },
          recordIn(key),
        );
    if (res.ok) {
      form.saved();
      onSaved(res.data.id, !recordId);
      return; // stays "saving" until the next page shows
    }
    inFlight.current = false;
    setSaving(false);
    if (res.status === 409 && recordId && res.current !== undefined) {
      const current = readCurrent(res.current);
      // The record already holds exactly this (our own earlier save whose answer was lost): done.
      if (current && !current.retracted && sameValue(current.values, form.values)) {
        form.saved();
        onSaved(recordId, false);
        return;
      }
      if (current) {
        setConflict(current);
        return;
      }
    }
    if (res.status === 409 && 'Idempotency-Key' in res.fields) {
      setProblem('key-reused');
      form.showFailure(
        {},
        `An earlier attempt to save this form reached the server, and the form has changed since. Check the ${key} list before recording it again.`,
      );
      return;
    }
    if (res.status === 401) {
      setProblem('session');
      form.showFailure(
        {},
        'Your session has ended, so nothing was saved. Sign in again in another tab; what you typed stays here. Then save again.',
      );
      return;
    }
    form.showFailure(
      res.fields,
      res.status === 0
        ? res.message
        : `${res.message}${res.status >= 500 ? ' Nothing was saved; what you typed is kept.' : ''}`,
    );
  }, [form, apiBase, key, recordId, inputOf, readCurrent, onSaved, preserved]);

  return {
    saving,
    save,
    problem,
    conflict,
    /** The operator's changes on top of the current version; the next save targets it. */
    resolveConflict: (values: D) => {
      if (!conflict) return;
      form.reset({ values, base: { values: conflict.values, version: conflict.version } });
      setPreserved(conflict.preserved);
      setConflict(null);
    },
    closeConflict: () => setConflict(null),
    /** After "key reused": record as a new submission on purpose. */
    newSubmission: () => {
      form.renewKey();
      setProblem(null);
    },
  };
}
