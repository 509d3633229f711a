'use client';
/**
 * The header's bell: unread in-app alerts, kept live by the `/alerts` Socket.IO namespace (the
 * server says "new alerts", the bell reads its inbox over HTTP), and a system notification for
 * alerts of rules with the browser channel while the tab is hidden (the permission the mass-casualty
 * notice asks for, from a click). No inline script or style: it works under the header CSP.
 */
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { io } from 'socket.io-client';

interface InboxItem {
  id: string;
  ruleId: string;
  eventKey: string;
  channel: string;
  title: string;
  readAt: string | null;
  createdAt: string;
  payload: { event?: { entity?: string; id?: string } };
}
interface Inbox {
  unread: number;
  items: InboxItem[];
}

const hrefOf = (i: InboxItem) => {
  const e = i.payload.event;
  if (!e?.id) return '/alerts';
  return `/${e.entity === 'operation' ? 'operations' : 'incidents'}/${e.id}`;
};

export function AlertBell() {
  const [inbox, setInbox] = useState<Inbox>({ unread: 0, items: [] });
  const [open, setOpen] = useState(false);
  const seen = useRef<Set<string> | null>(null);

  const load = useCallback(async () => {
    const res = await fetch('/api/alerts/inbox', { cache: 'no-store', credentials: 'same-origin' }).catch(() => null);
    if (!res?.ok) return;
    const next = (await res.json()) as Inbox;
    // Browser-channel alerts not seen before raise a system notification while the tab is hidden.
    const fresh = seen.current ? next.items.filter((i) => !seen.current!.has(i.id)) : [];
    seen.current = new Set(next.items.map((i) => i.id));
    for (const i of fresh) {
      if (!i.channel.endsWith(':browser') || i.readAt) continue;
      if (typeof document === 'undefined' || !document.hidden) continue;
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') continue;
      const n = new Notification('Border Watch alert', { body: i.title, tag: `alert-${i.ruleId}-${i.eventKey}` });
      n.onclick = () => {
        window.focus();
        window.location.assign(hrefOf(i));
      };
    }
    setInbox(next);
  }, []);

  useEffect(() => {
    const socket = io('/alerts', { transports: ['websocket'], withCredentials: true });
    socket.on('alerts.new', () => void load());
    // The first read and every reconnect (alerts may have arrived meanwhile); without the live
    // channel the inbox is still read.
    socket.on('connect', () => void load());
    socket.once('connect_error', () => void load());
    return () => {
      socket.close();
    };
  }, [load]);

  const markAll = async () => {
    await fetch('/api/alerts/inbox/read', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ all: true }),
      credentials: 'same-origin',
    }).catch(() => null);
    await load();
  };

  const items = inbox.items.filter((i) => i.channel.endsWith(':in_app'));
  const label = inbox.unread === 0 ? 'Alerts: none unread' : `Alerts: ${inbox.unread} unread`;
  return (
    <div className="relative">
      <button
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls="alert-bell-panel"
        onClick={() => setOpen((o) => !o)}
        className="relative rounded-md p-1.5 text-muted hover:bg-surface-2 hover:text-fg"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2}>
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {inbox.unread > 0 && (
          <span
            data-testid="alert-count"
            className="absolute -top-0.5 -right-0.5 min-w-[1.1rem] rounded-full bg-danger px-1 text-center text-[11px] leading-[1.1rem] font-bold text-surface"
          >
            {inbox.unread > 99 ? '99+' : inbox.unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id="alert-bell-panel"
          role="region"
          aria-label="Alerts"
          className="absolute right-0 z-50 mt-2 w-[22rem] max-w-[90vw] rounded-lg border border-line bg-surface p-2 shadow-card"
        >
          <div className="flex items-center justify-between px-2 py-1">
            <span className="text-sm font-semibold text-fg">Alerts</span>
            <span className="flex gap-3">
              {inbox.unread > 0 && (
                <button type="button" onClick={markAll} className="text-xs font-medium text-accent underline">
                  Mark all read
                </button>
              )}
              <Link href="/alerts" className="text-xs font-medium text-accent underline" onClick={() => setOpen(false)}>
                Manage
              </Link>
            </span>
          </div>
          {items.length === 0 ? (
            <p className="px-2 py-3 text-sm text-muted">No alerts yet. Create a rule on a view in Alerts.</p>
          ) : (
            <ul className="max-h-96 overflow-y-auto">
              {items.map((i) => (
                <li key={i.id}>
                  <Link
                    href={hrefOf(i)}
                    onClick={() => setOpen(false)}
                    className={`block rounded px-2 py-1.5 text-sm hover:bg-surface-2 ${i.readAt ? 'text-muted' : 'font-medium text-fg'}`}
                  >
                    {i.title}
                    <span className="block text-xs text-faint">{new Date(i.createdAt).toLocaleString()}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {typeof Notification !== 'undefined' && Notification.permission === 'default' && (
            <button
              type="button"
              className="mt-1 w-full rounded px-2 py-1 text-left text-xs text-accent underline"
              onClick={() => void Notification.requestPermission()}
            >
              Allow system notifications for browser-channel alerts
            </button>
          )}
        </div>
      )}
    </div>
  );
}
