/**
 * The ACLED import verb every transport calls (API upload, CLI, bench): the import driver with the
 * process's sink and its known groups, built once with the other write verbs (db/write-context.ts).
 */
import type { Ctx } from '../ports';
import { requireGroups, type ImportGroup } from './acled-group-match';
import type { ByteInput } from './csv-records';
import { importAcled, type ImportAcledOptions } from './import-acled';
import type { ImportProgress, ImportReport } from './import-report';
import type { ImportSink } from './import-sink';

/** What an import needs from the database side: where batches go, and the groups to match actors to. */
export interface ImportParts {
  sink(ctx: Ctx): ImportSink;
  groups(): Promise<ImportGroup[]>;
}

export interface ImportAcledArgs {
  ctx: Ctx;
  input: ByteInput;
  options?: Omit<ImportAcledOptions, 'groups'>;
  onProgress?: (progress: ImportProgress) => void;
}

export type ImportAcledVerb = (args: ImportAcledArgs) => Promise<ImportReport>;

export function createImportVerb(parts: ImportParts): ImportAcledVerb {
  return async ({ ctx, input, options, onProgress }) =>
    importAcled({
      input,
      options: { ...options, groups: requireGroups(await parts.groups()), now: ctx.now },
      sink: parts.sink(ctx),
      onProgress,
    });
}
