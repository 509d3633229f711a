/**
 * The application's write verbs, built once in the composition root (server/app-server.ts) and
 * used by every transport (API routes, forms, CLI, bench). Each owns parsing (once), idempotency,
 * batching and retries (core/write/record-writes.ts); the import verb owns the import's path
 * (core/import/import-verb.ts).
 */
import { annotationKind, annotationPatch } from '../annotation/annotation-verbs';
import { CreateAnnotationInput } from '../annotation/schema';
import { RetractInput, type Versioned } from '../common-schemas';
import { parseInput } from '../errors';
import { groupKind, groupPatch } from '../group/group-verbs';
import { CreateGroupInput } from '../group/schema';
import { incidentFields } from '../incident/create-incident';
import { incidentKind } from '../incident/incident-kind';
import { incidentPatch } from '../incident/update-incident';
import { operationFields } from '../operation/create-operation';
import { operationKind } from '../operation/operation-kind';
import { operationPatch } from '../operation/update-operation';
import { referenceFigureKind, referenceFigurePatch } from '../reference-figure/reference-figure-verbs';
import { CreateReferenceFigureInput } from '../reference-figure/schema';
import {
  createImportVerbs,
  type ImportAcledVerb,
  type ImportFileVerb,
  type ImportParts,
  type ImportRowsVerb,
} from '../import/import-verb';
import { createRecords } from '../versioned-record';
import type { RetryPolicy } from './exactly-once';
import { createRecordWrites, type RecordWrites } from './record-writes';

export interface WriteVerbs {
  createIncident: RecordWrites['create'];
  /** Up to 500 creates in one call, each answered for itself (core/write/batch-create.ts). */
  createIncidentBatch: NonNullable<RecordWrites['createBatch']>;
  updateIncident: RecordWrites['update'];
  retractIncident: RecordWrites['retract'];
  createOperation: RecordWrites['create'];
  updateOperation: RecordWrites['update'];
  retractOperation: RecordWrites['retract'];
  groups: RecordWrites;
  referenceFigures: RecordWrites;
  annotations: RecordWrites;
  /** A source file import (ACLED, UCDP GED, GTD): rows upserted by external id in batches (core/import/import-batch.ts). */
  importFile: ImportFileVerb;
  /** An ACLED CSV import (a file of another format is refused). */
  importAcled: ImportAcledVerb;
  /** Rows already read, e.g. from a source's API, through the same path as a file. */
  importRows: ImportRowsVerb;
}

const retraction = (input: unknown) => parseInput(RetractInput, input);
const parsed =
  <T>(schema: Parameters<typeof parseInput<T>>[0]) =>
  (input: unknown) =>
    parseInput(schema, input) as Omit<T & Versioned, keyof Versioned>;

export function createWriteVerbs(opts: { imports: ImportParts; retry?: RetryPolicy }): WriteVerbs {
  const { retry } = opts;
  const incidents = createRecordWrites({
    kind: incidentKind,
    route: 'POST /api/incidents',
    fields: incidentFields,
    patch: incidentPatch,
    retraction,
    createMany: (ctx, fields, tx, plans) => createRecords(ctx, incidentKind, fields, tx, plans),
    retry,
  });
  const operations = createRecordWrites({
    kind: operationKind,
    route: 'POST /api/operations',
    fields: operationFields,
    patch: operationPatch,
    retraction,
    createMany: (ctx, fields, tx, plans) => createRecords(ctx, operationKind, fields, tx, plans),
    retry,
  });
  const imports = createImportVerbs(opts.imports, retry);
  return {
    ...imports,
    createIncident: incidents.create,
    createIncidentBatch: incidents.createBatch!,
    updateIncident: incidents.update,
    retractIncident: incidents.retract,
    createOperation: operations.create,
    updateOperation: operations.update,
    retractOperation: operations.retract,
    groups: createRecordWrites({
      kind: groupKind,
      route: 'POST /api/groups',
      fields: parsed(CreateGroupInput),
      patch: groupPatch,
      retraction,
      retry,
    }),
    referenceFigures: createRecordWrites({
      kind: referenceFigureKind,
      route: 'POST /api/reference-figures',
      fields: parsed(CreateReferenceFigureInput),
      patch: referenceFigurePatch,
      retraction,
      retry,
    }),
    annotations: createRecordWrites({
      kind: annotationKind,
      route: 'POST /api/annotations',
      fields: parsed(CreateAnnotationInput),
      patch: annotationPatch,
      retraction,
      retry,
    }),
  };
}
