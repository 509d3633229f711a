/**
 * Whether a `YYYY-MM-DD[ T]hh:mm:ss[.ffffff][zone]` text names a real moment: the shape alone lets
 * `9999-99-99 99:99:99` through, which the database then refuses (a 500 where a 400 belongs).
 */
const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isTimestampText(v: string, opts: { requireTime?: boolean } = {}): boolean {
  const m = STAMP.exec(v);
  if (!m) return false;
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (m[4] === undefined) return !opts.requireTime;
  const zone = m[8];
  if (zone && zone !== 'Z' && Math.abs(Number(zone.slice(1, 3))) > 15) return false;
  return Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
}

/** The calendar date a date or date-time text starts with is a real one (no 30 February). */
export function startsWithRealDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
