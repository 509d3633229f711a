/**
 * Filters shared by lists, stats, exports and the dashboard URL: one schema parses query strings
 * everywhere. Multi-valued parameters accept repeats (`province=KP&province=Punjab`) or commas.
 */
import { z } from 'zod';
import {
  COUNTRIES,
  INCIDENT_CATEGORIES,
  INCIDENT_TYPES,
  PROVINCES,
  TARGET_TYPES,
  VERIFICATION_STATUSES,
} from './enums';
import { EventTime } from './common-schemas';
import { RECORD_SOURCES } from './provenance';
import { ValidationError } from './errors';
import { dayStartIso } from './time/report-zone';

const list = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `must be one of: ${values.join(', ')} (${what})` })))
    .optional();

/**
 * A group id, "unknown" for records whose source names no perpetrator, or "other" for those naming
 * one that matches none of our groups (short names are resolved before: core/group/group-ref.ts).
 */
const groupList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.union([
        z.literal('unknown'),
        z.literal('other'),
        z.uuid({ error: 'must be group short names (e.g. TTP), group ids, "other" or "unknown"' }),
      ]),
    ),
  )
  .optional();

export const IncidentFilter = z
  .object({
    /** An instant, or a local date of the reporting zone (its start): [from, to) either way. */
    from: EventTime.optional(),
    to: EventTime.optional(),
    country: list(COUNTRIES, 'country'),
    province: list(PROVINCES, 'province'),
    group: groupList,
    type: list(INCIDENT_TYPES, 'incident type'),
    /** Who acted. Lists show every category unless named; stats default to MILITANT_CATEGORIES. */
    category: list(INCIDENT_CATEGORIES, 'category'),
    /** Actor text as the source wrote it (case-insensitive substring of any actor's name). */
    actor: z.string().trim().min(1, 'must not be empty').max(100, 'is too long').optional(),
    /** Where the record came from (core/provenance.ts): lists and exports only, not charts. */
    source: list(RECORD_SOURCES, 'source'),
    target: list(TARGET_TYPES, 'target type'),
    status: list(VERIFICATION_STATUSES, 'verification status'),
    /** Lists only: include retracted records (struck through in the UI). */
    retracted: z.enum(['include', 'exclude', 'only']).optional(),
  })
  // Two dates or two instants compare as strings; a mix is checked once resolved (resolveFilterDates).
  .refine((f) => !f.from || !f.to || f.from.length !== f.to.length || f.from < f.to, {
    message: 'must be after "from"',
    path: ['to'],
  });
export type IncidentFilter = z.output<typeof IncidentFilter>;

const isDate = (s: string | undefined): s is string => s !== undefined && s.length === 10;

/**
 * The filter with local dates turned into the instants their days start in the reporting zone
 * (`to=2026-11-21` ends the period as 21 November begins there). Every reader of a filter calls it.
 */
export function resolveFilterDates(f: IncidentFilter, zone: string): IncidentFilter {
  const from = isDate(f.from) ? dayStartIso(f.from, zone) : f.from;
  const to = isDate(f.to) ? dayStartIso(f.to, zone) : f.to;
  if (from && to && Date.parse(from) >= Date.parse(to)) throw new ValidationError({ to: 'must be after "from"' });
  return { ...f, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Turns URLSearchParams into the object the schema expects (repeated keys become arrays). */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}
