/** Building blocks shared by the entity schemas: instants, dates, casualty figures, sources. */
import { z } from 'zod';
import { ACTOR_ROLES, CASUALTY_CATEGORIES } from './enums';
import { startsWithRealDate } from './timestamp-text';
import { localDay, localTimeMs } from './time/report-zone';

export const MAX_COUNT = 100_000;

/** An instant: any string `Date` parses that carries at least a date; normalised to ISO 8601 UTC. */
export const Instant = z
  .string({ error: 'must be a date-time string' })
  .trim()
  .min(1, 'is required')
  .max(40, 'is too long')
  .refine((s) => startsWithRealDate(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO 8601 date or date-time, e.g. 2025-03-14T09:30:00Z',
  })
  .transform((s) => new Date(/T|\s\d/.test(s) ? s : `${s}T00:00:00Z`).toISOString())
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= 1970 && y <= 2100;
  }, 'must be between 1970 and 2100');

const isRealDate = (s: string) => {
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(s);
};

/** A date or date-time with no offset: a wall-clock reading of the reporting zone. */
const LOCAL = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

/**
 * When an event happened: an instant with an offset (normalised to ISO 8601 UTC), or a local
 * `YYYY-MM-DD` / `YYYY-MM-DDTHH:MM` without one, kept as given: a day or time of the reporting
 * zone, which the record kinds anchor (core/time/occurred-day.ts) once the zone is known.
 */
export const EventTime = z
  .string({ error: 'must be a date or date-time string' })
  .trim()
  .min(1, 'is required')
  .max(40, 'is too long')
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO 8601 date or date-time, e.g. 2025-03-14 or 2025-03-14T09:30:00Z',
  })
  .refine((s) => !LOCAL.test(s) || isRealDate(s.slice(0, 10)), 'is not a real calendar date')
  .transform((s) => (LOCAL.test(s) ? s : new Date(s).toISOString()))
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= 1970 && y <= 2100;
  }, 'must be between 1970 and 2100');

/** How far past the clock an exact time may lie: clocks of phones and servers drift a little. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Nothing recorded can have happened after now. A day, week or month is a calendar date (its first
 * day), compared with today in the reporting zone: at 01:00 PKT "today" is already the new day.
 */
export function futureProblem(
  occurredAt: string,
  precision: string | undefined,
  now: Date,
  timeZone: string,
): string | null {
  // A string without an offset is a wall-clock reading of the reporting zone (see EventTime).
  const local = LOCAL.test(occurredAt);
  const exact = precision === undefined || precision === 'exact';
  // A day, week or month written as a local date is compared as a date: no instant needed (an
  // import's rows are mostly such dates, and the zone conversion was most of this check's cost).
  if (local && !exact) return occurredAt.slice(0, 10) > today(now, timeZone) ? AFTER_TODAY : null;
  const at = local
    ? localTimeMs(occurredAt.length === 10 ? `${occurredAt}T00:00` : occurredAt, timeZone)
    : Date.parse(occurredAt);
  if (Number.isNaN(at)) return null;
  if (exact) {
    return at > now.getTime() + FUTURE_TOLERANCE_MS ? 'is later than now: an occurrence cannot be in the future' : null;
  }
  return localDay(occurredAt, timeZone) > today(now, timeZone) ? AFTER_TODAY : null;
}

const AFTER_TODAY = 'is after today: an occurrence cannot be in the future';

/** The local day of `now`, remembered with the instants it spans (an import reads the clock per row). */
let lastToday: { zone: string; day: string; from: number; until: number } | null = null;
function today(now: Date, zone: string): string {
  const ms = now.getTime();
  if (lastToday && lastToday.zone === zone && ms >= lastToday.from && ms < lastToday.until) return lastToday.day;
  const day = localDay(now, zone);
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  lastToday = { zone, day, from: localTimeMs(`${day}T00:00`, zone), until: localTimeMs(`${next}T00:00`, zone) };
  return day;
}

/** A refinement for a create schema read against a clock (the verb's `ctx.now()`, the form's browser clock). */
export const occurredByNow =
  (now: Date, timeZone: string) => (v: { occurredAt?: string; timePrecision?: string }, ctx: z.RefinementCtx) => {
    if (typeof v.occurredAt !== 'string') return;
    const problem = futureProblem(v.occurredAt, v.timePrecision, now, timeZone);
    if (problem) ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: problem });
  };

/**
 * The same check as `occurredByNow` for a server's hot path: `base.superRefine(occurredByNow(now))`
 * builds a new schema per call, and zod compiles each new object schema's parser on its first use,
 * which cost more than the parse itself. Here the refined schema is built once and reads the clock
 * set around each (synchronous) safeParse, so the issues, their order and messages are the same.
 */
export function clockedSchema<S extends z.ZodType>(
  base: S,
): (now: Date, reportZone: string) => { safeParse(v: unknown): ReturnType<S['safeParse']> } {
  let clock: { now: Date; zone: string } | null = null;
  const refined = base.superRefine((v, ctx) => {
    if (clock) occurredByNow(clock.now, clock.zone)(v as { occurredAt?: string; timePrecision?: string }, ctx);
  });
  return (now, zone) => ({
    safeParse(v) {
      const outer = clock;
      clock = { now, zone };
      try {
        return refined.safeParse(v) as ReturnType<S['safeParse']>;
      } finally {
        clock = outer;
      }
    },
  });
}

/** A calendar date `YYYY-MM-DD`. */
export const CalendarDate = z
  .string({ error: 'must be a date string' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'is not a real calendar date',
  );

export const Count = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'cannot be negative')
  .max(MAX_COUNT, `cannot exceed ${MAX_COUNT}`);

