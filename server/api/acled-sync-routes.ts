/**
 * The ACLED API sync, for admins: its status (last run, next run, reports), the account (write-only:
 * never returned), the schedule, and a run on demand (server/sync/acled-sync-service.ts).
 */
import { parseInput } from '../../core/errors';
import { DomainError } from '../../core/errors';
import { requirePrincipal } from '../auth/guards';
import { AcledAccountInput, AcledSyncSettingsInput } from '../sync/acled-sync-service';
import { acledSyncOf } from '../sync/start-acled-sync';
import { readJson } from './json-body';
import { REPORT_SCHEMA } from './import';
import { mount, type RouteModule } from './route-spec';

const ERRORS = {
  400: { description: 'Invalid input: `fields` names each bad field', schema: 'Error' },
  401: { description: 'Not signed in', schema: 'Error' },
  403: { description: 'Not an admin', schema: 'Error' },
};

const RUN_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    trigger: { enum: ['schedule', 'manual'] },
    actor: { type: 'string' },
    state: { enum: ['running', 'succeeded', 'failed'] },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    eventsSince: { type: ['integer', 'null'], description: 'ACLED `timestamp` the run asked from (null: first sync)' },
    deletedSince: { type: ['integer', 'null'] },
    error: { type: ['string', 'null'] },
    result: {
      type: ['object', 'null'],
      properties: {
        report: { oneOf: [{ type: 'null' }, REPORT_SCHEMA], description: 'The import report of the events read' },
        deletions: {
          type: 'object',
          description:
            "ACLED's deleted-events feed for Pakistan and Afghanistan: listed = retracted + alreadyRetracted + notHeld + errors",
          properties: {
            listed: { type: 'integer' },
            retracted: { type: 'integer' },
            alreadyRetracted: { type: 'integer' },
            notHeld: { type: 'integer' },
            errors: { type: 'array', items: { type: 'object' } },
          },
        },
        cursor: { type: 'object' },
        pages: { type: 'object', properties: { events: { type: 'integer' }, deleted: { type: 'integer' } } },
        requests: { type: 'integer' },
        rateLimitWaits: { type: 'integer' },
        reauthentications: { type: 'integer' },
      },
    },
  },
};

const STATUS_SCHEMA = {
  type: 'object',
  properties: {
    account: {
      type: 'object',
      description: 'Whether an account is stored (never the account itself)',
      properties: { configured: { type: 'boolean' }, savedAt: { type: ['string', 'null'] } },
    },
    settings: {
      type: 'object',
      properties: {
        enabled: { type: 'boolean' },
        intervalHours: { type: 'integer' },
        operations: { type: 'boolean' },
        firstFrom: { type: ['string', 'null'], format: 'date' },
      },
    },
    apiUrl: { type: 'string' },
    keySource: { type: 'string', description: 'Where the sealing key comes from: SECRETS_KEY or the key file' },
    cursor: { type: 'object' },
    lastSuccessAt: { type: ['string', 'null'] },
    failures: { type: 'integer', description: 'Failed runs in a row (the backoff grows with it)' },
    nextRunAt: { type: ['string', 'null'], description: 'Next scheduled run; null when disabled or without account' },
    running: { type: 'boolean' },
    runs: { type: 'array', items: RUN_SCHEMA, description: 'The last 10 runs, newest first' },
  },
};

export const acledSyncRoutes: RouteModule = (app, runtime) => {
  const service = () => acledSyncOf(runtime);
  mount(app, runtime, [
    {
      method: 'get',
      path: '/api/acled-sync',
      access: 'admin',
      tag: 'Import and export',
      summary: 'ACLED API sync: account configured, schedule, last and next run, the last runs’ reports',
      handler: async (c) => c.json(await service().status()),
      responses: { 200: { description: 'The status', schema: STATUS_SCHEMA }, ...ERRORS },
    },
    {
      method: 'patch',
      path: '/api/acled-sync',
      access: 'admin',
      tag: 'Import and export',
      summary:
        'Change the schedule: enabled, intervalHours (1–720), operations, firstFrom (the earliest event date synced; null: all history)',
      body: AcledSyncSettingsInput,
      bodyRequired: true,
      handler: async (c) => {
        const principal = await requirePrincipal(c, runtime);
        const input = parseInput(AcledSyncSettingsInput, await readJson(c));
        return c.json(await service().updateSettings(input, principal.actor));
      },
      responses: { 200: { description: 'The new status', schema: STATUS_SCHEMA }, ...ERRORS },
    },
    {
      method: 'post',
      path: '/api/acled-sync/account',
      access: 'admin',
      tag: 'Import and export',
      summary: 'Store the ACLED account (sealed with AES-256-GCM; never returned or logged)',
      body: AcledAccountInput,
      bodyRequired: true,
      handler: async (c) => {
        const principal = await requirePrincipal(c, runtime);
        await service().saveAccount(await readJson(c), principal.actor);
        return c.json(await service().status());
      },
      responses: { 200: { description: 'Stored; the status', schema: STATUS_SCHEMA }, ...ERRORS },
    },
    {
      method: 'delete',
      path: '/api/acled-sync/account',
      access: 'admin',
      tag: 'Import and export',
      summary: 'Remove the stored ACLED account (the schedule stops until one is entered)',
      handler: async (c) => {
        const principal = await requirePrincipal(c, runtime);
        await service().removeAccount(principal.actor);
        return c.json(await service().status());
      },
      responses: { 200: { description: 'Removed (or there was none); the status', schema: STATUS_SCHEMA }, ...ERRORS },
    },
    {
      method: 'post',
      path: '/api/acled-sync/run',
      access: 'admin',
      tag: 'Import and export',
      summary: 'Sync now: starts a run and answers at once; poll GET /api/acled-sync for its report',
      handler: async (c) => {
        const principal = await requirePrincipal(c, runtime);
        const started = await service().runNow(principal.actor);
        if (!started)
          throw new DomainError('conflict', 'A sync is already running; its report will appear when it ends.', {
            run: 'is in progress',
          });
        return c.json({ runId: started.runId }, 202);
      },
      responses: {
        202: { description: 'Started: `{ runId }`' },
        ...ERRORS,
        409: {
          description: 'A run is in progress (on this node or another), or no account is stored',
          schema: 'Error',
        },
      },
    },
  ]);
};
