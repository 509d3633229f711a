/**
 * Query strings of the list routes: filters (core/filters.ts), sort, limit and an opaque cursor.
 * The cursor is base64url JSON of where the last page ended, bound to its sort so it cannot be
 * replayed against another order.
 */
import { z } from 'zod';
import { DomainError, parseInput } from '../../core/errors';
import { OPERATION_KINDS } from '../../core/enums';
import { isTimestampText } from '../../core/timestamp-text';
import { IncidentFilter, resolveFilterDates, searchParamsToObject } from '../../core/filters';
import { groupNamesToIds, namesGroups, type GroupRef } from '../../core/group/group-ref';
import { RECORD_SORTS, type PageKey, type RecordSort } from '../../db/queries/incidents';
import type { OperationFilter } from '../../db/queries/operations';

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

export const PagingQuery = z.object({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)
    .default(DEFAULT_LIMIT),
  sort: z.enum(RECORD_SORTS, { error: `must be one of: ${RECORD_SORTS.join(', ')}` }).default('-occurredAt'),
  cursor: z.string().max(1000, 'is too long').optional(),
});

const PAGING_KEYS = ['limit', 'sort', 'cursor'];

// `v` is Postgres's timestamptz text, e.g. 2025-01-02 03:04:05.123456+00.
const CursorBody = z.object({
  s: z.enum(RECORD_SORTS),
  v: z.string().refine((v) => isTimestampText(v, { requireTime: true })),
  id: z.uuid(),
});

export function encodeCursor(sort: RecordSort, key: PageKey | null): string | null {
  return key ? Buffer.from(JSON.stringify({ s: sort, v: key.value, id: key.id })).toString('base64url') : null;
}

function decodeCursor(cursor: string, sort: RecordSort): PageKey {
  const bad = (why: string) =>
    new DomainError('validation', `Invalid cursor: ${why}. Use the nextCursor of the previous page unchanged.`, {
      cursor: why,
    });
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('it is not a cursor from this API');
  }
  const parsed = CursorBody.safeParse(raw);
  if (!parsed.success) throw bad('it is not a cursor from this API');
  if (parsed.data.s !== sort) throw bad(`it was made for sort=${parsed.data.s}, not sort=${sort}`);
  return { value: parsed.data.v, id: parsed.data.id };
}

export interface ListParams<F> {
  filter: F;
  sort: RecordSort;
  limit: number;
  after: PageKey | null;
}

function split(url: string, groups: readonly GroupRef[]) {
  const all = groupNamesToIds(searchParamsToObject(new URL(url).searchParams), groups);
  const paging: Record<string, unknown> = {};
  const rest: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(all)) {
    if (PAGING_KEYS.includes(k)) paging[k] = Array.isArray(v) ? v[v.length - 1] : v;
    else rest[k] = v;
  }
  const p = parseInput(PagingQuery, paging);
  return { paging: { sort: p.sort, limit: p.limit, after: p.cursor ? decodeCursor(p.cursor, p.sort) : null }, rest };
}

/** The groups to resolve `group=TTP` against: read only when the URL names a group. */
export async function groupsNamedIn(url: string, list: () => Promise<GroupRef[]>): Promise<GroupRef[]> {
  return namesGroups(searchParamsToObject(new URL(url).searchParams)) ? list() : [];
}

/** `zone`: the reporting zone, in which `from`/`to` given as dates are read. */
export function incidentListParams(
  url: string,
  zone: string,
  groups: readonly GroupRef[] = [],
): ListParams<IncidentFilter> {
  const { paging, rest } = split(url, groups);
  return { ...paging, filter: resolveFilterDates(parseInput(IncidentFilter, rest), zone) };
}

const kindList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(OPERATION_KINDS, { error: `must be one of: ${OPERATION_KINDS.join(', ')} (operation kind)` })))
  .optional();

/** Operations take the incident filters that apply to them, plus `kind`. */
export function operationListParams(
  url: string,
  zone: string,
  groups: readonly GroupRef[] = [],
): ListParams<OperationFilter> {
  const { paging, rest } = split(url, groups);
  const { kind, type, target, ...common } = rest;
  const fields: Record<string, string> = {};
  if (type !== undefined) fields.type = 'does not apply to operations (use kind)';
  if (target !== undefined) fields.target = 'does not apply to operations';
  if (Object.keys(fields).length > 0)
    throw new DomainError(
      'validation',
      'Filters type and target apply to incidents only; filter operations by kind.',
      fields,
    );
  const filter = resolveFilterDates(parseInput(IncidentFilter, common), zone);
  return { ...paging, filter: { ...filter, kind: parseInput(z.object({ kind: kindList }), { kind }).kind } };
}

export const RetractedQuery = z.object({
  retracted: z.enum(['include', 'exclude', 'only'], { error: 'must be one of: include, exclude, only' }).optional(),
});
