/** Timestamps between their database form and ISO 8601, for every entity's row mapping. */
import type { incidents, operations } from '../schema';

/** Postgres returns timestamptz as '2025-01-02 03:04:05+00'; the read shape uses ISO 8601. */
export const iso = (v: string): string => new Date(v).toISOString();
export const isoOrNull = (v: string | null): string | null => (v === null ? null : iso(v));

type Stamped = { createdAt: string; updatedAt: string; retractedAt: string | null };

/** A row's creation, update and retraction times as ISO 8601 (groups, reference figures, annotations). */
export function stamps<T extends Stamped>(r: T): T {
  return { ...r, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), retractedAt: isoOrNull(r.retractedAt) };
}

/** The versioned-record fields of an incident or operation row. */
export const versionedFromRow = (r: typeof incidents.$inferSelect | typeof operations.$inferSelect) => ({
  id: r.id,
  version: r.version,
  createdAt: iso(r.createdAt),
  createdBy: r.createdBy,
  updatedAt: iso(r.updatedAt),
  updatedBy: r.updatedBy,
  retractedAt: isoOrNull(r.retractedAt),
  retractedBy: r.retractedBy,
  retractionReason: r.retractionReason,
});
