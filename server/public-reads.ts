/**
 * The read model an anonymous reader of a public dashboard gets (pages use it; the API projects its
 * answers in server/api/security.ts): every answer through core/access/public-view.ts, the audit
 * trail withheld. Kept apart from read-model.ts so pages import no database code through it.
 */
import { toPublicView } from '../core/access/public-view';
import type { ReadModel } from './read-model';

/** Reads that carry who did what: withheld from anonymous readers altogether. */
const AUDIT_READS = new Set(['history', 'changeRecordsAfter']);

function project<T extends object>(reads: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reads)) {
    if (AUDIT_READS.has(key)) out[key] = async () => [];
    else if (typeof value === 'function')
      out[key] = async (...args: unknown[]) =>
        toPublicView(await (value as (...a: unknown[]) => unknown).apply(reads, args));
    else if (value && typeof value === 'object') out[key] = project(value as object);
    else out[key] = value;
  }
  return out as T;
}

export function publicReadModel(reads: ReadModel): ReadModel {
  return project(reads);
}
