/** The environment, parsed once at start (nothing else reads process.env). */
import { z } from 'zod';
import { DEFAULT_REPORT_ZONE, isTimeZone } from '../core/time/report-zone';
import { isSecretKey } from './sync/secret-box';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** This node's name for its import jobs (docs/adr/0031); by default host and port. Stable across restarts. */
  NODE_ID: z.string().min(1).max(200).optional(),
  /** postgres://…; without it the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().default('./data'),
  /** auto: load the synthetic demo set on the first start of an empty embedded database. */
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  /** 1: record a synthetic incident or operation every few minutes; unset: on with demo data on the embedded database. */
  DEMO_LIVE: z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional(),
  /** Mean seconds between live demo records. */
  DEMO_LIVE_EVERY_S: z.coerce.number().int().min(1).max(86_400).default(180),
  /** on: seed the missing reference data (groups, aliases, figures, timeline) at every start. */
  REFERENCE_DATA: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Anonymous visitors may read dashboards (writes always need an account). */
  PUBLIC_DASHBOARD: flag,
  /** The address people use to reach the app (cookies, CSRF origin checks). */
  BASE_URL: z.string().url().optional(),
  /** Further origins whose pages may use a signed-in session (comma-separated, e.g. another front end). */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const out: string[] = [];
      for (const item of v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        let url: URL | null = null;
        try {
          url = new URL(item);
        } catch {
          // reported below
        }
        if (!url || !/^https?:$/.test(url.protocol) || url.origin !== item.replace(/\/$/, '')) {
          ctx.addIssue({ code: 'custom', message: `"${item}" is not an origin (scheme://host[:port])` });
          continue;
        }
        out.push(url.origin);
      }
      return out;
    }),
  /** Secret for session signing; when absent, generated once and kept in the database (app_secrets, server/auth/auth-service.ts). */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * On SIGTERM: how long a node spends draining its live clients (told to reconnect, with jitter,
   * within this time; what is left is closed after it). 0: close at once.
   */
  LIVE_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Full exports streaming at once on one node; more are answered 429 with Retry-After. */
  MAX_CONCURRENT_EXPORTS: z.coerce.number().int().min(1).max(100).default(3),
  // Sign-in attempts per address per minute (the per-account backoff comes on top).
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Killed at or above which an incident is a mass-casualty event. */
  MASS_CASUALTY_THRESHOLD: z.coerce.number().int().min(1).default(10),
  /** The IANA zone of every day, week, month and hour counted or shown (rollups are keyed by it). */
  REPORT_TIMEZONE: z
    .string()
    .default(DEFAULT_REPORT_ZONE)
    .refine(isTimeZone, 'must be an IANA time zone name, e.g. Asia/Karachi or Europe/London'),
  /** Alert email through SMTP (smtp://user:pass@host:587, smtps://…); without it email alerts are off. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().default('Border Watch <alerts@localhost>'),
  /** Key that seals stored credentials (32 bytes, base64 or hex); without it a key file in DATA_DIR (server/sync/secret-box.ts). */
  SECRETS_KEY: z
    .string()
    .refine((v) => isSecretKey(v), 'must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32)')
    .optional(),
  /** ACLED's API (the sync's OAuth token and read endpoints live under it). */
  ACLED_API_URL: z.string().url().default('https://acleddata.com'),
  /** Rows per page the sync asks ACLED for (its `limit`). */
  ACLED_SYNC_PAGE_SIZE: z.coerce.number().int().min(1).max(100_000).default(5000),
  /** Seconds between the scheduler's checks whether a sync is due. */
  ACLED_SYNC_TICK_S: z.coerce.number().int().min(1).max(3600).default(60),
  /** Internal webhook targets alerts may call (hosts, addresses, CIDRs; comma-separated). */
  ALERT_WEBHOOK_ALLOW: z.string().optional(),
});
export type Env = z.infer<typeof Env>;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable (`BASE_URL=`) means "not set", as shells and compose files often write it.
  const given = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = Env.safeParse(given);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
