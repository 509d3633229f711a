'use client';
/**
 * "Incident recorded" after a save: the forms navigate to the record's page (or a list) with
 * `?notice=recorded|updated|retracted`; this shows it once, announced politely, and removes the
 * parameter so a reload or a shared link does not repeat it. Render it inside <Suspense>.
 */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'next/navigation';

const TEXT = { recorded: 'recorded', updated: 'saved', retracted: 'retracted' } as const;
type Notice = keyof typeof TEXT;

export function SavedNotice({ noun }: { noun: string }) {
  const params = useSearchParams();
  const notice = params.get('notice');
  const [shown, setShown] = useState<Notice | null>(null);
  useEffect(() => {
    if (notice !== 'recorded' && notice !== 'updated' && notice !== 'retracted') return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- kept after the URL loses the parameter
    setShown(notice);
    const url = new URL(window.location.href);
    url.searchParams.delete('notice');
    window.history.replaceState(window.history.state, '', url);
  }, [notice]);
  return (
    <div role="status" aria-live="polite">
      {shown ? (
        <p className="flex items-center justify-between gap-3 rounded-lg border border-ok bg-ok-soft px-4 py-2.5 text-sm font-medium text-fg">
          <span>
            <span aria-hidden="true">✓ </span>
            {noun.charAt(0).toUpperCase() + noun.slice(1)} {TEXT[shown]}.
          </span>
          <button type="button" className="text-muted hover:text-fg" onClick={() => setShown(null)} aria-label="Dismiss">
            ×
          </button>
        </p>
      ) : null}
    </div>
  );
}
