/** importAcled against hostile input: encodings, line endings, truncation, random bytes, sink failures. */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAcled, type ImportFileArgs as ImportAcledArgs } from '../../../core/import/import-file';
import type { ImportReport } from '../../../core/import/import-report';
import { acledCsv, acledLine, COLUMNS } from './acled-csv';
import { accounted, MemorySink } from './memory-sink';

const run = (input: ImportAcledArgs['input'], sink = new MemorySink(), options: ImportAcledArgs['options'] = {}) =>
  importAcled({ input, sink, options });

function expectWellFormed(report: ImportReport) {
  expect(accounted(report)).toBe(report.rows);
  expect(report.errors.length).toBe(Math.min(report.errorCount, 1000) + (report.stopped ? 1 : 0));
}

/** windows-1252 for the few non-ASCII characters the tests use. */
function cp1252(text: string): Buffer {
  const high: Record<string, number> = { é: 0xe9, '“': 0x93, '”': 0x94, '–': 0x96, '’': 0x92 };
  return Buffer.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

const summaries = (sink: MemorySink) => [...sink.records.values()].map((i) => i.input.summary);

describe('encodings', () => {
  const notes = 'Café owner’s “warning” – ignored';

  it('decodes a windows-1252 file', async () => {
    const sink = new MemorySink();
    const report = await run([cp1252(acledCsv([{ notes }]))], sink);
    expect(report).toMatchObject({ rows: 1, imported: 1, errorCount: 0 });
    expect(summaries(sink)).toEqual([notes]);
  });

  it('decodes per row: UTF-8 and windows-1252 rows in one file', async () => {
    const sink = new MemorySink();
    const header = COLUMNS.join(',');
    const bytes = Buffer.concat([
      Buffer.from(`${header}\r\n${acledLine({ event_id_cnty: 'PAK1', notes })}\r\n`, 'utf8'),
      cp1252(`${acledLine({ event_id_cnty: 'PAK2', notes })}\r\n`),
    ]);
    await run([bytes], sink);
    expect(summaries(sink)).toEqual([notes, notes]);
  });

  it('drops a UTF-8 BOM and refuses UTF-16 with a reason', async () => {
    expect(await run([Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(acledCsv([{}]))])])).toMatchObject({
      rows: 1,
      imported: 1,
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(acledCsv([{}]), 'utf16le')]);
    const report = await run([utf16]);
    expect(report.stopped?.message).toMatch(/UTF-16/);
    expectWellFormed(report);
  });

  it('gives the same result whatever the chunking (multi-byte characters and CRLF split across chunks)', async () => {
    const text = acledCsv([
      { event_id_cnty: 'PAK1', notes: 'Ünïcödé “quotes”\r\nsecond line' },
      { event_id_cnty: 'PAK2' },
    ]);
    const bytes = Buffer.from(text, 'utf8');
    const whole = new MemorySink();
    const byByte = new MemorySink();
    const a = await run([bytes], whole);
    const b = await run(Readable.from([...bytes].map((x) => Buffer.from([x]))), byByte);
    expect(b).toEqual(a);
    expect([...byByte.records.values()]).toEqual([...whole.records.values()]);
  });
});

