/**
 * POST /api/import?format=acled|ucdp|gtd (format optional: picked from the header) and
 * POST /api/import/acled: a source CSV (multipart field `file`, or the raw body as text/csv)
 * streamed into the importer, answered with its report once done. GET /api/import/progress?job=ID:
 * how far a running import is, or how it ended (see import-jobs.ts); GET /api/import/jobs: the
 * caller's recent imports.
 *
 * Status codes: 200 with the report whenever the import ran, also when rows failed (the report's
 * `errors`/`stopped` say why); 422 with the report when the file is not an ACLED export or stopped
 * before its first row (a file of none of the formats: the report's `stopped` gives each format's reason); 409 when the group table is empty (nothing to match actors against); 413 past MAX_UPLOAD_BYTES (declared up front,
 * or counted while streaming: rows before the limit are saved, the message says how many); 415 for
 * another content type; 400 for bad parameters or a form without a file; 409 when the named job is
 * still running.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import { DomainError, NotFoundError, parseInput } from '../../core/errors';
import { isUnusableFile, type ImportProgress, type ImportReport } from '../../core/import/import-report';
import type { ByteInput } from '../../core/import/csv-records';
import { FORMAT_LABELS, IMPORT_FORMATS, type ImportFormat } from '../../core/import/source-adapter';
import { requirePrincipal } from '../auth/guards';
import type { Runtime } from '../runtime';
import { mount, type RouteModule } from './route-spec';
import { JOB_ID } from './import-jobs';
import {
  countedBody,
  MAX_UPLOAD_BYTES,
  multipartFile,
  tooLarge,
  uploadKind,
  type ByteCount,
  type MultipartFile,
} from './import-upload';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'], { error: 'must be 1 or 0' })
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const ImportQuery = z.object({ operations: flag });
export const ImportAnyQuery = z.object({
  operations: flag,
  format: z.enum(IMPORT_FORMATS, { error: `must be one of ${IMPORT_FORMATS.join(', ')}` }).optional(),
});
const ProgressQuery = z.object({
  job: z.string({ error: 'is required' }).regex(JOB_ID, 'must be the id sent as Import-Job'),
});

const JobsQuery = z.object({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
});

/** The upload's file name: the multipart part's, or an `Import-File-Name` header; at most 255 characters. */
function fileNameOf(c: Context, upload: MultipartFile | null): string | null {
  const name = upload?.fileName ?? c.req.header('import-file-name') ?? null;
  if (name === null) return null;
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? null : clean.slice(0, 255);
}

function jobIdOf(c: Context): string {
  const header = c.req.header('import-job')?.trim();
  if (header === undefined || header === '') return randomUUID();
  if (!JOB_ID.test(header))
    throw new DomainError('validation', 'Invalid Import-Job header: use 8 to 64 letters, digits, "-" or "_".', {
      'Import-Job': 'is malformed',
    });
  return header;
}

const declaredLength = (c: Context): number | null => {
  const n = Number(c.req.header('content-length'));
  return Number.isFinite(n) && n >= 0 ? n : null;
};

async function openInput(c: Context, count: ByteCount): Promise<{ input: ByteInput; upload: MultipartFile | null }> {
  const kind = uploadKind(c.req.header('content-type'));
  const body = c.req.raw.body;
  if (!body)
    throw new DomainError('validation', 'The request has no body: send the CSV file.', { file: 'is required' });
  const chunks = countedBody(body, MAX_UPLOAD_BYTES, count);
  if (kind === 'raw') return { input: chunks, upload: null };
  try {
    const upload = await multipartFile(chunks, c.req.header('content-type')!);
    return { input: upload.file, upload };
  } catch (err) {
    if (count.exceeded) throw tooLarge(MAX_UPLOAD_BYTES);
    throw err;
  }
}

