/**
 * What a change changed, for history timelines: the fields whose values differ between the before
 * and after images, flattened one level for nested figures (casualties.killed.civilians …).
 * Bookkeeping fields (version, updated at/by) are left out: the timeline shows them already.
 */
const SKIP = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'groupName']);

export interface FieldChange {
  field: string;
  before: string;
  after: string;
  /** The values themselves, for wording them (see history-words.ts). */
  from: unknown;
  to: unknown;
}

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

function flatten(v: unknown, prefix: string, out: Map<string, unknown>) {
  if (v && typeof v === 'object' && !Array.isArray(v) && prefix.split('.').length < 4) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, v);
}

export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before ?? {}, '', a);
  flatten(after ?? {}, '', b);
  const out: FieldChange[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    if (SKIP.has(field.split('.')[0]!)) continue;
    const x = show(a.get(field));
    const y = show(b.get(field));
    if (x !== y) out.push({ field, before: x, after: y, from: a.get(field), to: b.get(field) });
  }
  return out;
}