/**
 * An "at least" figure with an optional "up to" figure. `low: null` means the source gave no figure
 * ("not reported"), which is not a reported 0: totals skip it and count the record as lacking one.
 */
export const Figure = z
  .strictObject({
    low: Count.nullable().default(null),
    high: Count.nullable().default(null),
  })
  .refine((f) => f.high === null || f.low !== null, {
    message: 'an "up to" figure needs an "at least" figure (give 0 if the source says none)',
    path: ['low'],
  })
  .refine((f) => f.high === null || f.low === null || f.high >= f.low, {
    message: 'the "up to" figure must be at least the "at least" figure',
    path: ['high'],
  });
export type Figure = z.output<typeof Figure>;

const NOT_REPORTED = { low: null, high: null };

// Strict: a misspelt category or side ("wounded") is an error, not silently dropped.
const figureByCategory = z.strictObject(
  Object.fromEntries(CASUALTY_CATEGORIES.map((c) => [c, Figure.default(NOT_REPORTED)])) as {
    [K in (typeof CASUALTY_CATEGORIES)[number]]: z.ZodDefault<typeof Figure>;
  },
);

/** Killed and injured per category; a category or side left out is not reported. */
export const Casualties = z.strictObject({
  killed: figureByCategory.default(() => figureByCategory.parse({})),
  injured: figureByCategory.default(() => figureByCategory.parse({})),
});
export type Casualties = z.output<typeof Casualties>;

/** A count the source may not give: null is "not reported", distinct from a reported 0. */
export const OptionalCount = Count.nullable().default(null);

export const emptyCasualties = (): Casualties => Casualties.parse({});

/** A link a reader may follow: http or https only (no javascript:, data:, file:). */
export const HttpUrl = z
  .string()
  .trim()
  .max(2000, 'is too long')
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'must be a full http(s) address, e.g. https://example.org/report');

export const Source = z.object({
  name: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(200, 'is too long (200 characters at most)'),
  url: HttpUrl.nullable().default(null),
  publishedAt: CalendarDate.nullable().default(null),
});
export type Source = z.output<typeof Source>;

export const Sources = z.array(Source).max(50, 'at most 50 sources').default([]);

/** An optional link (empty means none), http or https only like every link field. */
export const OptionalHttpUrl = z
  .union([z.literal(''), z.null(), HttpUrl], {
    error: 'must be a full http(s) address, e.g. https://example.org/report',
  })
  .default(null)
  .transform((s) => (s === '' || s === null ? null : s));

export const OptionalText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, `is too long (${max} characters at most)`)
    .nullable()
    .default(null)
    .transform((s) => (s === '' ? null : s));

export const Latitude = z
  .number({ error: 'must be a number' })
  .min(-90, 'must be between -90 and 90')
  .max(90, 'must be between -90 and 90');
export const Longitude = z
  .number({ error: 'must be a number' })
  .min(-180, 'must be between -180 and 180')
  .max(180, 'must be between -180 and 180');

export const Version = z.number({ error: 'is required (the version you edited)' }).int().min(1);

export const RetractInput = z.object({
  version: Version.optional(),
  reason: z
    .string({ error: 'is required' })
    .trim()
    .min(3, 'give a reason (3 characters at least)')
    .max(1000, 'is too long (1000 characters at most)'),
});
export type RetractInput = z.output<typeof RetractInput>;

/** Fields every versioned, retractable record carries in its read shape. */
export interface Versioned {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  retractedAt: string | null;
  retractedBy: string | null;
  retractionReason: string | null;
}

/** A zod enum whose message lists the allowed values. */
export const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')} (${what})` });

/**
 * An actor as the source names it, verbatim, with its role and (for ACLED) the inter code as
 * written ("1" or "State forces"). The matched group is derived from these, never the reverse.
 */
export const Actor = z.strictObject({
  role: z.enum(ACTOR_ROLES, { error: `must be one of: ${ACTOR_ROLES.join(', ')}` }),
  name: z.string({ error: 'must be text' }).trim().min(1, 'is required').max(300, 'is too long'),
  inter: z.string({ error: 'must be text' }).trim().max(60, 'is too long').nullable().default(null),
});
export type Actor = z.output<typeof Actor>;
export const Actors = z.array(Actor).max(20, 'at most 20 actors').default([]);

/**
 * What a source said that the record has no field for, kept verbatim under the source's own column
 * names (UCDP's best/low/high, GTD's doubtterr, attack and weapon types). Shown with the record's
 * provenance; never counted.
 */
export const SourceFields = z
  .record(
    z.string().min(1).max(60, 'is too long'),
    z.union([z.string().max(2000, 'is too long (2000 characters at most)'), z.number(), z.boolean(), z.null()]),
    { error: 'must be an object of the source’s column names and values' },
  )
  .refine((o) => Object.keys(o).length <= 80, 'at most 80 source fields')
  .nullable()
  .default(null);
export type SourceFields = z.output<typeof SourceFields>;

/** The last day of an event that spans several (the source's end date), or null for a single day. */
export const OccurredUntil = CalendarDate.nullable().default(null);

/** An end date cannot come before the start's day. */
export function checkSpan(v: { occurredAt?: string; occurredUntil?: string | null }, ctx: z.RefinementCtx) {
  if (typeof v.occurredAt !== 'string' || !v.occurredUntil) return;
  if (/^\d{4}-\d{2}-\d{2}/.test(v.occurredAt) && v.occurredUntil < v.occurredAt.slice(0, 10))
    ctx.addIssue({ code: 'custom', path: ['occurredUntil'], message: 'is before the start date' });
}
