'use client';
/**
 * An edit page's form with its retraction: once retracted, the form gives way to the result
 * (who, when, why) and links onwards, since a retracted record can no longer be edited.
 */
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { cardClass } from '../forms/control-styles';
import { RetractDialog, type Retracted } from '../forms/retract-dialog';
import { browserStore, clearDraft } from '../forms/draft-store';
import { formatWhenYear } from '../components/time-format';

export function RecordEditShell(props: {
  noun: string;
  apiBase: string;
  recordKey: string;
  id: string;
  version: number;
  pageHref: string;
  pageLinkLabel?: string;
  newHref: string;
  draftKey: string;
  children: ReactNode;
}) {
  const { noun, apiBase, recordKey, id, version, pageHref, pageLinkLabel, newHref, draftKey, children } = props;
  const [retracted, setRetracted] = useState<Retracted | null>(null);
  if (retracted) {
    return (
      <section className={`${cardClass} border-2 border-ok`} aria-labelledby="retracted-title">
        <h2 id="retracted-title" className="text-lg font-semibold text-fg" tabIndex={-1} ref={(el) => el?.focus()}>
          The {noun} was retracted
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted">Reason</dt>
          <dd className="text-fg">{retracted.retractionReason}</dd>
          <dt className="text-muted">By</dt>
          <dd className="text-fg">{retracted.retractedBy ?? '—'}</dd>
          <dt className="text-muted">When</dt>
          <dd className="text-fg">{retracted.retractedAt ? `${formatWhenYear(retracted.retractedAt)}` : '—'}</dd>
          <dt className="text-muted">Version</dt>
          <dd className="text-fg">{retracted.version}</dd>
        </dl>
        <p className="mt-3 text-sm text-muted">
          It no longer counts on the dashboard; its history keeps every version.
        </p>
        <div className="mt-4 flex flex-wrap gap-3 text-sm">
          <Link className="rounded-md bg-accent px-4 py-2 font-semibold text-surface hover:opacity-90" href={pageHref}>
            {pageLinkLabel ?? `Open the ${noun} and its history`}
          </Link>
          <Link
            className="rounded-md border border-line-strong px-4 py-2 font-semibold text-fg hover:bg-surface-2"
            href={newHref}
          >
            Record a new {noun}
          </Link>
        </div>
      </section>
    );
  }
  return (
    <>
      {children}
      <section className="mt-10 rounded-lg border border-dashed border-danger/60 p-4" aria-labelledby="retract-section">
        <h2 id="retract-section" className="text-sm font-semibold text-fg">
          Retract
        </h2>
        <p className="mt-1 mb-3 text-sm text-muted">
          For {/^[aeiou]/.test(noun) ? 'an' : 'a'} {noun} that did not happen or is a duplicate. Corrections are edits,
          not retractions.
        </p>
        <RetractDialog
          noun={noun}
          url={`${apiBase}/${id}`}
          recordKey={recordKey}
          version={version}
          onRetracted={(r) => {
            clearDraft(browserStore(), draftKey);
            setRetracted(r);
          }}
        />
      </section>
    </>
  );
}
