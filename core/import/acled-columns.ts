/**
 * ACLED column names, matched by name (never by position) so that every layout ACLED has shipped
 * imports: the old upper-case regional files (GWNO, ALLY_ACTOR_1, no SUB_EVENT_TYPE), API files
 * (data_id, event_id_no_cnty, iso3) and the current 31-column export.
 */

/** The current ACLED export's 31 columns, in ACLED's order (what our export writes first). */
export const ACLED_CURRENT_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export const ACLED_COLUMNS = [
  ...ACLED_CURRENT_COLUMNS,
  // Older or API-only layouts.
  'data_id',
  'event_id_no_cnty',
  'iso3',
  'gwno',
  // Border Watch's own exports: the local time (reporting zone) of records known to the minute,
  // which ACLED's day-level dates cannot hold; a round trip keeps them exact.
  'time_of_day',
  // …and the casualty split it keeps: ACLED's fatalities column cannot say whose deaths they were.
  ...(['killed', 'injured'] as const).flatMap((side) =>
    (['civilians', 'security_forces', 'militants', 'not_specified'] as const).flatMap(
      (c) => [`${side}_${c}_low`, `${side}_${c}_high`] as const,
    ),
  ),
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];

/** Without these a row cannot be placed, dated, typed or counted, so the file is refused. */
export const REQUIRED_ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'country',
  'admin1',
  'fatalities',
] as const satisfies readonly AcledColumn[];

/** Names older layouts used for the same column. */
const ALIASES: Readonly<Record<string, AcledColumn>> = {
  ally_actor_1: 'assoc_actor_1',
  ally_actor_2: 'assoc_actor_2',
};

/** One ACLED record keyed by canonical column; absent columns are absent keys. */
export type AcledRow = Partial<Record<AcledColumn, string>>;

/** Canonical column → position in the file's records. */
export type AcledColumnIndex = Partial<Record<AcledColumn, number>>;

export type AcledHeaderMatch =
  { ok: true; index: AcledColumnIndex; unknown: string[] } | { ok: false; missing: AcledColumn[]; message: string };

const CANONICAL = new Set<string>(ACLED_COLUMNS);

/** `EVENT_ID_CNTY`, ` Event Id Cnty ` and `event-id-cnty` all name the same column. */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function matchAcledHeader(header: readonly string[]): AcledHeaderMatch {
  const index: AcledColumnIndex = {};
  const unknown: string[] = [];
  header.forEach((raw, position) => {
    const name = normaliseColumnName(raw);
    const column = CANONICAL.has(name) ? (name as AcledColumn) : ALIASES[name];
    if (!column) {
      if (name !== '') unknown.push(raw.trim());
      return;
    }
    // A repeated column keeps its first position: later copies are usually spreadsheet leftovers.
    if (index[column] === undefined) index[column] = position;
  });
  const missing = REQUIRED_ACLED_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    const found = header.map((h) => h.trim()).filter((h) => h !== '');
    const shown = found.slice(0, 12).join(', ') + (found.length > 12 ? ', …' : '');
    // A spreadsheet set to a European locale saves with semicolons: say so rather than list one
    // giant "column".
    const delimiterHint =
      found.length === 1 && /[;\t]/.test(found[0]!)
        ? '; the file seems to separate columns with semicolons or tabs, ACLED files use commas'
        : '';
    return {
      ok: false,
      missing,
      message:
        `not an ACLED file: the header lacks the required column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}` +
        ` (found: ${shown || 'no column names'})${delimiterHint}`,
    };
  }
  return { ok: true, index, unknown };
}

/** Picks a record's fields by the header's positions; a short record simply lacks the tail columns. */
export function acledRowFromFields(index: AcledColumnIndex, fields: readonly string[]): AcledRow {
  const row: AcledRow = {};
  for (const column of ACLED_COLUMNS) {
    const position = index[column];
    if (position !== undefined && position < fields.length) row[column] = fields[position];
  }
  return row;
}
