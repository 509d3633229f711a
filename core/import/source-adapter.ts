/**
 * One import framework for every source format: a source adapter reads a file's header and maps
 * each record to an incident, an operation, a skip with a reason or an error naming the cell; the
 * driver (import-file.ts) does the rest the same way for all of them (reading, batching, the sink,
 * the report, progress). docs/adr/0022-import-framework.md.
 */
import type { IncidentFields } from '../incident/schema';
import type { OperationFields } from '../operation/schema';
import type { ImportGroup } from './acled-group-match';

/** The formats the importer reads; each external id starts with its format (`ucdp:123`). */
export const IMPORT_FORMATS = ['acled', 'ucdp', 'gtd'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Readonly<Record<ImportFormat, string>> = {
  acled: 'ACLED',
  ucdp: 'UCDP GED',
  gtd: 'GTD',
};

/** What every adapter is given: what to import and what to match and check against. */
export interface SourceImportOptions {
  /** Import state actions against militants as operations (default: skip them). */
  operations?: boolean;
  /** Known groups; actors are matched against their names and aliases. */
  groups?: readonly ImportGroup[];
  /** The clock rows are checked against (no event after now); the import's start by default. */
  now?: () => Date;
  /** The reporting zone whose today bounds a row's date (REPORT_TIMEZONE; the default zone if absent). */
  reportZone?: string;
}

/**
 * One record's outcome. Every outcome carries the row's deaths as the source counts them (ACLED
 * fatalities, UCDP best, GTD nkill; 0 where unreadable), so the report accounts for every death.
 */
export type RowOutcome =
  | { kind: 'incident'; externalId: string; input: IncidentFields; fatalities: number; unmatched: string[] }
  | { kind: 'operation'; externalId: string; input: OperationFields; fatalities: number; unmatched: string[] }
  | { kind: 'skip'; reason: string; fatalities: number }
  | { kind: 'error'; message: string; fatalities: number };

export type RecordMapper = (fields: readonly string[]) => RowOutcome;

export type HeaderResult = { ok: true; mapRecord: RecordMapper } | { ok: false; message: string };

export interface SourceAdapter {
  format: ImportFormat;
  label: string;
  /**
   * The file's header row → a mapper for its records (built once per file: column positions,
   * group index, per-file state), or why the header is not this format's.
   */
  openHeader(header: readonly string[], options: SourceImportOptions): HeaderResult;
}
