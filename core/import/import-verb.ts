/**
 * The import verbs every transport calls (API upload, CLI, bench, a scheduled sync): the import
 * driver with the process's sink and its known groups, built once with the other write verbs
 * (db/write-context.ts).
 */
import type { Ctx } from '../ports';
import { requireGroups, type ImportGroup } from './acled-group-match';
import type { ByteInput } from './csv-records';
import { importFile, importRows, type ImportFileOptions, type ImportRowsArgs } from './import-file';
import type { ImportProgress, ImportReport } from './import-report';
import type { ImportSink } from './import-sink';
import type { ImportFormat } from './source-adapter';

/** What an import needs from the database side: where batches go, and the groups to match actors to. */
export interface ImportParts {
  sink(ctx: Ctx): ImportSink;
  groups(): Promise<ImportGroup[]>;
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

export function createImportVerbs(parts: ImportParts): {
  importFile: ImportFileVerb;
  importAcled: ImportAcledVerb;
  importRows: ImportRowsVerb;
} {
  const importFileVerb: ImportFileVerb = async ({ ctx, input, format, options, onProgress }) =>
    importFile({
      input,
      format,
      options: { ...options, groups: requireGroups(await parts.groups()), now: ctx.now, reportZone: ctx.reportZone },
      sink: parts.sink(ctx),
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
        sink: parts.sink(ctx),
        onProgress,
      }),
  };
}

/** The ACLED verb alone (kept for callers built before the other formats). */
export function createImportVerb(parts: ImportParts): ImportAcledVerb {
  return createImportVerbs(parts).importAcled;
}
