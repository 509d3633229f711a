/**
 * What an anonymous reader of a public dashboard (PUBLIC_DASHBOARD=1) may see of any record, page
 * of records, change or export row: everything but staff identities. One function for every read
 * path (API answers, exports, live payloads, pages), so a new path cannot forget a field. It walks
 * the value because records nest (a change's data, a page's items, a stats panel's latest list);
 * the values are our own read shapes, never client input, and their depth is small and fixed.
 * The audit trail (history) is not projected but withheld: it is who did what, nothing else.
 */
export const STAFF_FIELDS = ['createdBy', 'updatedBy', 'retractedBy'] as const;
const STAFF = new Set<string>(STAFF_FIELDS);

export function toPublicView<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => toPublicView(v)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = STAFF.has(k) ? null : toPublicView(v);
  return out as T;
}

/** A member named like a staff field, as JSON.stringify writes one (a key, then its colon). */
const STAFF_KEY = new RegExp(`"(?:${STAFF_FIELDS.join('|')})"\\s*:`);

/**
 * Whether serialised JSON may hold a staff field, so `toPublicView` could change it. False means
 * the projection is the identity and the text can be served as it is: a key in JSON is a quoted
 * name followed by a colon, and inside a string value a quote is always escaped, so a staff key
 * cannot hide from this test (a key merely ending in one is a false alarm, which only costs the
 * full projection).
 */
export function mayHoldStaffFields(json: string): boolean {
  return STAFF_KEY.test(json);
}
