/**
 * The duplicate review queue's API (operators): list candidates, merge (an empty body takes the
 * default choices), dismiss ("not a duplicate", remembered), later, and split a merged incident.
 * Handlers parse, call the core verb and answer; a resolution is signalled live to every queue.
 */
import type { Context } from 'hono';
import { searchParamsToObject } from '../../core/filters';
import { parseInput } from '../../core/errors';
import { mergeCandidate, resolveCandidate, splitIncident } from '../../core/duplicate/duplicate-verbs';
import { CandidateFilter, CANDIDATE_STATUSES, MergeInput, MERGE_FIELDS, SplitInput } from '../../core/duplicate/schema';
import { listCandidates } from '../../db/duplicates/duplicate-reads';
import { duplicateServiceOf } from '../duplicates/start-duplicates';
import type { Answered } from '../../core/write/answer-once';
import { readJson } from './json-body';
import { mount, type RouteModule } from './route-spec';
import { callerCtx, idParam } from './write-helpers';

const ERRORS = {
  400: { description: 'Invalid input; `error.fields` names each bad field', schema: 'Error' },
  401: { description: 'Not signed in', schema: 'Error' },
  403: { description: 'Not an operator, or a cross-site request', schema: 'Error' },
  404: { description: 'No such candidate or incident', schema: 'Error' },
  409: {
    description:
      'Already resolved (or the incident has no merge to split, or `merged` is not merged into it), or an Idempotency-Key used with another request',
    schema: 'Error',
  },
};

const incident = { $ref: '#/components/schemas/Incident' };
const position = { $ref: '#/components/schemas/ChangePosition' };
const candidate = {
  type: 'object',
  required: ['id', 'incidentA', 'incidentB', 'score', 'reasons', 'status', 'day', 'provinces'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    incidentA: { type: 'string', format: 'uuid' },
    incidentB: { type: 'string', format: 'uuid' },
    score: { type: 'number', minimum: 0, maximum: 1 },
    reasons: { type: 'array', items: { type: 'string' } },
    status: { enum: [...CANDIDATE_STATUSES] },
    day: { type: 'string', format: 'date', description: 'The earlier record’s local day in the reporting zone' },
    provinces: { type: 'array', items: { type: 'string' } },
    foundAt: { type: 'string', format: 'date-time' },
    resolvedAt: { type: ['string', 'null'], format: 'date-time' },
    resolvedBy: { type: ['string', 'null'] },
    a: incident,
    b: incident,
  },
};

