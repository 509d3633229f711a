/** Cell-level cleaning shared by the ACLED row mapping: missing markers, stray bytes, numbers. */

/** R writes `NA` for a missing value; spreadsheets leave the cell empty. */
export function present(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.replace(/\u00A0/g, ' ').trim();
  return v === '' || v === 'NA' ? undefined : v;
}

// C0 controls except tab and newline, DEL, and C1 controls (what windows-1252's holes decode to).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** One-line text (names, places): controls and line breaks become spaces, runs of spaces collapse. */
export function cleanLine(value: string | undefined): string | undefined {
  const v = present(value);
  if (v === undefined) return undefined;
  const out = v
    .replace(/\r\n?|\n|\t/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return out === '' ? undefined : out;
}

/**
 * Mojibake that the real files carry, repaired only where the reading is certain:
 * - Mac Roman saved as Latin-1: `Ê` (0xCA, a no-break space) and `Õ` (0xD5, a right quote)
 *   between letters, as in `TheÊPunjab` and `PakistanÕs`; never a legitimate spelling in English.
 * - UTF-8 read as windows-1252: `â€™`, `â€œ`, `â€\u009d`, `â€“`, `â€”`.
 */
const MOJIBAKE: ReadonlyArray<[RegExp, string]> = [
  [/(?<=[A-Za-z0-9.,;:)'"])Ê(?=[A-Za-z0-9('"])/g, ' '],
  [/(?<=[A-Za-z])Õ(?=[A-Za-z])/g, '\u2019'],
  [/â€™/g, '\u2019'],
  [/â€˜/g, '\u2018'],
  [/â€œ/g, '\u201C'],
  [/â€\u009d/g, '\u201D'],
  [/â€“/g, '\u2013'],
  [/â€”/g, '\u2014'],
];

/** Free text (notes): keeps line breaks (normalised to \n), drops control bytes, repairs mojibake. */
export function cleanNotes(value: string | undefined): string | undefined {
  const v = present(value);
  if (v === undefined) return undefined;
  let out = v.replace(/\r\n?/g, '\n');
  for (const [pattern, replacement] of MOJIBAKE) out = out.replace(pattern, replacement);
  out = out.replace(CONTROL, '').trim();
  return out === '' ? undefined : out;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A whole, non-negative count such as fatalities; `12.0` (an Excel re-save) is accepted. */
export function parseCount(value: string | undefined): Parsed<number | undefined> {
  const v = present(value);
  if (v === undefined) return { ok: true, value: undefined };
  const digits = v.replace(/,/g, '');
  if (!/^\d+(?:\.0*)?$/.test(digits)) return { ok: false, reason: `"${v}" is not a whole number of 0 or more` };
  return { ok: true, value: Number(digits) };
}

/** A decimal such as a coordinate; a decimal comma (European re-save) is accepted. */
export function parseDecimal(value: string | undefined): Parsed<number | undefined> {
  const v = present(value);
  if (v === undefined) return { ok: true, value: undefined };
  const n = Number(/^-?\d+,\d+$/.test(v) ? v.replace(',', '.') : v);
  if (!Number.isFinite(n)) return { ok: false, reason: `"${v}" is not a number` };
  return { ok: true, value: n };
}
