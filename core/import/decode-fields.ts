/**
 * Text decoding, per record. The CSV is parsed as latin1 (one char per byte, lossless), then each
 * record's non-ASCII fields are decoded as UTF-8, or, when any of them is not valid UTF-8, the whole
 * record as windows-1252. Per record rather than per file: a file whose rows were pasted in from
 * an Excel export mixes both, and deciding per file would need the whole file first (no streaming)
 * or mangle the rows before the first bad byte.
 */

const ASCII = /^[\x00-\x7F]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * windows-1252 differs from latin1 only in 0x80–0x9F. Decoded by hand: Node 20's
 * TextDecoder('windows-1252') decodes as latin1 (those bytes come out as C1 controls).
 * The five bytes windows-1252 leaves undefined stay as their C1 code points.
 */
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeCp1252(latin1: string): string {
  return latin1.replace(/[\x80-\x9F]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
}

export function decodeFields(latin1Fields: readonly string[]): string[] {
  if (latin1Fields.every((f) => ASCII.test(f))) return [...latin1Fields];
  try {
    return latin1Fields.map((f) => (ASCII.test(f) ? f : utf8.decode(Buffer.from(f, 'latin1'))));
  } catch {
    return latin1Fields.map(decodeCp1252);
  }
}
