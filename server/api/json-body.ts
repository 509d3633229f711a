/**
 * Reading a JSON request body without ever answering 500 for bad input: a body over the limit is
 * 413 (checked from Content-Length, then while streaming), a non-JSON content type 415, and bytes
 * that are not UTF-8 JSON 400 with the parser's reason.
 */
import type { Context } from 'hono';
import { DomainError } from '../../core/errors';
import { jsonTextBounds, MAX_JSON_DEPTH, MAX_JSON_KEYS } from '../../core/json-bounds';

export const MAX_JSON_BYTES = 1024 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function tooLarge(limit: number): DomainError {
  return new DomainError(
    'payload_too_large',
    `The request body is larger than ${Math.round(limit / 1024)} KB; send less data per request.`,
  );
}

function hasBody(c: Context): boolean {
  const length = c.req.header('content-length');
  if (length !== undefined) return length.trim() !== '0';
  return c.req.header('transfer-encoding') !== undefined;
}

/** How much of an oversized body is read and dropped so the client sees the 413 (beyond it, the socket closes). */
const DRAIN_CAP = 16 * 1024 * 1024;

/**
 * Reads and discards the rest of a refused body: answering while the client is still sending makes
 * Node close the connection, and the client sees a reset instead of the 413.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, already: number): Promise<void> {
  let size = already;
  while (size <= DRAIN_CAP) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
}

async function readLimited(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await drain(reader, size).catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * The parsed body. `optional`: an absent body gives undefined (DELETE's reason may come in the
 * query string); otherwise an absent body is a 400.
 */
export async function readJson(
  c: Context,
  opts: { optional?: boolean; limit?: number; maxKeys?: number } = {},
): Promise<unknown> {
  const limit = opts.limit ?? MAX_JSON_BYTES;
  if (!hasBody(c) || !c.req.raw.body) {
    if (opts.optional) return undefined;
    throw new DomainError(
      'validation',
      'The request has no body: send a JSON object with Content-Type: application/json.',
      { _: 'is required' },
    );
  }
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    if (declared <= DRAIN_CAP) await drain(c.req.raw.body.getReader(), 0).catch(() => {});
    throw tooLarge(limit);
  }
  const type = c.req.header('content-type');
  if (!type || !JSON_TYPE.test(type)) {
    throw new DomainError(
      'unsupported_media_type',
      `Send the body as JSON with Content-Type: application/json (got ${type ? `"${type}"` : 'no Content-Type'}).`,
    );
  }
  const bytes = await readLimited(c.req.raw.body, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('validation', 'The request body is not valid UTF-8 text.', { _: 'is not UTF-8' });
  }
  if (text.trim() === '') {
    if (opts.optional) return undefined;
    throw new DomainError('validation', 'The request body is empty: send a JSON object.', { _: 'is required' });
  }
  // Bounded before parsing: everything after the parse (validation, fingerprints) recurses.
  const bounds = jsonTextBounds(text, { depth: MAX_JSON_DEPTH, keys: opts.maxKeys ?? MAX_JSON_KEYS });
  if (bounds) throw new DomainError('validation', bounds.message, { _: bounds.field });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new DomainError('validation', `The request body is not valid JSON: ${(e as Error).message}`, {
      _: 'is not valid JSON',
    });
  }
}
