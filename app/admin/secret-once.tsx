'use client';
/**
 * A secret shown once (a new API token, a generated password): selectable text, a copy button
 * that says whether the copy worked, and the warning that it cannot be shown again.
 */
import { useState } from 'react';
import { controlClass, primaryButton, secondaryButton } from '../forms/control-styles';

export function SecretOnce({
  title,
  secret,
  note,
  onDone,
}: {
  title: string;
  secret: string;
  note: string;
  onDone(): void;
}) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // Clipboard refused (http, permissions): select the text so Ctrl+C works.
      const el = document.getElementById('secret-once-value');
      if (el instanceof HTMLInputElement) el.select();
      setCopied('no');
    }
  };
  return (
    <section aria-labelledby="secret-once-title" className="rounded-lg border-2 border-ok bg-ok-soft p-4">
      <h2 id="secret-once-title" className="font-semibold text-fg" tabIndex={-1} ref={(el) => el?.focus()}>
        {title}
      </h2>
      <p className="mt-1 text-sm text-fg">{note}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <label htmlFor="secret-once-value" className="sr-only">
          {title}
        </label>
        <input
          id="secret-once-value"
          readOnly
          value={secret}
          className={`${controlClass} min-w-0 flex-1 font-mono text-sm`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className={primaryButton} onClick={copy}>
          Copy
        </button>
        <button type="button" className={secondaryButton} onClick={onDone}>
          Done
        </button>
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-fg">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'no'
            ? 'The browser refused the clipboard: the text is selected, press Ctrl+C.'
            : ''}
      </p>
    </section>
  );
}
