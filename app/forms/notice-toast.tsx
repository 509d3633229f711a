'use client';
/**
 * Shows the flash notice of a save ("Incident recorded") under the header, on whatever page the
 * form went to; announced politely, dismissable, gone after a few seconds.
 */
import { useEffect, useState } from 'react';
import { NOTICE_EVENT, takeFlashNotice } from './flash-notice';

export function NoticeToast() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const take = () => {
      const t = takeFlashNotice();
      if (t) setText(t);
    };
    take();
    window.addEventListener(NOTICE_EVENT, take);
    return () => window.removeEventListener(NOTICE_EVENT, take);
  }, []);
  useEffect(() => {
    if (!text) return;
    const timer = setTimeout(() => setText(null), 8000);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none absolute top-full right-3 left-3 z-50 mt-2 flex justify-center sm:left-auto"
    >
      {text ? (
        <p className="pointer-events-auto flex items-center gap-3 rounded-lg border border-ok bg-ok-soft px-4 py-2.5 text-sm font-medium text-fg shadow-card">
          <span>
            <span aria-hidden="true">✓ </span>
            {text}
          </span>
          <button type="button" className="text-muted hover:text-fg" onClick={() => setText(null)} aria-label="Dismiss">
            ×
          </button>
        </p>
      ) : null}
    </div>
  );
}
