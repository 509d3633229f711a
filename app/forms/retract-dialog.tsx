'use client';
/**
 * Retracting a record (DELETE with a reason): records are never deleted; a retraction keeps the
 * record in the history with who, when and why. The reason is required (the shared RetractInput
 * schema: 3 characters at least) and the result is handed back for the page to show.
 */
import { useRef, useState } from 'react';
import { RetractInput } from '@/core/common-schemas';
import { apiRequest, recordIn } from './api-request';
import {
  controlClass,
  dangerButton,
  dangerSolidButton,
  errorClass,
  hintClass,
  labelClass,
  secondaryButton,
} from './control-styles';

export interface Retracted {
  id: string;
  version: number;
  retractedAt: string | null;
  retractedBy: string | null;
  retractionReason: string | null;
}

export function RetractDialog(props: {
  noun: string;
  url: string;
  recordKey: string;
  version: number;
  onRetracted(r: Retracted): void;
  buttonLabel?: string;
}) {
  const { noun, url, recordKey, version, onRetracted, buttonLabel } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [targetVersion, setTargetVersion] = useState(version);

  const open = () => {
    setError(null);
    setMessage(null);
    setTargetVersion(version);
    dialogRef.current?.showModal();
  };

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const parsed = RetractInput.safeParse({ reason, version: targetVersion });
    if (!parsed.success) {
      setError(
        parsed.error.issues.find((i) => i.path[0] === 'reason')?.message ??
          parsed.error.issues[0]?.message ??
          'check the reason',
      );
      document.getElementById('retract-reason')?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    const res = await apiRequest({ method: 'DELETE', url, body: parsed.data }, recordIn(recordKey));
    setBusy(false);
    if (res.ok) {
      const r = res.data.record;
      const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : null);
      dialogRef.current?.close();
      onRetracted({
        id: res.data.id,
        version: res.data.version,
        retractedAt: str('retractedAt'),
        retractedBy: str('retractedBy'),
        retractionReason: str('retractionReason'),
      });
      return;
    }
    if (res.fields.reason) setError(res.fields.reason);
    const current = res.current as { version?: unknown; retractedAt?: unknown } | undefined;
    if (res.status === 409 && current && typeof current.version === 'number' && !current.retractedAt) {
      // Changed meanwhile: say so, and let the operator retract the version that is there now.
      setTargetVersion(current.version);
      setMessage(`${res.message}. Retract version ${current.version} anyway? Press “Retract” again.`);
    } else setMessage(res.message);
  };

  return (
    <>
      <button type="button" className={dangerButton} onClick={open}>
        {buttonLabel ?? `Retract this ${noun}…`}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby="retract-title"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-0 text-fg shadow-card backdrop:bg-black/50"
      >
        <form onSubmit={submit} className="space-y-4 p-5" noValidate>
          <h2 id="retract-title" className="text-lg font-semibold">
            Retract this {noun}
          </h2>
          <p className="text-sm text-muted">
            It leaves the dashboard and every count, and stays in the history with your name and reason. Retraction
            cannot be undone; record a corrected {noun} if needed.
          </p>
          <div>
            <label htmlFor="retract-reason" className={labelClass}>
              Reason{' '}
              <span className="text-danger" aria-hidden="true">
                *
              </span>
            </label>
            <textarea
              id="retract-reason"
              rows={3}
              autoFocus
              required
              aria-required
              aria-invalid={Boolean(error)}
              aria-describedby={`retract-reason-hint${error ? ' retract-reason-error' : ''}`}
              className={`${controlClass} mt-1`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
            <p id="retract-reason-hint" className={hintClass}>
              e.g. “duplicate of the Bannu attack recorded on 14 March”, “later reports show no attack took place”.
            </p>
            {error ? (
              <p id="retract-reason-error" className={errorClass}>
                {error}
              </p>
            ) : null}
          </div>
          <div role="alert" aria-live="assertive">
            {message ? (
              <p className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm">{message}</p>
            ) : null}
          </div>
          <div className="flex flex-wrap justify-end gap-3">
            <button type="button" className={secondaryButton} onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
            <button type="submit" className={dangerSolidButton} disabled={busy}>
              {busy ? 'Retracting…' : `Retract ${noun}`}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
