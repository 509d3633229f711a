/**
 * Drafts kept in the browser so a form never loses what was typed: on a failed save, a crash, a
 * reload or a closed tab. One draft per form key ("incident:new", "incident:<id>"). The draft also
 * keeps the Idempotency-Key of its submission, so a retry after a lost answer records nothing twice,
 * and, for edits, the version the operator started from (to show what changed meanwhile).
 */

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Draft<T> {
  values: T;
  idempotencyKey: string;
  /** Edits: the record's values and version when the operator started editing. */
  base: { values: T; version: number } | null;
  savedAt: string;
}

const PREFIX = 'border-watch:draft:';
const FORMAT = 1;

export const draftStorageKey = (formKey: string) => `${PREFIX}${formKey}`;

/** The stored draft, reshaped by `conform` (a draft from an older form keeps what still fits). */
export function loadDraft<T>(
  store: KeyValueStore | null,
  formKey: string,
  conform: (v: unknown) => T,
): Draft<T> | null {
  if (!store) return null;
  let raw: string | null;
  try {
    raw = store.getItem(draftStorageKey(formKey));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as {
      format?: unknown;
      values?: unknown;
      idempotencyKey?: unknown;
      base?: unknown;
      savedAt?: unknown;
    };
    if (parsed.format !== FORMAT || typeof parsed.idempotencyKey !== 'string' || typeof parsed.savedAt !== 'string')
      return null;
    const base = parsed.base as { values?: unknown; version?: unknown } | null | undefined;
    return {
      values: conform(parsed.values),
      idempotencyKey: parsed.idempotencyKey,
      base: base && typeof base.version === 'number' ? { values: conform(base.values), version: base.version } : null,
      savedAt: parsed.savedAt,
    };
  } catch {
    return null;
  }
}

/** Returns false when the browser refused (quota, private mode): the caller may say so. */
export function saveDraft<T>(store: KeyValueStore | null, formKey: string, draft: Draft<T>): boolean {
  if (!store) return false;
  try {
    store.setItem(draftStorageKey(formKey), JSON.stringify({ format: FORMAT, ...draft }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(store: KeyValueStore | null, formKey: string): void {
  try {
    store?.removeItem(draftStorageKey(formKey));
  } catch {
    // Storage unavailable: there is nothing to clear.
  }
}

/** localStorage when the browser allows it (disabled storage throws on access). */
export function browserStore(): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

type CryptoLike = { randomUUID?: () => string; getRandomValues<A extends Uint8Array>(a: A): A };

/**
 * A fresh Idempotency-Key. randomUUID exists only in secure contexts (https, localhost); an
 * operator on a LAN address over http still needs a key, so fall back to getRandomValues.
 */
export function newIdempotencyKey(c: CryptoLike = globalThis.crypto): string {
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
