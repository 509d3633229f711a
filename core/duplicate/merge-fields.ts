/**
 * The record a merge makes of two (docs/adr/0024-duplicates.md): every field group from the
 * survivor unless the operator picks the other record for it; figures by the stated rule unless
 * picked: per category, "at least" is the largest reported low and "up to" the largest high (none
 * when that is below the new low); sources and actors are the union of both; verification the
 * stronger. The survivor by default is the record of higher confidence.
 */
import type { Casualties, Source } from '../common-schemas';
import { CASUALTY_CATEGORIES, GEO_PRECISIONS, TIME_PRECISIONS } from '../enums';
import { ValidationError } from '../errors';
import type { Incident } from '../incident/schema';
import type { JsonObject } from '../merge-patch';
import { MERGE_FIELDS, type MergeField, type MergeInput } from './schema';

/** The fields of each group a merge takes from one record. */
export const FIELD_GROUPS: Record<Exclude<MergeField, 'casualties'>, readonly (keyof Incident)[]> = {
  time: ['occurredAt', 'timePrecision'],
  place: ['country', 'province', 'district', 'place', 'latitude', 'longitude', 'geoPrecision'],
  type: ['type', 'category'],
  group: ['groupId', 'claimed'],
  target: ['targetType', 'crossBorder', 'foreignNationals'],
  summary: ['summary'],
};

const VERIFICATION_RANK = { confirmed: 2, reported: 1, disputed: 0 } as const;
const rank = <T extends string>(list: readonly T[], v: T) => list.length - list.indexOf(v);

/**
 * Higher confidence first: confirmed over reported over disputed, then the finer place, the finer
 * date, more sources, the earlier recorded.
 */
export function byConfidence(a: Incident, b: Incident): number {
  return (
    VERIFICATION_RANK[b.verification] - VERIFICATION_RANK[a.verification] ||
    rank(GEO_PRECISIONS, b.geoPrecision) - rank(GEO_PRECISIONS, a.geoPrecision) ||
    rank(TIME_PRECISIONS, b.timePrecision) - rank(TIME_PRECISIONS, a.timePrecision) ||
    b.sources.length - a.sources.length ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

const maxOrNull = (xs: (number | null)[]): number | null => {
  const given = xs.filter((x): x is number => x !== null);
  return given.length > 0 ? Math.max(...given) : null;
};

/** Per category: the largest reported low; the largest high, kept only when it is not below that low. */
export function mergeFigures(list: Casualties[]): Casualties {
  const side = (s: 'killed' | 'injured') =>
    Object.fromEntries(
      CASUALTY_CATEGORIES.map((c) => {
        const low = maxOrNull(list.map((x) => x[s][c].low));
        const high = maxOrNull(list.map((x) => x[s][c].high));
        return [c, { low, high: low !== null && high !== null && high > low ? high : null }];
      }),
    ) as Casualties['killed'];
  return { killed: side('killed'), injured: side('injured') };
}

/** The members of the lists, first occurrence kept, compared by value. */
export function union<T>(lists: T[][]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const v of lists.flat()) {
    const k = JSON.stringify(v, Object.keys(v as object).sort());
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

export interface MergePlan {
  survivor: Incident;
  other: Incident;
  /** A JSON Merge Patch of the survivor (every editable field set). */
  patch: JsonObject;
  /** Which record each group came from ("rule" for figures by the rule). */
  choices: Record<string, string>;
}

export function planMerge(x: Incident, y: Incident, input: MergeInput): MergePlan {
  const ids = [x.id, y.id];
  const check = (field: string, id: string | undefined) => {
    if (id !== undefined && !ids.includes(id))
      throw new ValidationError({ [field]: 'must be the id of one of the two records' });
  };
  check('survivor', input.survivor);
  for (const f of MERGE_FIELDS) check(`pick.${f}`, input.pick[f]);
  const [first] = [x, y].sort(byConfidence) as [Incident, Incident];
  const survivor = input.survivor ? (input.survivor === x.id ? x : y) : first;
  const other = survivor === x ? y : x;
  const of = (id: string) => (id === x.id ? x : y);
  const patch: JsonObject = {};
  const choices: Record<string, string> = { survivor: survivor.id };
  for (const [group, fields] of Object.entries(FIELD_GROUPS) as [keyof typeof FIELD_GROUPS, (keyof Incident)[]][]) {
    let from = of(input.pick[group] ?? survivor.id);
    // A summary the survivor lacks is taken from the other record rather than lost.
    if (group === 'summary' && !input.pick.summary && !from.summary) from = other;
    choices[group] = from.id;
    for (const f of fields) patch[f] = from[f] as unknown;
  }
  if (input.pick.casualties) {
    patch.casualties = of(input.pick.casualties).casualties;
    choices.casualties = input.pick.casualties;
  } else {
    patch.casualties = mergeFigures([x.casualties, y.casualties]);
    choices.casualties = 'rule';
  }
  patch.sources = union<Source>([survivor.sources, other.sources]).slice(0, 50);
  patch.actors = union([of(choices.group!).actors, survivor.actors, other.actors]);
  patch.verification = [x, y]
    .map((r) => r.verification)
    .sort((p, q) => VERIFICATION_RANK[q] - VERIFICATION_RANK[p])[0]!;
  return { survivor, other, patch, choices };
}

/** The survivor's editable fields as they were: the patch a split applies. */
export function restorePatch(before: Incident, now: Incident): JsonObject {
  const keep = new Set([
    'id',
    'version',
    'createdAt',
    'createdBy',
    'updatedAt',
    'updatedBy',
    'retractedAt',
    'retractedBy',
    'retractionReason',
    'groupName',
    // Derived from the restored fields (core/incident/incident-kind.ts), never patched.
    'namedActor',
  ]);
  const patch: JsonObject = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(now)])) {
    if (keep.has(k)) continue;
    patch[k] = (before as unknown as JsonObject)[k] ?? null;
  }
  return patch;
}