describe('line endings and line numbers', () => {
  const rows = [
    { event_id_cnty: 'PAK1' },
    { event_id_cnty: 'PAK2', notes: 'first\nsecond\r\nthird' },
    { event_id_cnty: 'PAK3', event_date: 'never' },
  ];

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('%s: counts records and reports the start line of a bad one', async (_, eol) => {
    const report = await run([acledCsv(rows, eol)]);
    expect(report).toMatchObject({ rows: 3, imported: 2, errorCount: 1 });
    // Header line 1, PAK1 line 2, PAK2 lines 3–5, PAK3 line 6.
    expect(report.errors[0]).toEqual({ line: 6, message: expect.stringMatching(/^event_date: "never"/) });
  });

  it('ignores blank lines but counts them for line numbers', async () => {
    const text = `\r\n${COLUMNS.join(',')}\r\n\r\n${acledLine()}\r\n   \r\n${acledLine({ event_id_cnty: 'PAK9', fatalities: 'x' })}\r\n\r\n`;
    const report = await run([text]);
    expect(report).toMatchObject({ rows: 2, imported: 1, errorCount: 1 });
    expect(report.errors[0]?.line).toBe(6);
  });

  it('refuses rows narrower or wider than the header', async () => {
    const text = `${COLUMNS.join(',')}\n${acledLine().split(',').slice(0, 20).join(',')}\n${acledLine()},surplus\n${acledLine({ event_id_cnty: 'PAK7' })},,\n`;
    const report = await run([text]);
    expect(report).toMatchObject({ rows: 3, imported: 1, errorCount: 2 });
    expect(report.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(report.errors[0]?.message).toMatch(/20 fields where the header has 31/);
  });
});

describe('damaged files: a report, never a throw', () => {
  it('a file cut inside a quoted note', async () => {
    const full = acledCsv([
      { event_id_cnty: 'PAK1' },
      { event_id_cnty: 'PAK2', notes: 'a long "quoted" note, with commas' },
    ]);
    const cut = full.slice(0, full.indexOf('with commas'));
    const report = await run([cut]);
    expect(report).toMatchObject({ rows: 2, imported: 1, errorCount: 1, stopped: null });
    expect(report.errors[0]).toEqual({
      line: 3,
      message: 'a quoted field is never closed (the file may be cut short)',
    });
  });

  it('a file cut mid-row outside quotes', async () => {
    const full = acledCsv([{ event_id_cnty: 'PAK1' }, { event_id_cnty: 'PAK2' }]);
    const report = await run([full.slice(0, full.lastIndexOf('Quetta'))]);
    expect(report).toMatchObject({ rows: 2, imported: 1, errorCount: 1 });
  });

  it('an unclosed quote that would swallow the rest of a large file stops at the limit', async () => {
    const text = acledCsv([{ event_id_cnty: 'PAK1' }]) + `PAK2,"never closed\n` + `${acledLine()}\n`.repeat(200);
    const report = await run([text], new MemorySink(), { maxRecordBytes: 4096 });
    expect(report).toMatchObject({
      rows: 1,
      imported: 1,
      stopped: { line: 3, message: expect.stringMatching(/longer than 4096 bytes/) },
    });
    expectWellFormed(report);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['a header only', COLUMNS.join(','), null],
    [
      'a non-ACLED header',
      'iyear,imonth,iday,provstate\n2015,1,1,Sindh\n',
      /lacks the required columns event_id_cnty, event_date/,
    ],
    ['a lone open quote', '"', /no usable header/],
  ])('%s', async (_, text, stopped) => {
    const report = await run([text]);
    expect(report.rows).toBe(0);
    if (stopped) expect(report.errors).toEqual([{ line: 1, message: expect.stringMatching(stopped) }]);
    else expect(report.errors).toEqual([]);
    expectWellFormed(report);
  });

  it('an input stream that fails midway: rows read before it are saved', async () => {
    async function* failing() {
      yield acledCsv([{ event_id_cnty: 'PAK1' }, { event_id_cnty: 'PAK2' }]);
      throw new Error('socket hang up');
    }
    const sink = new MemorySink();
    const report = await run(failing(), sink);
    expect(report).toMatchObject({
      rows: 2,
      imported: 2,
      stopped: { message: expect.stringMatching(/socket hang up/) },
    });
    expect(sink.records.size).toBe(2);
  });

  it('an input stream that fails inside a record: that record is an error, not a short import', async () => {
    async function* failing() {
      const full = acledCsv([{ event_id_cnty: 'PAK1' }, { event_id_cnty: 'PAK2', fatalities: '12' }]);
      // Cut inside the last row, where a value such as "12" could otherwise import as "1".
      yield full.slice(0, full.lastIndexOf(',NA,1675102875'));
      throw new Error('ECONNRESET');
    }
    const report = await run(Readable.from(failing()));
    expect(report).toMatchObject({
      rows: 2,
      imported: 1,
      errorCount: 1,
      stopped: { message: expect.stringMatching(/ECONNRESET/) },
    });
    expect(report.errors[0]).toEqual({
      line: 3,
      message: 'the record is cut short: reading the file failed inside it',
    });
  });

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        expectWellFormed(await run([bytes]));
      }),
      { numRuns: 150 },
    );
  });

  it('a valid header followed by random bytes or CSV-ish noise', async () => {
    const noise = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
      fc
        .array(
          fc.constantFrom(
            '"',
            ',',
            '\r',
            '\n',
            'a',
            'NA',
            'PAK1',
            '28 December 2022',
            'Pakistan',
            'Battles',
            '1',
            'Ê',
            '\u0000',
          ),
          { maxLength: 400 },
        )
        .map((a) => Buffer.from(a.join(''))),
      fc.array(fc.constantFrom(...acledLine().split(',')), { maxLength: 120 }).map((a) => Buffer.from(a.join(','))),
    );
    await fc.assert(
      fc.asyncProperty(noise, fc.integer({ min: 1, max: 64 }), async (body, chunk) => {
        const bytes = Buffer.concat([Buffer.from(`${COLUMNS.join(',')}\r\n`), body]);
        const chunks = [];
        for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
        const report = await run(chunks);
        expectWellFormed(report);
        expect(report.stopped).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});

describe('batches and the sink', () => {
  it('writes in batches of batchSize and never repeats an externalId within one', async () => {
    const sink = new MemorySink();
    const ids = ['A', 'B', 'A', 'C', 'D', 'E'].map((id) => ({ event_id_cnty: `PAK${id}` }));
    const report = await run([acledCsv(ids)], sink, { batchSize: 3 });
    // The repeated A closes the first batch early.
    expect(sink.batchSizes).toEqual([2, 3, 1]);
    expect(sink.violations).toEqual([]);
    expect(report).toMatchObject({ rows: 6, imported: 5, updated: 1 });
  });

  it('reports rows the store refused, with their lines', async () => {
    const sink = new MemorySink((item) => (item.externalId === 'acled:PAK2' ? { error: 'duplicate key' } : 'imported'));
    const report = await run([acledCsv([{ event_id_cnty: 'PAK1' }, { event_id_cnty: 'PAK2' }])], sink);
    expect(report).toMatchObject({ rows: 2, imported: 1, errors: [{ line: 3, message: 'not saved: duplicate key' }] });
  });

  it('stops when the store fails, counting the failed batch as errors', async () => {
    const sink = new MemorySink((_, batchNo) => (batchNo === 1 ? 'throw' : 'imported'));
    const rows = Array.from({ length: 10 }, (_, i) => ({ event_id_cnty: `PAK${i}` }));
    const report = await run([acledCsv(rows)], sink, { batchSize: 3 });
    expect(report).toMatchObject({
      rows: 6,
      imported: 3,
      errorCount: 3,
      stopped: { line: 5, message: expect.stringMatching(/connection terminated.*safe/) },
    });
    expectWellFormed(report);
  });

  it('caps the error list but not the count', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => ({ event_id_cnty: `PAK${i}`, event_date: 'bad' }));
    const report = await run([acledCsv(rows)]);
    expect(report.errorCount).toBe(1500);
    expect(report.errors).toHaveLength(1000);
    expect(report.errors[999]?.line).toBe(1001);
  });

  it('reports progress as it goes and once at the end', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ event_id_cnty: `PAK${i}` }));
    const seen: number[] = [];
    const text = acledCsv(rows);
    await importAcled({
      input: [text],
      sink: new MemorySink(),
      options: { batchSize: 500 },
      onProgress: (p) => seen.push(p.rows),
    });
    expect(seen).toEqual([500, 1000, 1200]);
  });
});
