/**
 * The stats responses in the API document, written from core/stats/stats-types.ts (plain
 * interfaces, so there is no zod schema to derive them from); tests/server/openapi.test.ts checks
 * a live answer of every stats endpoint against these schemas.
 */
import {
  CASUALTY_CATEGORIES,
  COUNTRIES,
  INCIDENT_CATEGORIES,
  INCIDENT_TYPES,
  PROVINCES,
  TARGET_TYPES,
  TIME_PRECISIONS,
  VERIFICATION_STATUSES,
} from '../../core/enums';
import { BREAKDOWN_DIMENSIONS, BUCKETS } from '../../core/stats/stats-types';
import type { JsonSchema } from './openapi-components';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const int = (description?: string) => ({ type: 'integer', ...(description ? { description } : {}) });
const object = (properties: Record<string, unknown>, description?: string): JsonSchema => ({
  type: 'object',
  required: Object.keys(properties),
  properties,
  ...(description ? { description } : {}),
});
const byKeys = (keys: readonly string[], value: unknown) => object(Object.fromEntries(keys.map((k) => [k, value])));
const instant = { type: 'string', format: 'date-time' };
const zone = { type: 'string', description: 'The reporting time zone (IANA name) of every day, week, month and hour' };
const period = { from: { type: ['string', 'null'], format: 'date-time' }, to: instant };

/** Properties that may be absent: listed, but kept out of `required`. */
const withOptional = (schema: JsonSchema, optional: Record<string, unknown>): JsonSchema => ({
  ...schema,
  properties: { ...(schema.properties as object), ...optional },
});

function breakdownRow(): JsonSchema {
  const row = object({
    key: {
      type: 'string',
      description:
        'The filter value of the row: a value, "other" (named actors that are none of our groups), "unknown" (no perpetrator named), "others" (groups past the top N)',
    },
    label: { type: 'string' },
    kind: { type: 'string', enum: ['value', 'others', 'other', 'unknown'] },
    incidents: int(),
    killed: ref('Figures'),
    injured: ref('Figures'),
    share: { type: 'number', minimum: 0, maximum: 1, description: 'Share of the breakdown’s incidents' },
  });
  // `members` only on the "others" row, so it stays out of `required`.
  return { ...row, properties: { ...(row.properties as object), members: int('For "others": values folded in') } };
}

