'use client';
/**
 * What every record form shares around its fields: the restored-draft notice, the error summary,
 * the version conflict, the save bar with Ctrl/Cmd+Enter, and the recovery actions of a failed save.
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { ConflictView } from '../forms/conflict-view';
import { secondaryButton, linkButton } from '../forms/control-styles';
import { DraftNotice } from '../forms/draft-notice';
import { ErrorSummary } from '../forms/error-summary';
import { orderedErrors, type ErrorLayout } from '../forms/error-paths';
import { SubmitBar, useModEnterSubmits } from '../forms/submit-bar';
import type { DraftForm } from '../forms/use-draft-form';
import { compareVersions, myChanges, reapplyChanges } from '../forms/version-diff';
import type { useRecordSave } from './use-record-save';

export interface FrameProps<D> {
  form: DraftForm<D>;
  saver: ReturnType<typeof useRecordSave<D>>;
  layout: ErrorLayout;
  noun: string;
  submitLabel: string;
  /** The record's version as the page loaded it (edits). */
  loadedVersion: number | null;
  valueText(path: string, json: string): string;
  children: ReactNode;
}

export function RecordFormFrame<D>(props: FrameProps<D>) {
  const { form, saver, layout, noun, submitLabel, loadedVersion, valueText, children } = props;
  const [reapplied, setReapplied] = useState<number | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useModEnterSubmits(form.formId);
  const summary = useMemo(() => orderedErrors(form.errors, layout), [form.errors, layout]);
  const conflict = saver.conflict;
  const rows = useMemo(
    () => (conflict && form.base ? compareVersions(form.base.values, form.values, conflict.values, layout.fields) : []),
    [conflict, form.base, form.values, layout.fields],
  );

  const reapply = () => {
    if (!conflict || !form.base) return;
    const count = myChanges(form.base.values, form.values).length;
    saver.resolveConflict(reapplyChanges(form.base.values, form.values, conflict.values));
    setReapplied(count);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };
  const takeCurrent = () => {
    if (!conflict) return;
    saver.resolveConflict(conflict.values);
    setReapplied(null);
  };

  const stale =
    form.restored &&
    form.restored.baseVersion !== null &&
    loadedVersion !== null &&
    form.restored.baseVersion !== loadedVersion
      ? { draft: form.restored.baseVersion, current: loadedVersion }
      : null;

  return (
    <div className="space-y-4">
      {form.restored ? (
        <DraftNotice
          savedAt={form.restored.savedAt}
          staleVersion={stale}
          onDiscard={form.discard}
          onDismiss={form.dismissRestored}
        />
      ) : null}
      {form.storageRefused ? (
        <p role="status" className="rounded-md border border-warn bg-warn-soft px-3 py-2 text-sm text-fg">
          This browser refuses to keep a draft (private mode or full storage): save before leaving the page.
        </p>
      ) : null}
      {conflict && form.base ? (
        <ConflictView
          noun={noun}
          rows={rows}
          label={layout.label}
          text={valueText}
          baseVersion={form.base.version}
          current={conflict}
          onReapply={reapply}
          onTakeCurrent={takeCurrent}
        />
      ) : null}
      {reapplied !== null && !conflict ? (
        <p
          ref={noticeRef}
          tabIndex={-1}
          role="status"
          className="rounded-md border border-ok bg-ok-soft px-3 py-2 text-sm text-fg outline-none"
        >
          {reapplied === 1 ? 'Your change was' : `Your ${reapplied} changes were`} reapplied on version{' '}
          {form.base?.version}. Check the form, then save.
        </p>
      ) : null}
      <ErrorSummary items={summary} general={form.general} id={form.summaryId} />
      {saver.problem === 'session' ? (
        <p className="text-sm">
          <a
            className={linkButton}
            href={`/sign-in?next=${encodeURIComponent('/sign-in')}`}
            target="_blank"
            rel="noopener"
          >
            Sign in again in a new tab ↗
          </a>
        </p>
      ) : null}
      {saver.problem === 'key-reused' ? (
        <button type="button" className={secondaryButton} onClick={saver.newSubmission}>
          It is a different {noun}: record it as new
        </button>
      ) : null}
      <form
        id={form.formId}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!conflict) void saver.save();
        }}
        className="space-y-5"
        aria-label={submitLabel}
      >
        <fieldset disabled={Boolean(conflict)} className="min-w-0 space-y-5">
          {children}
        </fieldset>
        <SubmitBar
          label={submitLabel}
          saving={saver.saving || Boolean(conflict)}
          savingLabel={conflict ? 'Resolve the conflict above' : 'Saving…'}
          status={form.dirty ? 'Draft kept on this device' : null}
        />
      </form>
    </div>
  );
}