/** `fixed`: the route's own format (/api/import/acled); else `format=` or the file's header decides. */
async function runImport(c: Context, runtime: Runtime, fixed?: ImportFormat): Promise<Response> {
  const principal = await requirePrincipal(c, runtime);
  const query = fixed
    ? { ...parseInput(ImportQuery, { operations: c.req.query('operations') }), format: fixed }
    : parseInput(ImportAnyQuery, { operations: c.req.query('operations'), format: c.req.query('format') });
  const { operations, format } = query;
  const declared = declaredLength(c);
  if (declared !== null && declared > MAX_UPLOAD_BYTES) throw tooLarge(MAX_UPLOAD_BYTES);
  const jobId = jobIdOf(c);
  const jobs = runtime.importJobs;
  const count: ByteCount = { bytes: 0, exceeded: false };
  // Opened before the job is registered, so the job carries the multipart part's file name.
  const opened = await openInput(c, count);
  const upload = opened.upload;
  let report: ImportReport;
  try {
    const started = await jobs.start({
      id: jobId,
      owner: principal.userId,
      actorId: principal.actor.id,
      format: format ?? null,
      fileName: fileNameOf(c, upload),
      totalBytes: declared,
    });
    if (!started) {
      throw new DomainError(
        'conflict',
        `Import job ${jobId} is still running; use a new Import-Job id for a new upload.`,
        { 'Import-Job': 'is in use' },
      );
    }
  } catch (err) {
    upload?.close();
    throw err;
  }
  c.header('Import-Job', jobId);
  let lastProgress: ImportProgress | null = null;
  try {
    report = await runtime.writes.importFile({
      ctx: runtime.ctx(principal.actor),
      input: opened.input,
      format,
      options: { operations },
      onProgress: (p) => {
        lastProgress = p;
        jobs.update(jobId, p);
      },
    });
  } catch (err) {
    await jobs.finish(jobId, { error: err instanceof Error ? err.message : String(err) });
    throw err;
  } finally {
    upload?.close();
  }
  runtime.log.info(
    {
      job: jobId,
      actor: principal.actor.label,
      rows: report.rows,
      imported: report.imported,
      updated: report.updated,
      errors: report.errorCount,
      stopped: report.stopped?.message,
      format: report.format,
    },
    `${report.format ? FORMAT_LABELS[report.format] : 'Source'} import finished`,
  );
  if (count.exceeded) {
    const saved = `; the ${report.imported + report.updated} rows read before the limit were saved`;
    await jobs.finish(jobId, { error: tooLarge(MAX_UPLOAD_BYTES, saved).message });
    throw tooLarge(MAX_UPLOAD_BYTES, saved);
  }
  await jobs.finish(jobId, { report, progress: finalProgress(report, lastProgress) });
  return c.json(report, isUnusableFile(report) ? 422 : 200);
}

/** The progress a finished job shows: the report's counts, and the bytes last read. */
function finalProgress(report: ImportReport, last: ImportProgress | null): ImportProgress {
  return {
    rows: report.rows,
    imported: report.imported,
    updated: report.updated,
    skipped: Object.values(report.skipped).reduce((a, b) => a + b, 0),
    errorCount: report.errorCount,
    bytesRead: last?.bytesRead ?? 0,
  };
}

export const REPORT_SCHEMA = {
  type: 'object',
  required: [
    'format',
    'rows',
    'imported',
    'updated',
    'changed',
    'unchanged',
    'skipped',
    'fatalities',
    'unmatchedActors',
    'errors',
    'errorCount',
    'stopped',
  ],
  properties: {
    format: {
      description: 'The format read (acled, ucdp, gtd), or null when the header matched none',
      oneOf: [{ type: 'null' }, { type: 'string', enum: [...IMPORT_FORMATS] }],
    },
    rows: {
      type: 'integer',
      description: 'Data records after the header; rows = imported + updated + Σ skipped + errorCount',
    },
    imported: { type: 'integer' },
    updated: {
      type: 'integer',
      description: 'Rows that matched a record by event id: changed + unchanged',
    },
    changed: { type: 'integer', description: 'Matched rows whose content differed: rewritten as a new version' },
    unchanged: { type: 'integer', description: 'Matched rows identical to the stored record: nothing written' },
    skipped: {
      type: 'object',
      additionalProperties: { type: 'integer' },
      description:
        'By reason: country_not_covered, outside_border_region, protest_or_riot, strategic_development, operation_not_requested, state_forces_only, no_armed_actor (docs/adr/0015); UCDP and GTD add their own (docs/adr/0022)',
    },
    fatalities: {
      type: 'object',
      description:
        "The rows' deaths as the source counts them (ACLED fatalities, UCDP best, GTD nkill) by outcome: imported + updated + Σ skipped + errors = total (the file total); updated = changed + unchanged",
      properties: {
        total: { type: 'integer' },
        imported: { type: 'integer' },
        updated: { type: 'integer' },
        changed: { type: 'integer' },
        unchanged: { type: 'integer' },
        skipped: { type: 'object', additionalProperties: { type: 'integer' } },
        errors: { type: 'integer' },
      },
    },
    unmatchedActors: {
      type: 'array',
      description: 'Named perpetrators (and operation targets) that matched no group, with the rows naming them',
      items: { type: 'object', properties: { name: { type: 'string' }, rows: { type: 'integer' } } },
    },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { line: { type: 'integer' }, message: { type: 'string' } } },
      description: 'The first 1,000 row errors, then `stopped` if set',
    },
    errorCount: { type: 'integer' },
    stopped: {
      description: 'Why reading stopped early (a file-level problem), or null',
      oneOf: [{ type: 'null' }, { type: 'object' }],
    },
  },
};

