/** The source adapters, in the order a header is tried against them. */
import { acledAdapter } from './acled-adapter';
import { gtdAdapter } from './gtd';
import { ucdpAdapter } from './ucdp';
import { FORMAT_LABELS, IMPORT_FORMATS, type ImportFormat, type SourceAdapter } from './source-adapter';

export const ADAPTERS: readonly SourceAdapter[] = [acledAdapter, ucdpAdapter, gtdAdapter];

export function adapterFor(format: ImportFormat): SourceAdapter {
  const adapter = ADAPTERS.find((a) => a.format === format);
  if (!adapter) throw new Error(`no adapter for ${FORMAT_LABELS[format]}`);
  return adapter;
}

/** `acled`, `UCDP`, ` gtd ` → the format; anything else undefined. */
export function formatOf(text: string | undefined): ImportFormat | undefined {
  const t = text?.trim().toLowerCase();
  return (IMPORT_FORMATS as readonly string[]).includes(t ?? '') ? (t as ImportFormat) : undefined;
}
