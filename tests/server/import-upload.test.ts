/**
 * The upload plumbing without a server: the byte limit counted while streaming (rows before it are
 * kept), multipart parsing as the parts stream by, and content types (the job registry's rules: tests/db/import-jobs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors';
import { importAcled } from '../../core/import/import-file';
import { countedBody, multipartFile, uploadKind, type ByteCount } from '../../server/api/import-upload';

const HEADER = 'event_id_cnty,event_date,event_type,actor1,inter1,country,admin1,fatalities\n';
const rowsText = (n: number, from = 0) =>
  Array.from(
    { length: n },
    (_, i) => `U${from + i},2024-01-02,Battles,Unidentified Armed Group,3,Pakistan,Sindh,1\n`,
  ).join('');

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const queue = chunks.map((c) => (typeof c === 'string' ? new TextEncoder().encode(c) : c));
  return new ReadableStream({
    pull(controller) {
      const next = queue.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

const acceptAll = { writeBatch: async (items: readonly unknown[]) => items.map(() => 'imported' as const) };

async function readAll(stream: AsyncIterable<unknown>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += Buffer.from(chunk as Uint8Array).toString('utf8');
  return text;
}

describe('the upload byte limit', () => {
  it('stops the import past the limit, keeping the rows read before it', async () => {
    const count: ByteCount = { bytes: 0, exceeded: false };
    const first = HEADER + rowsText(10);
    const body = streamOf([first, rowsText(10, 10), rowsText(10, 20)]);
    const report = await importAcled({
      input: countedBody(body, first.length + 5, count),
      sink: acceptAll,
      options: { batchSize: 4 },
    });
    expect(count.exceeded).toBe(true);
    expect(report.stopped?.message).toMatch(/larger than/);
    expect(report.imported).toBe(10);
  });

  it('passes a body within the limit through untouched', async () => {
    const count: ByteCount = { bytes: 0, exceeded: false };
    const text = HEADER + rowsText(3);
    expect(await readAll(countedBody(streamOf([text]), 1000, count))).toBe(text);
    expect(count).toEqual({ bytes: text.length, exceeded: false });
  });
});

describe('multipart uploads', () => {
  const boundary = '----bw-test-boundary';
  const type = `multipart/form-data; boundary=${boundary}`;
  const part = (name: string, content: string, filename?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n${filename ? 'Content-Type: text/csv\r\n' : ''}\r\n${content}\r\n`;

  it('hands out the "file" part as a stream, ignoring other fields, even split at odd places', async () => {
    const csv = HEADER + rowsText(50);
    const body =
      part('note', 'hello') + part('other', 'x', 'other.csv') + part('file', csv, 'acled.csv') + `--${boundary}--\r\n`;
    const bytes = Buffer.from(body);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const upload = await multipartFile(countedBody(streamOf(chunks), 1e6, { bytes: 0, exceeded: false }), type);
    expect(await readAll(upload.file)).toBe(csv);
    upload.close();
  });

  it('refuses a form without a file, and a body that is not multipart', async () => {
    const noFile = part('note', 'hello') + `--${boundary}--\r\n`;
    await expect(
      multipartFile(countedBody(streamOf([noFile]), 1e6, { bytes: 0, exceeded: false }), type),
    ).rejects.toThrow(/has no file/);
    await expect(
      multipartFile(countedBody(streamOf(['not a form']), 1e6, { bytes: 0, exceeded: false }), 'multipart/form-data'),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it('accepts the content types a .csv file arrives with, and nothing else', () => {
    for (const t of [
      'text/csv',
      'text/csv; charset=windows-1252',
      'application/vnd.ms-excel',
      'text/plain',
      'application/octet-stream',
    ])
      expect(uploadKind(t)).toBe('raw');
    expect(uploadKind('multipart/form-data; boundary=x')).toBe('multipart');
    for (const t of [undefined, 'application/json', 'application/x-www-form-urlencoded'])
      expect(() => uploadKind(t)).toThrow(/multipart form/);
  });
});
