/**
 * The stats query: core/filters' IncidentFilter plus a period preset (`range=24h`, resolved against
 * the server's clock so a shared link means "the last 24 hours" whenever it is opened), and the
 * per-endpoint parameters. Unknown parameters are refused: a typo such as `provinces=KP` would
 * otherwise silently widen the numbers a manager reads.
 */
import { z } from 'zod';
import { fieldsFromZod, ValidationError } from '../errors';
import { MILITANT_CATEGORIES } from '../enums';
import { IncidentFilter, resolveFilterDates } from '../filters';
import { DEFAULT_TOP_GROUPS } from './breakdown';
import { PERIOD_PRESETS, presetPeriod, type PeriodPreset } from './period';
import { BREAKDOWN_DIMENSIONS, BUCKETS, type BreakdownDimension, type Bucket, type Period } from './stats-types';

export type RawParams = Record<string, string | string[]>;

const FILTER_KEYS = ['from', 'to', 'country', 'province', 'group', 'type', 'category', 'target', 'status'] as const;
const KNOWN = new Set<string>([...FILTER_KEYS, 'range', 'bucket', 'by', 'top', 'retracted']);

const Extras = z.object({
  range: z.enum(PERIOD_PRESETS, { error: `must be one of: ${PERIOD_PRESETS.join(', ')}` }).optional(),
  bucket: z.enum(BUCKETS, { error: `must be one of: ${BUCKETS.join(', ')}` }).optional(),
  by: z.enum(BREAKDOWN_DIMENSIONS, { error: `must be one of: ${BREAKDOWN_DIMENSIONS.join(', ')}` }).optional(),
  top: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(50, 'must be at most 50')
    .optional(),
});

/**
 * The query parameters of each stats endpoint, as one schema per endpoint for the API document.
 * parseStatsQuery validates with the same parts (the filter and the extras above).
 */
const { retracted: _lists, ...filterShape } = IncidentFilter.shape;
export const StatsQueryParams = {
  summary: z.object({ ...filterShape, range: Extras.shape.range }),
  timeseries: z.object({ ...filterShape, range: Extras.shape.range, bucket: Extras.shape.bucket }),
  breakdown: z.object({
    ...filterShape,
    range: Extras.shape.range,
    by: Extras.shape.by.unwrap(),
    top: Extras.shape.top,
  }),
  overview: z.object({
    ...filterShape,
    range: Extras.shape.range,
    bucket: Extras.shape.bucket,
    top: Extras.shape.top,
  }),
} as const;

export interface StatsQuery {
  /** The filter with `from`/`to` set to the resolved period. */
  filter: IncidentFilter;
  period: Period;
  /** The preset the period came from, or null for a custom (or open) range. */
  preset: PeriodPreset | null;
  bucket?: Bucket;
  by?: BreakdownDimension;
  top: number;
  /** The reporting time zone (REPORT_TIMEZONE): of every day, week, month and hour of the answer. */
  zone: string;
  /** The period ends at the clock's now (a preset, or no `to`): its answer changes with time too. */
  clockEnd?: boolean;
}

/**
 * Parses query parameters; throws a ValidationError naming each bad field. Without `range`,
 * `from` or `to`, the period is `defaultPreset` (the dashboard uses 30 d) or all time (the API).
 */
export function parseStatsQuery(
  params: RawParams,
  now: Date,
  opts: { zone: string; defaultPreset?: PeriodPreset },
): StatsQuery {
  const fields: Record<string, string> = {};
  for (const k of Object.keys(params)) if (!KNOWN.has(k)) fields[k] = 'is not a stats parameter';
  const filter = IncidentFilter.safeParse(params);
  if (!filter.success) Object.assign(fields, fieldsFromZod(filter.error));
  const extras = Extras.safeParse(params);
  if (!extras.success) Object.assign(fields, fieldsFromZod(extras.error));
  if (params.retracted !== undefined) fields.retracted = 'stats never count retracted records';
  if (params.range !== undefined && (params.from !== undefined || params.to !== undefined)) {
    fields.range = 'give either a preset range or from/to, not both';
  }
  if (Object.keys(fields).length > 0 || !filter.success || !extras.success) throw new ValidationError(fields);

  const f = resolveFilterDates(filter.data, opts.zone);
  const { range, bucket, by, top } = extras.data;
  let preset: PeriodPreset | null = range ?? null;
  if (!preset && !f.from && !f.to && opts.defaultPreset) preset = opts.defaultPreset;
  let period: Period;
  if (preset) period = presetPeriod(preset, now);
  else {
    const to = f.to ?? now.toISOString();
    if (f.from && f.from >= to) throw new ValidationError({ to: 'must be after "from" (an open "to" means now)' });
    period = { from: f.from ?? null, to };
  }
  return {
    // Without a category the figures are militant violence: interstate fire and state violence
    // against civilians are counted only when named (docs/adr/0015-event-classification.md).
    filter: {
      ...f,
      category: f.category && f.category.length > 0 ? f.category : [...MILITANT_CATEGORIES],
      from: period.from ?? undefined,
      to: period.to,
    },
    period,
    preset,
    ...(bucket ? { bucket } : {}),
    ...(by ? { by } : {}),
    top: top ?? DEFAULT_TOP_GROUPS,
    zone: opts.zone,
    clockEnd: preset !== null || !f.to,
  };
}
