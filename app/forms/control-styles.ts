/**
 * Class lists of form controls, bound to the dashboard's design tokens (app/globals.css) so both
 * themes follow. Invalid controls are styled from aria-invalid, the same attribute screen readers read.
 */
export const controlClass =
  // Scroll margins keep a focused field clear of the sticky header and the sticky save bar.
  'block w-full min-w-0 scroll-mt-24 scroll-mb-24 rounded-md border border-line-strong bg-surface px-3 py-2 text-[15px] text-fg shadow-sm placeholder:text-faint ' +
  'focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30 ' +
  'aria-[invalid=true]:border-danger aria-[invalid=true]:ring-danger/25 disabled:cursor-not-allowed disabled:opacity-60';

export const labelClass = 'block text-sm font-medium text-fg';
export const hintClass = 'mt-1 text-xs text-muted';
export const errorClass = 'mt-1 flex items-start gap-1 text-sm font-medium text-danger';

const button =
  'inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60';
export const primaryButton = `${button} bg-accent text-surface hover:opacity-90`;
export const secondaryButton = `${button} border border-line-strong bg-surface text-fg hover:bg-surface-2`;
export const dangerButton = `${button} border border-danger bg-surface text-danger hover:bg-danger-soft`;
/** The confirming button of a destructive action. */
export const dangerSolidButton = `${button} border border-danger bg-danger text-surface hover:opacity-90`;
export const linkButton = 'rounded text-sm font-medium text-accent underline underline-offset-2 hover:no-underline';

export const cardClass = 'rounded-lg border border-line bg-surface p-4 shadow-card sm:p-5';
export const legendClass = 'px-1 text-base font-semibold text-fg';