export function statsComponents(): Record<string, JsonSchema> {
  return {
    Figures: object(
      {
        low: int('Sum of the "at least" figures that were reported'),
        high: int('Sum of the "up to" figures where given, else the "at least" ones'),
        missing: int('Records in the total that report no such figure ("not reported", not 0)'),
      },
      'An "at least" total: `low`/`high` sum the reported figures, `missing` counts the records without one',
    ),
    CasualtySummary: object({
      total: { ...ref('Figures'), description: '`missing`: incidents with no figure in any category' },
      byCategory: byKeys(CASUALTY_CATEGORIES, ref('Figures')),
    }),
    TriStateShare: object({
      yes: int(),
      no: int(),
      unknown: int(),
      share: { type: ['number', 'null'], description: 'yes / (yes + no); null when nothing is known' },
    }),
    OperationTotals: object({
      records: int('Operation records'),
      operations: int('Sum of the records’ counts'),
      militantsKilled: int(),
      militantsArrested: int(),
      securityKilled: int(),
      securityInjured: int(),
      missing: {
        ...byKeys(['militantsKilled', 'militantsArrested', 'securityKilled', 'securityInjured'], int()),
        description: 'Records that report no such figure',
      },
    }),
    PeriodSummary: object({
      ...period,
      incidents: int(),
      incidentsWithHigh: int('Incidents with at least one "up to" figure'),
      killed: ref('CasualtySummary'),
      injured: ref('CasualtySummary'),
      operations: ref('OperationTotals'),
      crossBorder: ref('TriStateShare'),
      foreignNationals: ref('TriStateShare'),
    }),
    StatsSummary: object({
      zone,
      categories: {
        type: 'array',
        items: { type: 'string', enum: [...INCIDENT_CATEGORIES] },
        description: 'The incident categories the figures count (militant violence unless `category` names others)',
      },
      position: ref('Position'),
      current: ref('PeriodSummary'),
      previous: { anyOf: [ref('PeriodSummary'), { type: 'null' }], description: 'The previous equal period' },
    }),
    TimeseriesPoint: withOptional(
      object({
        start: instant,
        end: instant,
        day: { type: 'string', format: 'date', description: 'The local calendar day the bucket starts on' },
        partial: { type: 'boolean', description: 'The bucket is cut by the period’s edge' },
        incidents: int(),
        byType: byKeys(INCIDENT_TYPES, int()),
        operations: int(),
        militantsKilled: int(),
        militantsArrested: int(),
        killed: byKeys(CASUALTY_CATEGORIES, int()),
        injured: byKeys(CASUALTY_CATEGORIES, int()),
        killedHigh: int(),
        injuredHigh: int(),
        killedMissing: int('Incidents reporting no killed figure in any category'),
        injuredMissing: int('Incidents reporting no injured figure in any category'),
        militantsKilledMissing: int('Operation records without a militants killed figure'),
        militantsArrestedMissing: int('Operation records without a militants arrested figure'),
      }),
      { time: { type: 'string', description: 'For hour buckets: the local time the bucket starts (HH:MM)' } },
    ),
    StatsTimeseries: object({
      ...period,
      zone,
      position: ref('Position'),
      bucket: { type: 'string', enum: [...BUCKETS] },
      points: { type: 'array', items: ref('TimeseriesPoint') },
    }),
    BreakdownRow: breakdownRow(),
    StatsBreakdown: object({
      ...period,
      zone,
      position: ref('Position'),
      by: { type: 'string', enum: [...BREAKDOWN_DIMENSIONS] },
      rows: { type: 'array', items: ref('BreakdownRow') },
      total: object({ incidents: int(), killed: ref('Figures'), injured: ref('Figures') }),
    }),
    IncidentBrief: object(
      {
        id: { type: 'string' },
        version: int(),
        occurredAt: instant,
        timePrecision: { type: 'string', enum: [...TIME_PRECISIONS] },
        createdAt: instant,
        country: { type: 'string', enum: [...COUNTRIES] },
        province: { type: 'string', enum: [...PROVINCES] },
        district: { type: ['string', 'null'] },
        place: { type: ['string', 'null'] },
        latitude: { type: ['number', 'null'] },
        longitude: { type: ['number', 'null'] },
        type: { type: 'string', enum: [...INCIDENT_TYPES] },
        targetType: { type: 'string', enum: [...TARGET_TYPES] },
        groupId: { type: ['string', 'null'] },
        groupName: { type: ['string', 'null'] },
        namedActor: {
          type: ['string', 'null'],
          description: 'Without a group: the perpetrator as the source names it (none of our groups), else null',
        },
        killed: ref('Figures'),
        injured: ref('Figures'),
        verification: { type: 'string', enum: [...VERIFICATION_STATUSES] },
        retractedAt: { type: ['string', 'null'], format: 'date-time' },
        retractionReason: { type: ['string', 'null'] },
        synthetic: { type: 'boolean' },
      },
      'An incident as the feed and the map show it: totals instead of the casualty grid, no sources or summary',
    ),
    OverviewIncidents: object({
      position: ref('Position'),
      feed: { type: 'array', items: ref('IncidentBrief'), description: 'Newest first' },
      points: { type: 'array', items: ref('IncidentBrief'), description: 'Located incidents, newest first' },
      synthetic: { type: 'boolean', description: 'Synthetic (demo) records are present' },
    }),
    RecordedValue: object(
      {
        measure: { type: 'string', description: 'What is counted (the figure’s `comparableTo`)' },
        value: { type: 'number', description: 'The sum of the reported figures ("at least" when `missing` > 0)' },
        missing: int('Records in the period that report no such figure'),
        records: int('Records (incidents, or operation records) the value sums'),
        period: object(period),
      },
      'What this dashboard recorded for the figure’s period',
    ),
    OverviewDuplicates: object({
      position: ref('Position'),
      count: int('Unresolved duplicate candidates whose earlier record falls in the period'),
    }),
    OverviewReference: object({
      position: ref('Position'),
      comparisons: {
        type: 'array',
        items: object({
          figure: ref('ReferenceFigure'),
          recorded: { anyOf: [ref('RecordedValue'), { type: 'null' }] },
        }),
      },
    }),
    StatsOverview: object({
      zone,
      position: ref('Position'),
      summary: ref('StatsSummary'),
      timeseries: ref('StatsTimeseries'),
      breakdowns: byKeys(BREAKDOWN_DIMENSIONS, ref('StatsBreakdown')),
    }),
  };
}
