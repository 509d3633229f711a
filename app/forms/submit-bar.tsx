'use client';
/**
 * The form's save button, kept in view at the bottom. It is disabled while saving (a double click
 * cannot start a second request; the Idempotency-Key covers retries after a lost answer).
 */
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { primaryButton } from './control-styles';

const noSubscription = () => () => {};

export function SubmitBar({
  label,
  saving,
  savingLabel = 'Saving…',
  status,
  children,
}: {
  label: string;
  saving: boolean;
  savingLabel?: string;
  status?: ReactNode;
  children?: ReactNode;
}) {
  // Until React has attached the submit handler, a click would submit the form natively (a GET of
  // the page that loses what was typed): the button waits for hydration.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <div className="sticky bottom-0 z-10 -mx-4 mt-6 border-t border-line bg-bg/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className={primaryButton}
          disabled={saving || !hydrated}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          {saving ? savingLabel : label}
        </button>
        <span className="hidden text-xs text-muted sm:inline">
          or <kbd className="rounded border border-line-strong px-1 font-mono">Ctrl</kbd>+
          <kbd className="rounded border border-line-strong px-1 font-mono">Enter</kbd>
        </span>
        {children}
        <span className="ml-auto text-xs text-muted" role="status">
          {status}
        </span>
      </div>
    </div>
  );
}

/**
 * Ctrl/Cmd+Enter anywhere on the page submits the form `formId` (focus may be on a notice or a
 * button outside it, e.g. after reapplying changes), except inside an open dialog, which has its own.
 */
export function useModEnterSubmits(formId: string) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      const form = document.getElementById(formId);
      if (!(form instanceof HTMLFormElement)) return;
      e.preventDefault();
      form.requestSubmit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [formId]);
}
