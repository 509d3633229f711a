/**
 * The import driver, one for every source format: stream → records → the format's adapter (picked
 * from the header, or named) → mapped rows → batches → sink → report.
 *
 * Memory stays flat whatever the file size: records are pulled one at a time and the parser waits
 * while a batch is being written (backpressure through the async iterator).
 *
 * Never throws for anything in the file: bad rows become report errors, and a file that cannot be
 * read on (no usable header, an unclosed quote swallowing megabytes, a failed stream, a failed
 * store) ends the import early with the reason in `report.stopped` (see import-report.ts).
 */
import { ADAPTERS, adapterFor } from './adapters';
import { CsvStop, readCsvRecords, type ByteInput, type CsvEvent } from './csv-records';
import { ReportTally, type ImportProgress, type ImportReport } from './import-report';
import type { ImportItem, ImportSink } from './import-sink';
import type { ImportFormat, RecordMapper, RowOutcome, SourceAdapter, SourceImportOptions } from './source-adapter';

export interface ImportFileOptions extends SourceImportOptions {
  /** Rows per sink.writeBatch call (default 500: one multi-row upsert stays well under limits). */
  batchSize?: number;
  /** Row errors kept in the report's list (default 1000); errorCount keeps counting. */
  maxErrors?: number;
  /** A record longer than this stops the import (default 1 MiB; real ACLED records are < 10 KB). */
  maxRecordBytes?: number;
}

export interface ImportFileArgs {
  /** A file or upload stream (a Node Readable is an AsyncIterable), or chunks of bytes or text. */
  input: ByteInput;
  /** The file's format; by default the one whose header it has. */
  format?: ImportFormat;
  options?: ImportFileOptions;
  sink: ImportSink;
  onProgress?: (progress: ImportProgress) => void;
}

/** Rows as objects keyed by column name (an API's JSON records), the first row's keys the header. */
export interface ImportRowsArgs {
  rows: AsyncIterable<Readonly<Record<string, unknown>>> | Iterable<Readonly<Record<string, unknown>>>;
  format: ImportFormat;
  options?: ImportFileOptions;
  sink: ImportSink;
  onProgress?: (progress: ImportProgress) => void;
}

/** The store failed: its batch is already counted as errors. */
class SinkStop extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isBlank = (fields: readonly string[]) => fields.every((f) => f.trim() === '');

const namedWidth = (header: readonly string[]) => header.findLastIndex((h) => h.trim() !== '') + 1;

interface Header {
  adapter: SourceAdapter;
  mapRecord: RecordMapper;
  width: number;
}

function mapRecord(header: Header, fields: readonly string[]): RowOutcome {
  const widthProblem = checkWidth(fields, header.width);
  // A misaligned record's fatalities cell cannot be trusted either: it counts 0 deaths.
  if (widthProblem !== undefined) return { kind: 'error', message: widthProblem, fatalities: 0 };
  try {
    return header.mapRecord(fields);
  } catch (error) {
    // A mapping bug must cost one row, not the whole import.
    return { kind: 'error', message: `internal error while mapping this row: ${reason(error)}`, fatalities: 0 };
  }
}

/**
 * A record narrower than the header was cut short; a wider one (beyond empty trailing cells a
 * spreadsheet adds) has an unquoted delimiter, so every later column is shifted. Either way its
 * values cannot be trusted by position, and importing it would invent data (0 fatalities).
 */
function checkWidth(fields: readonly string[], width: number): string | undefined {
  if (fields.length < width)
    return `the record has ${fields.length} fields where the header has ${width} (cut short, or a line break outside quotes?)`;
  if (fields.slice(width).some((f) => f.trim() !== '')) {
    return `the record has ${fields.length} fields where the header has ${width} (a comma outside quotes?)`;
  }
  return undefined;
}

/**
 * The adapter for a header: the named format's, or the one format whose header it is. A file of
 * none of them is refused with each format's reason.
 */
export function openHeader(
  header: readonly string[],
  format: ImportFormat | undefined,
  options: SourceImportOptions,
): { ok: true; adapter: SourceAdapter; mapRecord: RecordMapper } | { ok: false; message: string } {
  if (format !== undefined) {
    const adapter = adapterFor(format);
    const opened = adapter.openHeader(header, options);
    return opened.ok ? { ok: true, adapter, mapRecord: opened.mapRecord } : opened;
  }
  const reasons: string[] = [];
  for (const adapter of ADAPTERS) {
    const opened = adapter.openHeader(header, options);
    if (opened.ok) return { ok: true, adapter, mapRecord: opened.mapRecord };
    reasons.push(opened.message);
  }
  return {
    ok: false,
    message: `not a file this importer reads (${ADAPTERS.map((a) => a.label).join(', ')}): ${reasons.join('; ')}`,
  };
}

/** The header and rows of objects, as the CSV reader would give them (line = row number + 1). */
async function* objectRecords(rows: ImportRowsArgs['rows']): AsyncGenerator<CsvEvent> {
  let header: string[] | undefined;
  let line = 1;
  for await (const row of rows as AsyncIterable<Readonly<Record<string, unknown>>>) {
    if (header === undefined) {
      header = Object.keys(row);
      yield { kind: 'record', line: line++, fields: header };
    }
    const cells = header.map((k) => row[k]);
    yield {
      kind: 'record',
      line: line++,
      fields: cells.map((v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v))),
    };
  }
}

