/**
 * CSV records from a byte stream, with the physical line each starts on, never holding more than a
 * record and a few chunks in memory. csv-parse does the quoting; this module adds what it lacks:
 * exact start lines (its own `info.lines` counts a CRLF inside quotes twice), per-record decoding,
 * and a clean stop instead of silently dropping input after an oversized record.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type Options } from 'csv-parse';
import { decodeFields } from './decode-fields';

export type CsvEvent =
  { kind: 'record'; line: number; fields: string[] } | { kind: 'bad-record'; line: number; message: string };

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

interface Parsed {
  before: CsvEvent[];
  event: CsvEvent;
  /** Ended by a line break; the last record of a failed stream without one may be cut short. */
  terminated: boolean;
}

/** What csv-parse hands on_record with `raw: true` and no columns. */
interface RawRecord {
  record: string[];
  raw: string;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Every failure ends the stream normally and is raised only after the records before it were
 * handed out: destroying the parser with an error would discard records it has already buffered.
 */
export async function* readCsvRecords(
  input: ByteInput,
  { maxRecordBytes, onBytes }: { maxRecordBytes: number; onBytes: (n: number) => void },
): AsyncGenerator<CsvEvent> {
  const lines = new LineCounter();
  let stop: CsvStop | undefined;
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
      if (stop) return undefined;
      // csv-parse drops the rest of the chunk after an oversized record and carries on mid-record:
      // what follows would be garbage with wrong lines, so reading stops here.
      if (err?.code === 'CSV_MAX_RECORD_SIZE') {
        stop = new CsvStop(
          lines.line,
          `a record starting on this line is longer than ${maxRecordBytes} bytes, most likely a quote that is never closed; reading stopped here`,
        );
        return undefined;
      }
      const line = lines.advance(raw ?? '');
      const message =
        err?.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted field is never closed (the file may be cut short)'
          : `unreadable record: ${err?.message ?? 'unknown error'}`;
      skipped.push({ kind: 'bad-record', line, message });
      return undefined;
    },
    // csv-parse's typings assume on_record returns a record; it may return anything, which the
    // parser then emits as is (here: the record with its start line and the errors before it).
    on_record: ((parsed: RawRecord): Parsed | null => {
      if (stop) return null;
      const line = lines.advance(parsed.raw);
      const before = skipped;
      skipped = [];
      const terminated = /[\r\n]$/.test(parsed.raw);
      return { before, event: { kind: 'record', line, fields: decodeFields(parsed.record) }, terminated };
    }) as unknown as Options['on_record'],
  });

  // Set when the input fails; acted on only after the parser has drained, because chunks read
  // before the failure may still be on their way into the parser.
  let inputError: unknown;
  async function* bytesUntilStopped(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of byteChunks(input, onBytes)) {
        if (stop) return;
        yield chunk;
      }
    } catch (error) {
      inputError = error;
    }
  }

  const source = Readable.from(bytesUntilStopped(), { objectMode: false });
  const piping = pipeline(source, parser);
  // Held back one record: only at the end is it known whether the last one was cut short.
  let held: Parsed | undefined;
  try {
    for await (const item of parser as AsyncIterable<Parsed>) {
      if (held) yield* [...held.before, held.event];
      held = item;
    }
    await piping;
  } catch (error) {
    // Not expected (known failures are caught above), but a parser bug must not escape raw.
    stop ??= new CsvStop(lines.line, `the file could not be read past this line: ${reason(error)}`);
  } finally {
    piping.catch(() => undefined);
    parser.destroy();
    source.destroy();
  }
  if (inputError !== undefined)
    stop ??= new CsvStop(lines.line, `the file could not be read past this line: ${reason(inputError)}`);
  if (held) {
    yield* held.before;
    yield inputError !== undefined && !held.terminated
      ? {
          kind: 'bad-record',
          line: held.event.line,
          message: 'the record is cut short: reading the file failed inside it',
        }
      : held.event;
  }
  yield* skipped;
  if (stop) throw stop;
}
