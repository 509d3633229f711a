'use client';
/**
 * The duplicate review queue: one pair at a time side by side with the reasons, a list to move in,
 * and the three actions on the keyboard (j/k move, m then Enter merge, n not a duplicate, l later).
 * Live: a pair resolved anywhere leaves this queue (`duplicates.changed` over Socket.IO), and a
 * pair found anywhere appears.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { CandidatePair } from '@/core/duplicate/schema';
import type { ServerToClientEvents } from '@/server/live/events';
import { LIVE_BACKOFF } from '@/app/live/live-socket';
import { PairColumns } from './pair-columns';

type Action = 'merge' | 'dismiss' | 'later';
const DONE: Record<Action, string> = {
  merge: 'Merged',
  dismiss: 'Marked not a duplicate',
  later: 'Put aside for later',
};

export function DuplicateQueue({ initial, zone }: { initial: CandidatePair[]; zone: string }) {
  const [items, setItems] = useState(initial);
  const [index, setIndex] = useState(0);
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const selectedId = useRef<string | null>(initial[0]?.id ?? null);

  const current = items[Math.min(index, items.length - 1)] ?? null;
  useEffect(() => {
    selectedId.current = current?.id ?? null;
  }, [current]);

  const reload = useCallback(async () => {
    const res = await fetch('/api/duplicate-candidates', { headers: { accept: 'application/json' } });
    if (!res.ok) return;
    const next = ((await res.json()) as { items: CandidatePair[] }).items;
    setItems(next);
    // Stay on the pair being looked at when it is still there.
    const at = next.findIndex((c) => c.id === selectedId.current);
    setIndex((i) => (at >= 0 ? at : Math.min(i, Math.max(0, next.length - 1))));
  }, []);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents> = io({ transports: ['websocket', 'polling'], ...LIVE_BACKOFF });
    socket.on('duplicates.changed', ({ resolved }) => {
      if (resolved.length > 0) setItems((list) => list.filter((c) => !resolved.includes(c.id)));
      void reload();
    });
    return () => {
      socket.close();
    };
  }, [reload]);

  const act = useCallback(
    async (action: Action) => {
      if (!current || busy) return;
      setBusy(true);
      setArmed(false);
      try {
        const res = await fetch(`/api/duplicate-candidates/${current.id}/${action}`, {
          method: 'POST',
          headers: { accept: 'application/json' },
        });
        if (res.ok || res.status === 409) {
          setItems((list) => list.filter((c) => c.id !== current.id));
          setNotice(res.ok ? `${DONE[action]}.` : 'Someone else resolved this pair first.');
        } else {
          const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
          setNotice(body?.error?.message ?? `The server answered ${res.status}.`);
        }
      } finally {
        setBusy(false);
      }
    },
    [current, busy],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.metaKey || e.ctrlKey || e.altKey || target?.closest('input, textarea, select, [contenteditable]')) return;
      if (e.key === 'j') setIndex((i) => Math.min(i + 1, Math.max(0, items.length - 1)));
      else if (e.key === 'k') setIndex((i) => Math.max(i - 1, 0));
      else if (e.key === 'm') setArmed(true);
      else if (e.key === 'Enter' && armed) void act('merge');
      else if (e.key === 'Escape') setArmed(false);
      else if (e.key === 'n') void act('dismiss');
      else if (e.key === 'l') void act('later');
      else return;
      if (e.key !== 'Enter' || armed) e.preventDefault();
      if (e.key === 'j' || e.key === 'k') setArmed(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items.length, armed, act]);

  return (
    <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
      <nav aria-label="Candidate pairs" className="rounded-lg border border-line bg-surface p-2 shadow-card">
        <p className="px-2 py-1 text-sm text-muted" data-testid="queue-count">
          {items.length === 1 ? '1 pair to review' : `${items.length} pairs to review`}
        </p>
        <ol className="max-h-[60vh] overflow-y-auto">
          {items.map((c, i) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-current={c.id === current?.id ? 'true' : undefined}
                className={`w-full rounded px-2 py-1 text-left text-sm ${c.id === current?.id ? 'bg-accent/15 font-medium text-fg' : 'text-muted hover:bg-accent/5'}`}
              >
                {c.day} · {c.provinces.join(', ')} · {Math.round(c.score * 100)}%
                {c.status === 'later' ? ' · later' : ''}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-live="polite" className="space-y-3">
        {notice ? (
          <p role="status" className="text-sm text-muted">
            {notice}
          </p>
        ) : null}
        {current ? (
          <article data-testid="pair" data-candidate={current.id} className="space-y-3">
            <div className="rounded-lg border border-line bg-surface p-4 shadow-card">
              <h2 className="text-base font-semibold text-fg">
                Score {Math.round(current.score * 100)}% — why these may be one event
              </h2>
              <ul className="mt-1 list-disc pl-5 text-sm text-fg" data-testid="reasons">
                {current.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
            <PairColumns a={current.a} b={current.b} zone={zone} />
            <div className="flex flex-wrap items-center gap-2">
              {armed ? (
                <>
                  <span className="text-sm font-medium text-fg" data-testid="merge-armed">
                    Press Enter to merge (Esc cancels)
                  </span>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void act('merge')}
                    className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-white"
                  >
                    Merge
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => setArmed(true)}
                  className="rounded border border-line px-3 py-1.5 text-sm text-fg"
                >
                  Merge… (m)
                </button>
              )}
              <button
                type="button"
                disabled={busy}
                onClick={() => void act('dismiss')}
                className="rounded border border-line px-3 py-1.5 text-sm text-fg"
              >
                Not a duplicate (n)
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => void act('later')}
                className="rounded border border-line px-3 py-1.5 text-sm text-fg"
              >
                Later (l)
              </button>
            </div>
            <p className="text-xs text-muted">
              A merge keeps the more reliable record (confirmed, finer place and date, more sources) with every source
              of both; figures: at least = the largest reported, up to = the largest given. The other record is
              retracted as “merged into …”; a split on the incident undoes it.
            </p>
          </article>
        ) : (
          <p className="rounded-lg border border-line bg-surface p-6 text-sm text-muted" data-testid="queue-empty">
            No possible duplicates to review.
          </p>
        )}
      </section>
    </div>
  );
}
