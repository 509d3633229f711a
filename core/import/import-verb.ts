/**
 * The import verbs every transport calls (API upload, CLI, bench, a scheduled sync): the import
 * driver (core/import/import-file.ts) writing through the import batch verb
 * (core/import/import-batch.ts) with the known groups, built once with the other write verbs
 * (core/write/write-verbs.ts, composed in db/write-context.ts).
 */
import type { Ctx } from '../ports';
import type { RetryPolicy } from '../write/exactly-once';
import { createImportBatches } from './import-batch';
import { requireGroups, type ImportGroup } from './acled-group-match';
import type { ByteInput } from './csv-records';
import { importFile, importRows, type ImportFileOptions, type ImportRowsArgs } from './import-file';
import type { ImportProgress, ImportReport } from './import-report';
import type { ImportSink } from './import-sink';
import type { ImportFormat } from './source-adapter';

/** What an import needs from the composition root: the groups to match actors to. */
export interface ImportParts {
  groups(): Promise<ImportGroup[]>;
  /**
   * Where batches go: by default the import batch verb over the caller's store
   * (core/import/import-batch.ts); tests hand an in-memory sink.
   */
  sink?(ctx: Ctx): ImportSink;
}

type VerbOptions = Omit<ImportFileOptions, 'groups' | 'now'>;

export interface ImportFileVerbArgs {
  ctx: Ctx;
  input: ByteInput;
  /** The file's format; by default the one whose header the file has. */
  format?: ImportFormat;
  options?: VerbOptions;
  onProgress?: (progress: ImportProgress) => void;
}

export type ImportAcledArgs = Omit<ImportFileVerbArgs, 'format'>;

export interface ImportRowsVerbArgs {
  ctx: Ctx;
  rows: ImportRowsArgs['rows'];
  format: ImportFormat;
  options?: VerbOptions;
  onProgress?: (progress: ImportProgress) => void;
}

export type ImportFileVerb = (args: ImportFileVerbArgs) => Promise<ImportReport>;
export type ImportAcledVerb = (args: ImportAcledArgs) => Promise<ImportReport>;
export type ImportRowsVerb = (args: ImportRowsVerbArgs) => Promise<ImportReport>;

export function createImportVerbs(
  parts: ImportParts,
  retry?: RetryPolicy,
): {
  importFile: ImportFileVerb;
  importAcled: ImportAcledVerb;
  importRows: ImportRowsVerb;
} {
  const sinkOf = (ctx: Ctx) => parts.sink?.(ctx) ?? createImportBatches(ctx, retry);
  const importFileVerb: ImportFileVerb = async ({ ctx, input, format, options, onProgress }) =>
    importFile({
      input,
      format,
      options: { ...options, groups: requireGroups(await parts.groups()), now: ctx.now, reportZone: ctx.reportZone },
      sink: sinkOf(ctx),
      onProgress,
    });
  return {
    importFile: importFileVerb,
    importAcled: (args) => importFileVerb({ ...args, format: 'acled' }),
    importRows: async ({ ctx, rows, format, options, onProgress }) =>
      importRows({
        rows,
        format,
        options: { ...options, groups: requireGroups(await parts.groups()), now: ctx.now, reportZone: ctx.reportZone },
        sink: sinkOf(ctx),
        onProgress,
      }),
  };
}

/** The ACLED verb alone (kept for callers built before the other formats). */
export function createImportVerb(parts: ImportParts): ImportAcledVerb {
  return createImportVerbs(parts).importAcled;
}
