/**
 * Where a record came from (docs/adr/0022): the source named by its external id's prefix
 * (`acled:`, `ucdp:`, `gtd:`), else recorded here ("local"); the source's own id; when an import
 * last matched it; and a link to the source's public page for that event where one exists.
 */
import { FORMAT_LABELS, IMPORT_FORMATS, type ImportFormat } from './import/source-adapter';

export const RECORD_SOURCES = [...IMPORT_FORMATS, 'local'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

export const SOURCE_LABELS: Readonly<Record<RecordSource, string>> = { ...FORMAT_LABELS, local: 'Recorded here' };

/** The source of an external id; our own ACLED export's `acled:BW-<uuid>` rows are local records. */
export function sourceOf(externalId: string | null): RecordSource {
  if (externalId === null) return 'local';
  const prefix = externalId.slice(0, externalId.indexOf(':'));
  if (prefix === 'acled' && externalId.startsWith('acled:BW-')) return 'local';
  return (IMPORT_FORMATS as readonly string[]).includes(prefix) ? (prefix as ImportFormat) : 'local';
}

export interface Provenance {
  source: RecordSource;
  label: string;
  /** The source's own event id (ACLED event_id_cnty, UCDP id, GTD eventid), or null. */
  sourceId: string | null;
  syncedAt: string | null;
  /** The source's page for this event: GTD's incident summary; ACLED and UCDP publish none per event. */
  url: string | null;
}

export function provenanceOf(r: { externalId: string | null; syncedAt?: string | null }): Provenance {
  const source = sourceOf(r.externalId);
  const sourceId = source === 'local' || r.externalId === null ? null : r.externalId.slice(source.length + 1);
  const url =
    source === 'gtd' && sourceId !== null && /^\d{12}$/.test(sourceId)
      ? `https://www.start.umd.edu/gtd/search/IncidentSummary.aspx?gtdid=${sourceId}`
      : null;
  return { source, label: SOURCE_LABELS[source], sourceId, syncedAt: r.syncedAt ?? null, url };
}
