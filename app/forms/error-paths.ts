/**
 * Where an error message goes. Client (zod) and server errors both arrive as
 * `{ "casualties.killed.civilians.high": "message" }`; each path is placed beside the input that
 * shows it, or, when no input shows that path, in the form-level list. Framework-free; unit-tested.
 */

export type FieldErrors = Record<string, string>;

export interface PlacedErrors {
  /** By the path of the input that shows it. */
  byField: FieldErrors;
  /** Errors no input shows (whole-body problems, headers, unknown fields), as readable lines. */
  general: string[];
}

export interface ErrorLayout {
  /** The paths inputs are bound to, in the order they appear on the page. */
  fields: readonly string[];
  /** Input paths that a form splits or renames: `{ occurredAt: "occurredDate" }`. */
  aliases?: Readonly<Record<string, string>>;
  /** A readable name for a path, for the summary and general lines. */
  label(path: string): string;
}

/** The DOM id of the input bound to `path`. */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
export const errorId = (path: string) => `${fieldId(path)}-error`;
export const hintId = (path: string) => `${fieldId(path)}-hint`;

/** The input path that shows an error at `path`, or null. */
export function targetOf(path: string, layout: Pick<ErrorLayout, 'fields' | 'aliases'>): string | null {
  const known = new Set(layout.fields);
  for (let p: string | null = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : null) {
    const aliased = layout.aliases?.[p] ?? p;
    if (known.has(aliased)) return aliased;
  }
  // An error on a group ("casualties.killed") goes to its first input.
  return layout.fields.find((f) => f.startsWith(`${path}.`)) ?? null;
}

export function placeErrors(fields: FieldErrors, layout: ErrorLayout): PlacedErrors {
  const byField: FieldErrors = {};
  const general: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const target = path === '_' ? null : targetOf(path, layout);
    if (target) byField[target] ??= message;
    else general.push(path === '_' ? message : `${layout.label(path)}: ${message}`);
  }
  return { byField, general };
}

/** Errors in page order, for the summary (and so focus goes to the first one on the page). */
export function orderedErrors(
  byField: FieldErrors,
  layout: ErrorLayout,
): { path: string; label: string; message: string }[] {
  const index = new Map(layout.fields.map((f, i) => [f, i]));
  return Object.entries(byField)
    .sort(([a], [b]) => (index.get(a) ?? Infinity) - (index.get(b) ?? Infinity) || a.localeCompare(b))
    .map(([path, message]) => ({ path, label: layout.label(path), message }));
}
