'use client';
/** Sound and notification switches for mass-casualty alerts (both opt-in). */
import { useReducer, useSyncExternalStore } from 'react';
import { chime, setSoundEnabled, soundEnabled } from '@/app/live/attention';

type Permission = NotificationPermission | 'unsupported';

const CHANGED = 'border-watch:attention';
const subscribe = (cb: () => void) => {
  window.addEventListener(CHANGED, cb);
  window.addEventListener('storage', cb);
  return () => {
    window.removeEventListener(CHANGED, cb);
    window.removeEventListener('storage', cb);
  };
};
const permissionNow = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

export function AttentionControls({ threshold }: { threshold: number }) {
  // Browser-only settings; the server renders the defaults (off, not asked).
  const sound = useSyncExternalStore(subscribe, soundEnabled, () => false);
  const permission = useSyncExternalStore<Permission>(subscribe, permissionNow, () => 'default');
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const toggleSound = () => {
    setSoundEnabled(!sound);
    window.dispatchEvent(new Event(CHANGED));
    if (!sound) chime();
  };

  const askPermission = async () => {
    if (typeof Notification === 'undefined') return;
    await Notification.requestPermission();
    window.dispatchEvent(new Event(CHANGED));
    rerender();
  };

  const button =
    'inline-flex h-8 items-center gap-1.5 rounded-md border border-line bg-surface px-2.5 text-sm text-fg hover:bg-surface-2';
  return (
    <div
      className="flex flex-wrap items-center gap-2"
      role="group"
      aria-label={`Alerts for incidents with ${threshold} or more killed`}
    >
      <button
        type="button"
        className={button}
        aria-pressed={sound}
        onClick={toggleSound}
        title={`Play a chime when an incident with ${threshold}+ killed arrives`}
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="h-4 w-4"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          {!sound && <path d="M3 3l18 18" />}
        </svg>
        Sound {sound ? 'on' : 'off'}
      </button>
      {permission === 'default' && (
        <button
          type="button"
          className={button}
          onClick={askPermission}
          title="Show a system notification while this tab is in the background"
        >
          Enable notifications
        </button>
      )}
      {permission === 'granted' && <span className="text-xs text-muted">Notifications on</span>}
      {permission === 'denied' && <span className="text-xs text-muted">Notifications blocked in this browser</span>}
    </div>
  );
}
