/** Where sign-in returns to. Framework-free; unit-tested. */

/** A safe `next` target: a path on this site, never another origin ("//evil", "/\\evil", "https://…"). */
export function safeNext(next: string | string[] | undefined, fallback = '/'): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (
    !value ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\') ||
    /[\u0000-\u001f]/.test(value)
  )
    return fallback;
  return value;
}
