/**
 * Typed text to API input values. Anything that does not convert cleanly is passed on as typed,
 * so the shared zod schema rejects it with its own message ("must be a number") beside the field.
 * Framework-free.
 */
import type { ZodType } from 'zod';
import { fieldsFromZod } from '../../core/errors';
import { placeErrors, type ErrorLayout, type FieldErrors } from './error-paths';

/** A source row as typed. */
export interface SourceDraft {
  name: string;
  url: string;
  publishedAt: string;
}
export const emptySource = (): SourceDraft => ({ name: '', url: '', publishedAt: '' });

const SOURCE_PART_LABELS = { name: 'name', url: 'address (URL)', publishedAt: 'published on' } as const;
/** "Source 2 — address (URL)": the label of a source row's input, and of its errors. */
export const sourceLabel = (index: number, part: keyof SourceDraft) =>
  `Source ${index + 1} — ${SOURCE_PART_LABELS[part]}`;

/** "1,200" → 1200; "2.5" → 2.5; "" → `empty`; "12a" stays "12a" for the schema to refuse. */
export function countOf(text: string, empty: number | null | undefined): number | string | null | undefined {
  const t = text.trim();
  if (t === '') return empty;
  // A minus sign is kept so the schema can say "cannot be negative" rather than "must be a number".
  if (/^-?(\d{1,3}(,\d{3})+|\d+)$/.test(t)) return Number(t.replace(/,/g, ''));
  // "2.5" goes on as a number, so the schema says "must be a whole number", not "must be a number".
  return /^-?\d+\.\d+$/.test(t) ? Number(t) : t;
}

/** A decimal such as a coordinate ("32.99", "-1,5" with a decimal comma); "" → null. */
export function decimalOf(text: string): number | string | null {
  const t = text.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (t === '') return null;
  const n = Number(t);
  return /^-?\d+(\.\d+)?$/.test(t) && Number.isFinite(n) ? n : text;
}

export const textOf = (text: string): string | null => (text.trim() === '' ? null : text);

/** Sources without any content are dropped (an empty row left open is not an error). */
export function sourcesOf(rows: readonly SourceDraft[]) {
  return rows
    .filter((s) => s.name.trim() || s.url.trim() || s.publishedAt.trim())
    .map((s) => ({ name: s.name, url: textOf(s.url), publishedAt: textOf(s.publishedAt) }));
}

/** Indexes of source rows kept by sourcesOf, to map schema paths back to the rows on screen. */
export function keptSourceRows(rows: readonly SourceDraft[]): number[] {
  return rows.flatMap((s, i) => (s.name.trim() || s.url.trim() || s.publishedAt.trim() ? [i] : []));
}

/**
 * Validates `input` with the shared schema; errors are placed on input paths. `pre` are the form's
 * own checks (an empty required select reads better as "choose a province" than as the enum list).
 */
export function validateInput(
  schema: ZodType,
  input: unknown,
  layout: ErrorLayout,
  pre: FieldErrors = {},
  rowOf?: (path: string) => string,
): FieldErrors {
  const result = schema.safeParse(input);
  const fields = result.success ? {} : fieldsFromZod(result.error);
  const mapped: FieldErrors = {};
  for (const [p, m] of Object.entries(fields)) mapped[rowOf ? rowOf(p) : p] ??= m;
  // The form's own checks win where both speak about one input.
  return { ...placeErrors(mapped, layout).byField, ...placeErrors(pre, layout).byField };
}

/** Maps "sources.<kept index>.x" back to "sources.<row on screen>.x". */
export function sourceRowMapper(rows: readonly SourceDraft[]) {
  const kept = keptSourceRows(rows);
  return (path: string) => path.replace(/^sources\.(\d+)(?=\.|$)/, (_, i: string) => `sources.${kept[Number(i)] ?? i}`);
}
