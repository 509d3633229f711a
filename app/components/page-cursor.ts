/**
 * Cursors of the list pages: where the previous page ended, bound to its sort, as base64url JSON.
 * The same shape the list API uses (server/api/list-params.ts), so a page's cursor works there too.
 * Server-side only (Buffer).
 */
import { isTimestampText } from '@/core/timestamp-text';

export const RECORD_SORTS = ['-occurredAt', 'occurredAt', '-createdAt'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

export interface PageKey {
  value: string;
  id: string;
}

export const encodeCursor = (sort: RecordSort, key: PageKey): string =>
  Buffer.from(JSON.stringify({ s: sort, v: key.value, id: key.id })).toString('base64url');

/** The key, or null for a cursor that is not ours (the page then starts from the top). */
export function decodeCursor(cursor: string | undefined, sort: RecordSort): PageKey | null {
  if (!cursor) return null;
  try {
    const raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      s?: unknown;
      v?: unknown;
      id?: unknown;
    };
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (
      raw.s !== sort ||
      typeof raw.v !== 'string' ||
      !isTimestampText(raw.v, { requireTime: true }) ||
      typeof raw.id !== 'string' ||
      !uuid.test(raw.id)
    )
      return null;
    return { value: raw.v, id: raw.id };
  } catch {
    return null;
  }
}

export const sortParam = (v: string | string[] | undefined): RecordSort =>
  (RECORD_SORTS as readonly string[]).includes(String(v)) ? (v as RecordSort) : '-occurredAt';
export const single = (v: string | string[] | undefined): string | undefined =>
  Array.isArray(v) ? v[v.length - 1] : v;
