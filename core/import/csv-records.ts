/**
 * CSV records from a byte stream, with the physical line each starts on, never holding more than a
 * record and a few chunks in memory. csv-parse does the quoting; this module adds what it lacks:
 * exact start lines (its own `info.lines` counts a CRLF inside quotes twice), per-record decoding,
 * and a clean stop instead of silently dropping input after an oversized record.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Options } from 'csv-parse';
import { decodeFields } from './decode-fields';

export type CsvEvent = { kind: 'record'; line: number; fields: string[] } | { kind: 'bad-record'; line: number; message: string };

export type ByteInput = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** Reading cannot go on (unreadable stream, a record too large to be real); `line` is where it stopped. */
export class CsvStop extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvStop';
  }
}

/** Counts line breaks as a person does: CRLF, LF or a lone CR is one. */
class LineCounter {
  line = 1;
  private afterCr = false;
  advance(raw: string): number {
    const start = this.line;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 13) this.line += 1;
      else if (c === 10 && !this.afterCr) this.line += 1;
      this.afterCr = c === 13;
    }
    return start;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Bytes from strings or byte chunks. The UTF-8 BOM is removed here, not by csv-parse: its `bom`
 * option switches the parser's encoding to utf8, which would break the latin1 round trip.
 */
async function* byteChunks(input: ByteInput, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of input as AsyncIterable<unknown>) {
    let bytes: Buffer;
    if (typeof chunk === 'string') bytes = Buffer.from(chunk, 'utf8');
    else if (chunk instanceof Uint8Array) bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else throw new Error(`the input yielded ${typeof chunk} instead of bytes or text`);
    onBytes(bytes.length);
    if (head === null) {
      yield bytes;
      continue;
    }
    head = Buffer.concat([head, bytes]);
    if (head.length < 3) continue;
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
      throw new Error('the file is UTF-16; export it as UTF-8 CSV');
    }
    const out: Buffer = UTF8_BOM.every((b, i) => head![i] === b) ? head.subarray(3) : head;
    head = null;
    yield out;
  }
  if (head !== null && head.length > 0) yield head;
}

function stopMessage(error: unknown, maxRecordBytes: number): string {
  if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') {
    return `a record starting on this line is longer than ${maxRecordBytes} bytes, most likely a quote that is never closed; reading stopped here`;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `the file could not be read past this line: ${reason}`;
}

interface Parsed {
  before: CsvEvent[];
  event: CsvEvent;
}

/** What csv-parse hands on_record with `raw: true` and no columns. */
interface RawRecord {
  record: string[];
  raw: string;
}

export async function* readCsvRecords(
  input: ByteInput,
  { maxRecordBytes, onBytes }: { maxRecordBytes: number; onBytes: (n: number) => void },
): AsyncGenerator<CsvEvent> {
  const lines = new LineCounter();
  // on_skip runs synchronously between records; queue its events and hand them out in order.
  let skipped: CsvEvent[] = [];
  const parser = parse({
    encoding: 'latin1',
    raw: true,
    bom: false,
    relax_quotes: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    // Empty lines come through as records so that every line is counted; the caller ignores them.
    skip_empty_lines: false,
    skip_records_with_error: true,
    max_record_size: maxRecordBytes,
    on_skip: (err, raw) => {
      // csv-parse drops the rest of the chunk after an oversized record and carries on mid-record:
      // rows after it would be garbage with wrong lines, so stop instead (throwing fails the parse).
      if (err?.code === 'CSV_MAX_RECORD_SIZE') throw err;
      const line = lines.advance(raw ?? '');
      const message =
        err?.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed (the file may be cut short)' : `unreadable record: ${err?.message ?? 'unknown error'}`;
      skipped.push({ kind: 'bad-record', line, message });
      return undefined;
    },
    // csv-parse's typings assume on_record returns a record; it may return anything, which the
    // parser then emits as is (here: the record with its start line and the errors before it).
    on_record: ((parsed: RawRecord): Parsed => {
      const line = lines.advance(parsed.raw);
      const before = skipped;
      skipped = [];
      return { before, event: { kind: 'record', line, fields: decodeFields(parsed.record) } };
    }) as unknown as Options['on_record'],
  });
  const source = Readable.from(byteChunks(input, onBytes), { objectMode: false });
  // Failures surface through the parser's iterator below; this only keeps the promise handled.
  const piping = pipeline(source, parser).catch(() => undefined);
  try {
    for await (const item of parser as AsyncIterable<Parsed>) {
      yield* item.before;
      yield item.event;
    }
    await piping;
    yield* skipped;
  } catch (error) {
    throw new CsvStop(lines.line, stopMessage(error, maxRecordBytes));
  } finally {
    parser.destroy();
    source.destroy();
  }
}
