/**
 * ACLED API rows (JSON objects keyed by the same column names as ACLED's CSV export) as the text
 * cells the importer reads. The API is loose about types: the same field comes as a string in one
 * release and a number in another ("fatalities": "3" or 3), so every value is turned into the text
 * a CSV export would carry; null and absent are empty (the importer's "missing").
 */

/** The cell text of one API value. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? '1' : '0';
  // An array or object where ACLED documents text (never seen): kept as JSON rather than lost.
  return JSON.stringify(value);
}

/** ACLED's `timestamp` (Unix seconds of the event's last change), or null when it is not a number. */
export function rowTimestamp(row: Record<string, unknown>, field = 'timestamp'): number | null {
  const text = cellText(row[field]).trim();
  if (!/^\d{1,12}$/.test(text)) return null;
  return Number(text);
}

/** The event's id as ACLED writes it (PAK1234), or null. */
export function rowEventId(row: Record<string, unknown>): string | null {
  const id = cellText(row.event_id_cnty).trim();
  return id === '' ? null : id;
}
