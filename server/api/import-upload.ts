/**
 * The body of an import request as a stream of bytes, never held whole: a raw CSV body as it
 * arrives, or the `file` part of a multipart upload (busboy parses the parts as they stream past).
 * Both count bytes against a limit, so a body without Content-Length cannot grow past it either.
 */
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { DomainError } from '../../core/errors';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Raw bodies are taken in any of the types browsers and tools give a .csv file. */
const CSV_TYPES = new Set([
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
  'application/vnd.ms-excel',
  'text/plain',
  'application/octet-stream',
]);

export function tooLarge(limit: number, detail = ''): DomainError {
  return new DomainError(
    'payload_too_large',
    `The upload is larger than ${Math.round(limit / 1024 / 1024)} MB${detail}; split the file (rows are matched by event id, so parts can be imported one after another).`,
  );
}

export type UploadKind = 'raw' | 'multipart';

/** What the Content-Type allows: a CSV body, a multipart form, or 415. */
export function uploadKind(contentType: string | undefined): UploadKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') return 'multipart';
  if (CSV_TYPES.has(type)) return 'raw';
  throw new DomainError(
    'unsupported_media_type',
    `Send the ACLED file as a multipart form (field "file") or as the raw body with Content-Type: text/csv (got ${type ? `"${type}"` : 'no Content-Type'}).`,
  );
}

export interface ByteCount {
  bytes: number;
  exceeded: boolean;
}

/** The request body's chunks, counted; past `limit` it fails (the importer then stops and reports). */
export async function* countedBody(
  body: ReadableStream<Uint8Array>,
  limit: number,
  count: ByteCount,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      count.bytes += value.byteLength;
      if (count.bytes > limit) {
        count.exceeded = true;
        throw tooLarge(limit);
      }
      yield value;
    }
  } finally {
    // Also when the importer stops early (a refused header): stop receiving the rest.
    await reader.cancel().catch(() => {});
  }
}

export interface MultipartFile {
  file: Readable;
  /** The file name the form gave, if any. */
  fileName: string | null;
  /** Stops parsing and reading the request (after the import, or when it stopped early). */
  close(): void;
}

/**
 * Resolves with the `file` part as soon as its headers have been parsed; the part's bytes then flow
 * to whoever reads it, with backpressure down to the socket. Other parts are drained and ignored.
 */
export function multipartFile(chunks: AsyncIterable<Uint8Array>, contentType: string): Promise<MultipartFile> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      limits: { fields: 20, parts: 40, fieldSize: 64 * 1024 },
    });
  } catch (e) {
    return Promise.reject(
      new DomainError('validation', `The multipart form cannot be read: ${(e as Error).message}`, {
        file: 'is required',
      }),
    );
  }
  const bb = parser;
  const close = () => {
    if (!bb.destroyed) bb.destroy();
  };
  return new Promise<MultipartFile>((resolve, reject) => {
    let found = false;
    bb.on('file', (name, stream, info) => {
      if (name === 'file' && !found) {
        found = true;
        resolve({ file: stream, fileName: info.filename || null, close });
      } else stream.resume();
    });
    bb.on('error', (err: Error) => {
      // After the file was handed out busboy passes the error to its stream, and the import reports it.
      if (!found)
        reject(
          new DomainError('validation', `The multipart form cannot be read: ${err.message}`, { file: 'is required' }),
        );
    });
    bb.on('close', () => {
      if (!found)
        reject(
          new DomainError('validation', 'The form has no file: send the ACLED CSV in the field "file".', {
            file: 'is required',
          }),
        );
    });
    // Resolves on drain, or when the parser is gone; removes its listeners either way.
    const writable = () =>
      new Promise<void>((resolve) => {
        const done = () => {
          for (const event of ['drain', 'close', 'error']) bb.off(event, done);
          resolve();
        };
        for (const event of ['drain', 'close', 'error']) bb.on(event, done);
      });
    void (async () => {
      for await (const chunk of chunks) {
        if (bb.destroyed) return;
        // Backpressure: busboy holds its write callback until the file part is read on.
        if (!bb.write(chunk)) await writable();
      }
      if (!bb.destroyed) bb.end();
    })().catch((err: unknown) => bb.destroy(err instanceof Error ? err : new Error(String(err))));
  });
}
