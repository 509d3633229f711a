/**
 * Saved views and alert rules: one zod schema per input (API, page and tests share them) and the
 * read shapes. Filters are the stats query parameters (core/stats/stats-query.ts), arrays for
 * multi-valued ones, checked by the same parser the dashboard uses (core/alert/alert-filters.ts).
 */
import { z } from 'zod';

export const DELIVERY_OUTCOMES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

const Name = z.string({ error: 'is required' }).trim().min(1, 'is required').max(120, 'is at most 120 characters');

/** `{"province":["Balochistan"],"range":"7d"}`: validated against the stats parser in the verbs. */
const FilterRecord = z.record(
  z.string(),
  z.union([z.string().max(2000), z.array(z.string().max(200)).max(100)], {
    error: 'must be a string or an array of strings',
  }),
  { error: 'must be an object of stats query parameters' },
);
export const ViewFilters = FilterRecord.default({});
export type ViewFilters = Record<string, string | string[]>;

export const CreateSavedViewInput = z.strictObject({
  name: Name,
  filters: ViewFilters,
  /** Admins only: every signed-in user sees the view. */
  shared: z.boolean({ error: 'must be true or false' }).default(false),
});
export type CreateSavedViewInput = z.input<typeof CreateSavedViewInput>;

export const UpdateSavedViewInput = z.strictObject({
  name: Name.optional(),
  filters: FilterRecord.optional(),
  shared: z.boolean({ error: 'must be true or false' }).optional(),
});
export type UpdateSavedViewInput = z.input<typeof UpdateSavedViewInput>;

export interface SavedView {
  id: string;
  name: string;
  filters: ViewFilters;
  ownerId: string;
  shared: boolean;
  createdAt: string;
  updatedAt: string;
}

const Measure = z.enum(['incidents', 'killed'], { error: 'must be "incidents" or "killed"' });
export type Measure = z.infer<typeof Measure>;
const int = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

export const EachTrigger = z.strictObject({
  type: z.literal('each'),
  entity: z.enum(['incident', 'operation'], { error: 'must be "incident" or "operation"' }).default('incident'),
  /** A correction that changes the killed figures ("at least") by this much or more alerts again; null = never. */
  killedChange: int(1, 100_000).nullable().default(null),
  /** Records that happened longer ago than this (a backfill import) do not alert. */
  maxAgeDays: int(1, 36_500).default(30),
});
export const ThresholdTrigger = z.strictObject({
  type: z.literal('threshold'),
  measure: Measure,
  windowHours: int(1, 24 * 366),
  atLeast: int(1, 1_000_000),
});
export const SpikeTrigger = z.strictObject({
  type: z.literal('spike'),
  measure: Measure.default('incidents'),
  currentDays: int(1, 90).default(7),
  baselineDays: int(7, 730).default(84),
  /** Alert when the Poisson upper-tail p-value is at most this … */
  maxP: z.number({ error: 'must be a number' }).gt(0, 'must be above 0').max(0.5, 'must be at most 0.5').default(0.01),
  /** … and the current window is at least this many times the expected count … */
  minRatio: z.number({ error: 'must be a number' }).min(1, 'must be at least 1').max(1000).default(2),
  /** … and at least this many were counted (three records are not a trend). */
  minCount: int(1, 1_000_000).default(3),
});
export const Trigger = z.discriminatedUnion('type', [EachTrigger, ThresholdTrigger, SpikeTrigger], {
  error: 'must be an object with type "each", "threshold" or "spike"',
});
export type Trigger = z.output<typeof Trigger>;
export type EachTrigger = z.output<typeof EachTrigger>;
export type ThresholdTrigger = z.output<typeof ThresholdTrigger>;
export type SpikeTrigger = z.output<typeof SpikeTrigger>;

const WebhookUrl = z
  .string({ error: 'is required' })
  .trim()
  .max(2000, 'is too long')
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be a full http(s) address');

export const Channel = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('in_app') }),
    z.strictObject({ type: z.literal('browser') }),
    z.strictObject({
      type: z.literal('webhook'),
      url: WebhookUrl,
      /** json: our body; slack / teams: a body those incoming webhooks accept. */
      format: z.enum(['json', 'slack', 'teams'], { error: 'must be json, slack or teams' }).default('json'),
    }),
    z.strictObject({ type: z.literal('email'), to: z.email({ error: 'must be an email address' }).max(320) }),
  ],
  { error: 'must be an object with type in_app, browser, webhook or email' },
);
export type Channel = z.output<typeof Channel>;
export type ChannelType = Channel['type'];

const Channels = z
  .array(Channel, { error: 'must be a list of channels' })
  .min(1, 'give at least one channel')
  .max(10, 'at most 10 channels');
const Digest = int(1, 7 * 24 * 60).nullable();

export const CreateAlertRuleInput = z.strictObject({
  name: Name,
  /** The saved view the rule watches; its filters are copied when `filters` is not given. */
  viewId: z.uuid({ error: 'must be a saved view id' }).nullable().default(null),
  filters: FilterRecord.optional(),
  trigger: Trigger,
  channels: Channels,
  /** At most one message per this many minutes per channel (in-app alerts are never held back). */
  digestMinutes: Digest.default(null),
  enabled: z.boolean({ error: 'must be true or false' }).default(true),
});
export type CreateAlertRuleInput = z.input<typeof CreateAlertRuleInput>;

export const UpdateAlertRuleInput = z.strictObject({
  version: int(1, 2_000_000_000),
  name: Name.optional(),
  viewId: z.uuid({ error: 'must be a saved view id' }).nullable().optional(),
  filters: FilterRecord.optional(),
  trigger: Trigger.optional(),
  channels: Channels.optional(),
  digestMinutes: Digest.optional(),
  enabled: z.boolean({ error: 'must be true or false' }).optional(),
});
export type UpdateAlertRuleInput = z.input<typeof UpdateAlertRuleInput>;

/** A webhook channel as stored: its signing secret is kept, and shown only once. */
export type StoredChannel = Channel & { secret?: string };

export interface AlertRuleRecord {
  id: string;
  name: string;
  ownerId: string;
  viewId: string | null;
  filters: ViewFilters;
  trigger: Trigger;
  channels: StoredChannel[];
  digestMinutes: number | null;
  enabled: boolean;
  cursor: { epoch: string; seq: number };
  state: WindowState;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What the API returns: channels without secrets. */
export type AlertRule = Omit<AlertRuleRecord, 'channels'> & { channels: Channel[] };

export interface WindowState {
  /** The last evaluation was at or above the line: alert again only after it falls below. */
  above?: boolean;
  /** Why the rule could not be evaluated (its filters no longer parse); cleared by an edit. */
  problem?: string;
}

export const publicRule = (r: AlertRuleRecord): AlertRule => ({
  ...r,
  channels: r.channels.map(({ secret: _secret, ...c }) => c as Channel),
});