export const duplicateRoutes: RouteModule = (app, runtime) => {
  /** Signals the resolution live and answers; a replay (same Idempotency-Key) says so in a header. */
  const answered = <T>(
    c: Context,
    ids: string[],
    done: Answered<T>,
    body: (answer: T) => object = (a) => a as object,
  ) => {
    if (done.replayed) c.header('Idempotent-Replayed', 'true');
    else duplicateServiceOf(runtime)?.resolvedHere(ids);
    return c.json(body(done.answer));
  };
  const idempotencyKey = (c: Context) => c.req.header('idempotency-key');
  const resolve = (status: 'dismissed' | 'later') => async (c: Context) => {
    const id = idParam(c, 'Duplicate candidate');
    const done = await resolveCandidate({
      ctx: await callerCtx(c, runtime),
      id,
      status,
      idempotencyKey: idempotencyKey(c),
    });
    return answered(c, [id], done, (candidate) => ({ candidate }));
  };
  mount(app, runtime, [
    {
      method: 'get',
      path: '/api/duplicate-candidates',
      access: 'operator',
      tag: 'Duplicates',
      summary: 'List duplicate candidates',
      description:
        'Pairs of incident records that may be one event, highest score first (put-aside pairs last), each with both records and the reasons. ' +
        'Default status: open and later. `from`/`to` are local days of the reporting zone (inclusive) matched against the earlier record’s day; `province` matches either record.',
      query: CandidateFilter,
      handler: async (c) => {
        const filter = parseInput(CandidateFilter, searchParamsToObject(new URL(c.req.url).searchParams));
        c.header('Cache-Control', 'no-store');
        return c.json({ items: await listCandidates(runtime.database.db, filter) });
      },
      responses: {
        200: {
          description: '{ items }',
          schema: { type: 'object', properties: { items: { type: 'array', items: candidate } } },
        },
        ...ERRORS,
      },
    },
    {
      method: 'post',
      path: '/api/duplicate-candidates/{id}/merge',
      access: 'operator',
      tag: 'Duplicates',
      summary: 'Merge a candidate pair into one incident',
      description:
        'The survivor (default: the higher-confidence record: confirmed over reported, finer place, finer date, more sources, earlier recorded) keeps its fields unless `pick` names the other record for a group of fields (' +
        MERGE_FIELDS.join(', ') +
        '). Figures by the rule unless picked: per category, "at least" is the largest reported low and "up to" the largest high. Sources and actors are the union. ' +
        'The other record is retracted with the reason "merged into <survivor id>"; re-imports of its source id update the survivor. An empty body takes every default.',
      body: MergeInput,
      idempotent: true,
      handler: async (c) => {
        const id = idParam(c, 'Duplicate candidate');
        const input = await readJson(c, { optional: true });
        const merged = await mergeCandidate({
          ctx: await callerCtx(c, runtime),
          id,
          input,
          idempotencyKey: idempotencyKey(c),
        });
        return answered(c, [id], merged);
      },
      responses: {
        200: {
          description: 'The surviving incident, the records merged into it, the choices and the change-log position',
          schema: {
            type: 'object',
            properties: {
              incident,
              merged: { type: 'array', items: { type: 'object' } },
              choices: { type: 'object' },
              change: position,
            },
          },
        },
        ...ERRORS,
      },
    },
    {
      method: 'post',
      path: '/api/duplicate-candidates/{id}/dismiss',
      access: 'operator',
      tag: 'Duplicates',
      summary: 'Not a duplicate: the pair is never proposed again',
      idempotent: true,
      handler: resolve('dismissed'),
      responses: {
        200: { description: '{ candidate }', schema: { type: 'object', properties: { candidate } } },
        ...ERRORS,
      },
    },
    {
      method: 'post',
      path: '/api/duplicate-candidates/{id}/later',
      access: 'operator',
      tag: 'Duplicates',
      summary: 'Put a pair aside: still unresolved, shown after the open ones',
      idempotent: true,
      handler: resolve('later'),
      responses: {
        200: { description: '{ candidate }', schema: { type: 'object', properties: { candidate } } },
        ...ERRORS,
      },
    },
    {
      method: 'post',
      path: '/api/incidents/{id}/split',
      access: 'operator',
      tag: 'Duplicates',
      summary: 'Undo a merge into this incident',
      description:
        'Brings back the record named by `merged` (default, an empty body: the one merged in last) and marks the pair "not a duplicate". ' +
        'The incident gives back what that merge brought and nothing else: a field group, casualty figure or verification that still holds what the merges made it takes what the remaining merges make it (what the incident had before, when no other merge contributed); one edited since the merge keeps the edit. ' +
        'Sources and actors that merge brought, and no remaining merge brings, are removed. The restored record is a new version, live again.',
      body: SplitInput,
      idempotent: true,
      handler: async (c) => {
        const id = idParam(c, 'Incident');
        const input = await readJson(c, { optional: true });
        const split = await splitIncident({
          ctx: await callerCtx(c, runtime),
          id,
          input,
          idempotencyKey: idempotencyKey(c),
        });
        return answered(c, [], split);
      },
      responses: {
        200: {
          description: 'The incident, the restored record and the change-log position',
          schema: { type: 'object', properties: { incident, restored: incident, change: position } },
        },
        ...ERRORS,
      },
    },
  ]);
};