/** A CSV file of any supported format (or the named one). */
export function importFile({ input, format, options = {}, sink, onProgress }: ImportFileArgs): Promise<ImportReport> {
  let bytesRead = 0;
  const records = readCsvRecords(input, {
    maxRecordBytes: options.maxRecordBytes ?? 1024 * 1024,
    onBytes: (n) => (bytesRead += n),
  });
  return runImport({ records, bytes: () => bytesRead, format, options, sink, onProgress });
}

/** Rows already read (an API's records, e.g. a scheduled ACLED sync) through the same path. */
export function importRows({ rows, format, options = {}, sink, onProgress }: ImportRowsArgs): Promise<ImportReport> {
  return runImport({ records: objectRecords(rows), bytes: () => 0, format, options, sink, onProgress });
}

/** An ACLED CSV (the format named: a file of another format is refused as not ACLED). */
export function importAcled(args: Omit<ImportFileArgs, 'format'>): Promise<ImportReport> {
  return importFile({ ...args, format: 'acled' });
}

async function runImport({
  records,
  bytes,
  format,
  options,
  sink,
  onProgress,
}: {
  records: AsyncIterable<CsvEvent>;
  bytes: () => number;
  format: ImportFormat | undefined;
  options: ImportFileOptions;
  sink: ImportSink;
  onProgress?: (progress: ImportProgress) => void;
}): Promise<ImportReport> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 500));
  const tally = new ReportTally(options.maxErrors);
  let batch: { item: ImportItem; line: number; fatalities: number; unmatched: string[] }[] = [];
  let batchIds = new Set<string>();

  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    batchIds = new Set();
    let outcomes: unknown;
    try {
      outcomes = await sink.writeBatch(pending.map((p) => p.item));
    } catch (error) {
      for (const p of pending) tally.error(p.line, `not saved: ${reason(error)}`, p.fatalities);
      throw new SinkStop(
        pending[0]!.line,
        `saving the rows from this line failed (${reason(error)}); later rows were not read. Re-running the import is safe: rows are matched by externalId`,
      );
    }
    pending.forEach((p, i) => {
      const outcome = Array.isArray(outcomes) ? (outcomes[i] as unknown) : undefined;
      if (outcome === 'imported' || outcome === 'changed' || outcome === 'unchanged') {
        tally.written(outcome, p.fatalities);
        for (const name of p.unmatched) tally.unmatchedActor(name);
      } else if (typeof outcome === 'object' && outcome !== null && 'error' in outcome)
        tally.error(p.line, `not saved: ${String(outcome.error)}`, p.fatalities);
      else tally.error(p.line, 'not saved: the store gave no outcome for this row', p.fatalities);
    });
  };

  let header: Header | undefined;
  let rowsSinceProgress = 0;
  try {
    for await (const event of records) {
      if (event.kind === 'record' && isBlank(event.fields)) continue;
      if (header === undefined) {
        const match =
          event.kind === 'record'
            ? openHeader(event.fields, format, options)
            : { ok: false as const, message: `no usable header: ${event.message}` };
        if (!match.ok) {
          tally.stop(event.line, match.message);
          break;
        }
        tally.formatIs(match.adapter.format);
        // Trailing unnamed columns (a spreadsheet's stray commas) do not make real rows too short.
        if (event.kind === 'record')
          header = { adapter: match.adapter, mapRecord: match.mapRecord, width: namedWidth(event.fields) };
        continue;
      }
      tally.row();
      const outcome: RowOutcome =
        event.kind === 'record'
          ? mapRecord(header, event.fields)
          : { kind: 'error', message: event.message, fatalities: 0 };
      if (outcome.kind === 'skip') tally.skip(outcome.reason, outcome.fatalities);
      else if (outcome.kind === 'error') tally.error(event.line, outcome.message, outcome.fatalities);
      else {
        // Same externalId twice in one upsert statement is refused by Postgres: write the first.
        if (batchIds.has(outcome.externalId)) await flush();
        batch.push({
          item: { kind: outcome.kind, externalId: outcome.externalId, input: outcome.input } as ImportItem,
          line: event.line,
          fatalities: outcome.fatalities,
          unmatched: outcome.unmatched,
        });
        batchIds.add(outcome.externalId);
        if (batch.length >= batchSize) await flush();
      }
      if (++rowsSinceProgress >= batchSize) {
        rowsSinceProgress = 0;
        onProgress?.(tally.progress(bytes()));
      }
    }
    // After a refused header this is a no-op: the first stop reason is kept.
    if (header === undefined) tally.stop(1, 'the file is empty: there is no header row');
    await flush();
  } catch (error) {
    if (!(error instanceof CsvStop || error instanceof SinkStop)) throw error;
    tally.stop(error.line, error.message);
    if (error instanceof CsvStop) {
      // Rows read before a read failure are good: save them. If the store fails too, those rows
      // are already counted as errors and the read failure stays the reported reason.
      try {
        await flush();
      } catch (e) {
        if (!(e instanceof SinkStop)) throw e;
      }
    }
  }
  onProgress?.(tally.progress(bytes()));
  return tally.report();
}
