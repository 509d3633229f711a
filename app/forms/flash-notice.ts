/**
 * A one-time notice carried across a navigation ("Incident recorded" shown on the page the form
 * goes to). Kept in sessionStorage rather than the URL: list pages parse their query strictly as
 * filters, and a reload or a shared link must not repeat it. Framework-free.
 */
const KEY = 'border-watch:notice';
export const NOTICE_EVENT = 'border-watch:notice';

export function flashNotice(text: string): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ text, at: Date.now() }));
  } catch {
    // No storage: the page still shows the saved record, only the notice is lost.
  }
  window.dispatchEvent(new Event(NOTICE_EVENT));
}

/** The pending notice (at most a minute old), removed as it is read. */
export function takeFlashNotice(now = Date.now()): string | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return null;
    window.sessionStorage.removeItem(KEY);
    const { text, at } = JSON.parse(raw) as { text?: unknown; at?: unknown };
    return typeof text === 'string' && typeof at === 'number' && now - at < 60_000 ? text : null;
  } catch {
    return null;
  }
}
