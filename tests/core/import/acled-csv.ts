/** Test-only builders of small ACLED CSV files in the current 31-column layout. */
import { ACLED_CURRENT_COLUMNS } from '../../../core/import/acled-columns';

export const COLUMNS = ACLED_CURRENT_COLUMNS;
type Column = (typeof COLUMNS)[number];

const BASE: Record<Column, string> = {
  event_id_cnty: 'PAK1',
  event_date: '28 December 2022',
  year: '2022',
  time_precision: '1',
  disorder_type: 'Political violence',
  event_type: 'Explosions/Remote violence',
  sub_event_type: 'Remote explosive/landmine/IED',
  actor1: 'Unidentified Armed Group (Pakistan)',
  assoc_actor_1: 'NA',
  inter1: '3',
  actor2: 'Civilians (Pakistan)',
  assoc_actor_2: 'NA',
  inter2: '7',
  interaction: '37',
  civilian_targeting: 'Civilian targeting',
  iso: '586',
  region: 'Southern Asia',
  country: 'Pakistan',
  admin1: 'Balochistan',
  admin2: 'Quetta',
  admin3: 'NA',
  location: 'Quetta',
  latitude: '30.1872',
  longitude: '67.0125',
  geo_precision: '1',
  source: 'Dawn',
  source_scale: 'National',
  notes: 'An IED went off in Quetta.',
  fatalities: '2',
  tags: 'NA',
  timestamp: '1675102875',
};

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function acledLine(overrides: Partial<Record<Column, string>> = {}): string {
  return COLUMNS.map((c) => quote(overrides[c] ?? BASE[c])).join(',');
}

export function acledCsv(rows: Partial<Record<Column, string>>[], eol = '\r\n'): string {
  return [COLUMNS.join(','), ...rows.map((r) => acledLine(r))].join(eol) + eol;
}
