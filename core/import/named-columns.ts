/** Columns by name, for adapters: every release's layout reads the same, whatever its order or case. */
import { normaliseColumnName } from './acled-columns';

export type ColumnIndex<C extends string> = Partial<Record<C, number>>;

export function indexColumns<C extends string>(
  header: readonly string[],
  columns: readonly C[],
  aliases: Readonly<Record<string, C>> = {},
): ColumnIndex<C> {
  const known = new Set<string>(columns);
  const index: ColumnIndex<C> = {};
  header.forEach((raw, position) => {
    const name = normaliseColumnName(raw);
    const column = known.has(name) ? (name as C) : aliases[name];
    // A repeated column keeps its first position (later copies are spreadsheet leftovers).
    if (column !== undefined && index[column] === undefined) index[column] = position;
  });
  return index;
}

/** The header's column names, shortened, for a refusal message. */
export function shownHeader(header: readonly string[]): string {
  const found = header.map((h) => h.trim()).filter((h) => h !== '');
  return found.slice(0, 12).join(', ') + (found.length > 12 ? ', …' : '') || 'no column names';
}

/** A record as an object of canonical columns (absent columns are absent keys). */
export function rowOf<C extends string>(index: ColumnIndex<C>, fields: readonly string[]): Partial<Record<C, string>> {
  const row: Partial<Record<C, string>> = {};
  for (const [column, position] of Object.entries(index) as [C, number][])
    if (position < fields.length) row[column] = fields[position];
  return row;
}

/** `Khyber Pakhtunkhwa province` → `Khyber Pakhtunkhwa`; `Bajaur agency`, `Peshawar district` likewise. */
export const withoutAdminWord = (name: string | undefined, words: RegExp): string | undefined =>
  name?.replace(words, '').trim() || undefined;