const COMMON_RESPONSES = (what: string) => ({
  200: {
    description: 'The import ran: its report (row errors and a file-level stop are in it)',
    schema: REPORT_SCHEMA,
  },
  400: { description: 'Bad parameter, or a form without a file', schema: 'Error' },
  422: {
    description: `${what}, or reading stopped before the first row: the report says why`,
    schema: REPORT_SCHEMA,
  },
  401: { description: 'Not signed in', schema: 'Error' },
  403: { description: 'Not an operator or admin', schema: 'Error' },
  409: {
    description: 'The Import-Job id names a running import, or the group table is empty',
    schema: 'Error',
  },
  413: { description: 'Larger than 200 MB', schema: 'Error' },
  415: { description: 'Neither multipart/form-data nor a CSV content type', schema: 'Error' },
});

export const importRoutes: RouteModule = (app, runtime) => {
  mount(app, runtime, [
    {
      method: 'post',
      path: '/api/import',
      access: 'operator',
      tag: 'Import and export',
      summary: 'Import a source CSV: ACLED, UCDP GED or GTD',
      description:
        'Body: the CSV as multipart/form-data field `file`, or raw with Content-Type text/csv; at most 200 MB, streamed. ' +
        '`format=acled|ucdp|gtd` names the format; without it the header decides (a file of none of them is refused, 422). ' +
        '`operations=1` imports state actions against militants as operations. Rows are matched by the source and its own event id (`ucdp:<id>`, `gtd:<eventid>`, `acled:<event_id_cnty>`): a re-import updates, never duplicates. ' +
        'Send header `Import-Job: <id you generated>` to poll GET /api/import/progress?job=<id> while it runs.',
      query: ImportAnyQuery,
      responses: COMMON_RESPONSES('None of the formats (or not the one named)'),
      handler: (c) => runImport(c, runtime),
    },
    {
      method: 'post',
      path: '/api/import/acled',
      access: 'operator',
      tag: 'Import and export',
      summary: 'Import an ACLED CSV export',
      description:
        'Body: the CSV as multipart/form-data field `file`, or raw with Content-Type text/csv; at most 200 MB, streamed (never held in memory). ' +
        '`operations=1` imports arrests by state forces as operations. Rows are matched by event_id_cnty: a re-import updates, never duplicates. ' +
        'Send header `Import-Job: <id you generated>` to poll GET /api/import/progress?job=<id> while it runs (the answer carries the id in the same header).',
      query: ImportQuery,
      responses: COMMON_RESPONSES('Not an ACLED export'),
      handler: (c) => runImport(c, runtime, 'acled'),
    },
    {
      method: 'get',
      path: '/api/import/progress',
      // Any account may ask; a job is shown only to the user who started it (others get 404).
      access: 'signed-in',
      tag: 'Import and export',
      summary: 'Progress of an import started with an Import-Job header',
      description:
        'Poll while the POST runs: `progress.bytesRead` against `totalBytes`, rows so far; `report` once done. `state` is running, done, failed or interrupted (its process stopped: `committed` rows were saved, up to change-log position `lastSeq`; re-importing the file is safe, rows are matched by event id). Jobs are kept in the database, readable from any node.',
      query: ProgressQuery,
      responses: {
        200: { description: '{ job }' },
        404: { description: 'No such job (or not yours)', schema: 'Error' },
      },
      handler: async (c) => {
        const principal = await requirePrincipal(c, runtime);
        const { job: id } = parseInput(ProgressQuery, { job: c.req.query('job') });
        const job = await runtime.importJobs.get(id, principal.userId);
        if (!job) throw new NotFoundError('Import job', id);
        return c.json({ job });
      },
    },
    {
      method: 'get',
      path: '/api/import/jobs',
      access: 'signed-in',
      tag: 'Import and export',
      summary: "The caller's recent imports, newest first",
      description: 'Each as GET /api/import/progress gives it; `limit` 1-100 (default 20). Only your own jobs.',
      query: JobsQuery,
      responses: { 200: { description: '{ jobs }' } },
      handler: async (c) => {
        const principal = await requirePrincipal(c, runtime);
        const { limit } = parseInput(JobsQuery, { limit: c.req.query('limit') });
        return c.json({ jobs: await runtime.importJobs.recent(principal.userId, limit) });
      },
    },
  ]);
};
