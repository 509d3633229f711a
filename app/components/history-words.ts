/**
 * A history line in words: "Civilians killed, at least: 12 → 20" rather than the stored path
 * `casualties.killed.civilians.low: 12 → 20`. Labels and values come from the form's own wording.
 */
import { CASUALTY_CATEGORIES, CASUALTY_LABELS, type CasualtyCategory, type TimePrecision } from '@/core/enums';
import { fieldLabel, valueText } from '../record/record-labels';
import type { FieldChange } from './record-diff';
import { formatOccurred } from './time-format';

const BOUND = { low: 'at least', high: 'up to' } as const;
const FIELD_WORDS: Record<string, string> = { occurredAt: 'When' };

export function changeLabel(field: string): string {
  const c = /^casualties\.(killed|injured)\.(\w+)\.(low|high)$/.exec(field);
  if (c && (CASUALTY_CATEGORIES as readonly string[]).includes(c[2]!))
    return `${CASUALTY_LABELS[c[2] as CasualtyCategory]} ${c[1]}, ${BOUND[c[3] as 'low' | 'high']}`;
  return FIELD_WORDS[field] ?? fieldLabel(field);
}

type Image = { groupName?: string | null; namedActor?: boolean; timePrecision?: TimePrecision } | null;

function valueWords(field: string, v: unknown, image: Image): string {
  if (v === null || v === undefined || v === '') {
    if (field.startsWith('casualties.')) return field.endsWith('.high') ? 'no upper figure' : 'not reported';
    if (field === 'groupId')
      return image?.namedActor ? 'none of the listed groups (the source names one)' : 'Unknown / unclaimed';
    return '—';
  }
  if (field === 'occurredAt' && typeof v === 'string') return formatOccurred(v, image?.timePrecision ?? 'exact');
  if (field === 'groupId') return image?.groupName ?? 'a group no longer listed';
  if (field.startsWith('casualties.')) return String(v);
  try {
    return valueText(field, JSON.stringify(v), () => null);
  } catch {
    return String(v);
  }
}

export function changeWords(c: FieldChange, before: unknown, after: unknown) {
  return {
    label: changeLabel(c.field),
    before: valueWords(c.field, c.from, before as Image),
    after: valueWords(c.field, c.to, after as Image),
  };
}
