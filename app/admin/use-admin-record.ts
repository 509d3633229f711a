'use client';
/**
 * The draft, save and conflict handling of the admin record forms (groups, reference figures,
 * annotations): the same machinery as incidents, returning to the list with a notice after saving.
 */
import { useCallback, useMemo } from 'react';
import { useRouter } from 'next/navigation';
import type { ErrorLayout, FieldErrors } from '../forms/error-paths';
import { flashNotice } from '../forms/flash-notice';
import { useDraftForm } from '../forms/use-draft-form';
import { readCurrentRecord } from '../record/read-current';
import { useRecordSave } from '../record/use-record-save';

export interface AdminRecordSpec<D, R> {
  /** `group`: the API's record key, the draft key's prefix. */
  key: string;
  /** "reference figure": for notices. */
  noun: string;
  apiBase: string;
  listHref: string;
  empty(): D;
  toDraft(record: R): D;
  inputOf(d: D): Record<string, unknown>;
  validate(d: D): FieldErrors;
  layout: ErrorLayout;
  itemTemplates?: Record<string, unknown>;
}

export function useAdminRecord<D, R extends { id: string; version: number }>(
  spec: AdminRecordSpec<D, R>,
  record: R | null,
) {
  const router = useRouter();
  const initial = useMemo(() => (record ? spec.toDraft(record) : spec.empty()), [record, spec]);
  const form = useDraftForm<D>({
    formKey: record ? `${spec.key}:${record.id}` : `${spec.key}:new`,
    initial,
    base: record ? { values: initial, version: record.version } : null,
    validate: spec.validate,
    layout: spec.layout,
    itemTemplates: spec.itemTemplates,
  });
  const onSaved = useCallback(
    (_id: string, created: boolean) => {
      flashNotice(created ? `${spec.noun.charAt(0).toUpperCase()}${spec.noun.slice(1)} added.` : 'Changes saved.');
      router.push(spec.listHref);
    },
    [router, spec.listHref, spec.noun],
  );
  const saver = useRecordSave<D>({
    form,
    apiBase: spec.apiBase,
    key: spec.key,
    recordId: record?.id ?? null,
    preserved: {},
    inputOf: spec.inputOf,
    readCurrent: (r) => readCurrentRecord(r, (x) => spec.toDraft(x as unknown as R), []),
    onSaved,
  });
  return { form, saver };
}

/** Values in words for the conflict view of admin records. */
export function plainValueText(_path: string, json: string): string {
  const v: unknown = JSON.parse(json);
  if (v === '' || v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v))
    return v.length === 0
      ? '—'
      : v
          .map((x) =>
            typeof x === 'object' && x
              ? Object.values(x as Record<string, unknown>)
                  .filter(Boolean)
                  .join(' · ')
              : String(x),
          )
          .join('\n');
  return String(v);
}
