'use client';
/**
 * The split of one merged record out of an incident: choose the record (when several were merged
 * in), confirm, and POST /api/incidents/{id}/split with `{ merged }` under an Idempotency-Key (a
 * retry after a lost answer gets the first answer, not "not merged"). The page then reloads its
 * data: the incident gives back only what that merge brought (docs/adr/0024-duplicates.md).
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { apiRequest } from '../forms/api-request';
import { newIdempotencyKey } from '../forms/draft-store';
import { useInBrowser } from '../components/use-in-browser';

export interface MergedChoice {
  id: string;
  label: string;
  mergedAt: string;
}

const readSplit = (body: unknown) => {
  const restored = (body as { restored?: { id?: unknown } } | null)?.restored;
  if (typeof restored?.id !== 'string') throw new Error('no restored record in the answer');
  return { restored: restored.id };
};

export function SplitMergedForm({ incidentId, merged }: { incidentId: string; merged: MergedChoice[] }) {
  const router = useRouter();
  // Until the page runs, a click would do nothing: the button waits for it.
  const ready = useInBrowser();
  const [choice, setChoice] = useState(merged[0]?.id ?? '');
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; id?: string } | null>(null);
  // One key per chosen record: a retry of the same split replays, another record is another request.
  const key = useRef<{ merged: string; key: string } | null>(null);
  const chosen = merged.find((m) => m.id === choice) ?? merged[0];

  const split = async () => {
    if (!chosen || busy) return;
    if (key.current?.merged !== chosen.id) key.current = { merged: chosen.id, key: newIdempotencyKey() };
    setBusy(true);
    const res = await apiRequest(
      {
        method: 'POST',
        url: `/api/incidents/${incidentId}/split`,
        body: { merged: chosen.id },
        idempotencyKey: key.current.key,
      },
      readSplit,
    );
    setBusy(false);
    setArmed(false);
    if (res.ok) {
      key.current = null;
      setNotice({ text: `Split: ${chosen.label} is its own record again.`, id: res.data.restored });
      router.refresh();
    } else setNotice({ text: res.message });
  };

  return (
    <div className="space-y-2 text-sm">
      {merged.length > 1 && (
        <label className="block">
          <span className="text-muted">Record to split out</span>
          <select
            value={chosen?.id}
            onChange={(e) => {
              setChoice(e.target.value);
              setArmed(false);
            }}
            className="mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1.5 text-fg"
            data-testid="split-choice"
          >
            {merged.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label} (merged {m.mergedAt})
              </option>
            ))}
          </select>
        </label>
      )}
      {armed ? (
        <div className="flex flex-wrap items-center gap-2" data-testid="split-armed">
          <span className="text-fg">Bring back {chosen?.label} as its own record?</span>
          <button
            type="button"
            disabled={busy}
            onClick={() => void split()}
            className="rounded-md bg-accent px-3 py-1.5 font-semibold text-white"
          >
            Split
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => setArmed(false)}
            className="rounded-md border border-line px-3 py-1.5 text-fg"
          >
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          disabled={busy || !chosen || !ready}
          onClick={() => setArmed(true)}
          className="rounded-md border border-line-strong bg-surface px-3 py-1.5 font-semibold text-fg hover:bg-surface-2"
        >
          Split out…
        </button>
      )}
      {notice && (
        <p role="status" className="text-muted">
          {notice.text}{' '}
          {notice.id && (
            <Link href={`/incidents/${notice.id}`} className="text-accent hover:underline">
              Open it
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
