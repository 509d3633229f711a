/** The group form's values as typed and their conversion (validated by core/group/schema.ts). Framework-free. */
import { CreateGroupInput, type Group } from '../../../core/group/schema';
import type { ErrorLayout, FieldErrors } from '../../forms/error-paths';
import { countOf, textOf, validateInput } from '../../forms/input-values';

export interface EstimateDraft {
  low: string;
  high: string;
  asOf: string;
  source: string;
}

export interface GroupDraft {
  shortName: string;
  fullName: string;
  /** One alias per line (commas also separate). */
  aliases: string;
  baseCountry: string;
  proscribed: boolean;
  description: string;
  strengthEstimates: EstimateDraft[];
}

export const emptyEstimate = (): EstimateDraft => ({ low: '', high: '', asOf: '', source: '' });
export const emptyGroupDraft = (): GroupDraft => ({
  shortName: '',
  fullName: '',
  aliases: '',
  baseCountry: '',
  proscribed: false,
  description: '',
  strengthEstimates: [],
});
export const GROUP_ITEM_TEMPLATES = { strengthEstimates: emptyEstimate() };

export function groupToDraft(g: Group): GroupDraft {
  return {
    shortName: g.shortName,
    fullName: g.fullName,
    aliases: g.aliases.join('\n'),
    baseCountry: g.baseCountry ?? '',
    proscribed: g.proscribed,
    description: g.description ?? '',
    strengthEstimates: g.strengthEstimates.map((e) => ({
      low: String(e.low),
      high: String(e.high),
      asOf: e.asOf,
      source: e.source,
    })),
  };
}

const isBlank = (e: EstimateDraft) => !e.low.trim() && !e.high.trim() && !e.asOf.trim() && !e.source.trim();

export function groupInputOf(d: GroupDraft): Record<string, unknown> {
  return {
    shortName: d.shortName,
    fullName: d.fullName,
    aliases: d.aliases
      .split(/[\n,]/)
      .map((a) => a.trim())
      .filter(Boolean),
    baseCountry: textOf(d.baseCountry),
    proscribed: d.proscribed,
    description: textOf(d.description),
    strengthEstimates: d.strengthEstimates
      .filter((e) => !isBlank(e))
      .map((e) => ({
        low: countOf(e.low, undefined),
        high: countOf(e.high, undefined),
        asOf: e.asOf,
        source: e.source,
      })),
  };
}

const LABELS: Record<string, string> = {
  shortName: 'Short name',
  fullName: 'Full name',
  aliases: 'Aliases',
  baseCountry: 'Based in',
  proscribed: 'Proscribed in Pakistan',
  description: 'Description',
  strengthEstimates: 'Strength estimates',
};
const PART: Record<string, string> = { low: 'low', high: 'high', asOf: 'as of', source: 'source' };

export function groupLabel(path: string): string {
  const m = /^strengthEstimates\.(\d+)\.(\w+)$/.exec(path);
  if (m) return `Estimate ${Number(m[1]) + 1} — ${PART[m[2]!] ?? m[2]}`;
  return LABELS[path] ?? path;
}

export const GROUP_LAYOUT: ErrorLayout = {
  fields: [
    'shortName',
    'fullName',
    'aliases',
    'baseCountry',
    'proscribed',
    'description',
    'strengthEstimates',
    ...Array.from({ length: 50 }, (_, i) =>
      ['low', 'high', 'asOf', 'source'].map((p) => `strengthEstimates.${i}.${p}`),
    ).flat(),
  ],
  label: groupLabel,
};

export function validateGroup(d: GroupDraft): FieldErrors {
  const kept = d.strengthEstimates.flatMap((e, i) => (isBlank(e) ? [] : [i]));
  const row = (p: string) =>
    p.replace(/^strengthEstimates\.(\d+)/, (_, i: string) => `strengthEstimates.${kept[Number(i)] ?? i}`);
  return validateInput(CreateGroupInput, groupInputOf(d), GROUP_LAYOUT, {}, row);
}
