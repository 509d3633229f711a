'use client';
/** System / light / dark. Stored per browser; applied before paint by the script in layout.tsx. */
import { useSyncExternalStore } from 'react';

export const THEME_KEY = 'border-watch.theme';
type Theme = 'system' | 'light' | 'dark';
const CHANGED = 'border-watch:theme';

const read = (): Theme => {
  const t = localStorage.getItem(THEME_KEY);
  return t === 'light' || t === 'dark' ? t : 'system';
};
const subscribe = (cb: () => void) => {
  window.addEventListener(CHANGED, cb);
  return () => window.removeEventListener(CHANGED, cb);
};

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const ICON: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, read, () => 'system' as Theme);
  const choose = () => {
    const next = NEXT[theme];
    if (next === 'system') {
      localStorage.removeItem(THEME_KEY);
      delete document.documentElement.dataset.theme;
    } else {
      localStorage.setItem(THEME_KEY, next);
      document.documentElement.dataset.theme = next;
    }
    window.dispatchEvent(new Event(CHANGED));
  };
  return (
    <button
      type="button"
      onClick={choose}
      className="inline-flex h-8 w-8 items-center justify-center rounded-md border border-line text-base text-muted hover:bg-surface-2 hover:text-fg"
      aria-label={`Colour theme: ${theme}. Switch to ${NEXT[theme]}`}
      title={`Theme: ${theme}`}
    >
      <span aria-hidden>{ICON[theme]}</span>
    </button>
  );
}
