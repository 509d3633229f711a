/**
 * Text decoding, per record. The CSV is parsed as latin1 (one char per byte, lossless), then each
 * record's non-ASCII fields are decoded as UTF-8, or, when any of them is not valid UTF-8, the whole
 * record as windows-1252. Per record rather than per file: a file whose rows were pasted in from
 * an Excel export mixes both, and deciding per file would need the whole file first (no streaming)
 * or mangle the rows before the first bad byte.
 */

const ASCII = /^[\x00-\x7F]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** windows-1252 needs Node's full ICU; a small-ICU build falls back to latin1, the nearest subset. */
const cp1252: { decode(bytes: Uint8Array): string } = (() => {
  try {
    return new TextDecoder('windows-1252');
  } catch {
    return { decode: (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1') };
  }
})();

export function decodeFields(latin1Fields: readonly string[]): string[] {
  if (latin1Fields.every((f) => ASCII.test(f))) return [...latin1Fields];
  try {
    return latin1Fields.map((f) => (ASCII.test(f) ? f : utf8.decode(Buffer.from(f, 'latin1'))));
  } catch {
    return latin1Fields.map((f) => (ASCII.test(f) ? f : cp1252.decode(Buffer.from(f, 'latin1'))));
  }
}
