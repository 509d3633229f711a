/** ACLED through the adapter interface: its header by name (acled-columns.ts), its rows by acled-row.ts. */
import { acledRowFromFields, matchAcledHeader } from './acled-columns';
import { createAcledRowMapper } from './acled-row';
import type { SourceAdapter } from './source-adapter';

export const acledAdapter: SourceAdapter = {
  format: 'acled',
  label: 'ACLED',
  openHeader(header, options) {
    const match = matchAcledHeader(header);
    if (!match.ok) return { ok: false, message: match.message };
    const mapRow = createAcledRowMapper(options);
    return { ok: true, mapRecord: (fields) => mapRow(acledRowFromFields(match.index, fields)) };
  },
};
