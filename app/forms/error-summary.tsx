'use client';
/**
 * The list of problems at the top of a form, announced when it appears (aria-live) and linking
 * to each field. Focus goes to the first invalid field itself (use-draft-form); the summary is the
 * overview, and the place focus lands when a problem has no field to go to.
 */
import { fieldId } from './error-paths';

export interface SummaryItem {
  path: string;
  label: string;
  message: string;
}

export function ErrorSummary({ items, general, id }: { items: SummaryItem[]; general: string[]; id: string }) {
  const count = items.length + general.length;
  return (
    <div id={id} tabIndex={-1} aria-live="assertive" aria-atomic="true" className="outline-none">
      {count > 0 ? (
        <div
          role="group"
          aria-labelledby="error-summary-title"
          className="rounded-lg border-2 border-danger bg-danger-soft p-4 text-fg"
        >
          <h2 id="error-summary-title" className="text-base font-semibold text-danger">
            {items.length > 0 ? `Not saved: ${count === 1 ? '1 problem' : `${count} problems`} to fix` : 'Not saved'}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {general.map((g, i) => (
              <li key={`g${i}`}>{g}</li>
            ))}
            {items.map((e) => (
              <li key={e.path}>
                <a
                  href={`#${fieldId(e.path)}`}
                  className="font-medium text-danger underline underline-offset-2"
                  onClick={(ev) => {
                    // Focus the field, not just scroll to it, so typing can start at once.
                    const el = document.getElementById(fieldId(e.path));
                    if (!el) return;
                    ev.preventDefault();
                    el.focus();
                    el.scrollIntoView({ block: 'center' });
                  }}
                >
                  {e.label}
                </a>{' '}
                — {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
