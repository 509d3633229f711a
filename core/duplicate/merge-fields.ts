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

/** A source or an actor compared by value. */
const memberKey = (v: object) => JSON.stringify(v, Object.keys(v).sort());

/** The members of the lists, first occurrence kept, compared by value. */
export function union<T>(lists: T[][]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const v of lists.flat()) {
    const k = memberKey(v as object);
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

/** A merge's stored choices as the input that makes the same merge again, into `survivorId`. */
export function inputOfChoices(survivorId: string, choices: Record<string, string>): MergeInput {
  const pick: MergeInput['pick'] = {};
  for (const f of MERGE_FIELDS) {
    const from = choices[f];
    if (from !== undefined && from !== 'rule') pick[f] = from;
  }
  return { survivor: survivorId, pick };
}

/** `state` with `merged` merged into it by the stored choices: the fields a merge sets, as it sets them. */
export function remerge(state: Incident, merged: Incident, choices: Record<string, string>): Incident {
  const { patch } = planMerge(state, merged, inputOfChoices(state.id, choices));
  return { ...state, ...(patch as unknown as Partial<Incident>) };
}

/**
 * A value in a form that compares equal whatever its key order (JSONB does not keep it), a key
 * holding null being the same as no key.
 */
function canonical(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>)
            .filter(([, y]) => y !== null && y !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : (x ?? null),
  );
}
const same = (x: unknown, y: unknown) => canonical(x) === canonical(y);

/** One merge as a split replays it: the record merged in and the choices it was merged with. */
export interface MergeStep {
  merged: Incident;
  choices: Record<string, string>;
}

const SIDES = ['killed', 'injured'] as const;

/**
 * The patch a split of one merge applies to the survivor (docs/adr/0024-duplicates.md). `before`
 * is the survivor just before that merge, `later` the merges into it since (oldest first), `now`
 * the survivor as it is. Replaying the later merges onto `before` with and without the split one
 * gives what the merges make each field with it (`withIt`) and without it (`without`). Per unit (a
 * field group of the merge; one casualty figure, killed or injured per category; verification):
 * a unit that still holds `withIt` takes `without`; a unit that differs was edited since (by hand
 * or a re-import) and keeps its value. Sources and actors, per member: those the split merge
 * brought and no other merge brings are removed, the rest stay.
 */
export function splitPatch(now: Incident, before: Incident, split: MergeStep, later: MergeStep[]): JsonObject {
  const replay = (from: Incident) => later.reduce((state, m) => remerge(state, m.merged, m.choices), from);
  const withIt = replay(remerge(before, split.merged, split.choices));
  const without = replay(before);
  const patch: JsonObject = {};
  const units: (readonly (keyof Incident)[])[] = [...Object.values(FIELD_GROUPS), ['verification']];
  for (const fields of units) {
    const held = fields.every((f) => same(now[f], withIt[f]));
    if (held && !fields.every((f) => same(withIt[f], without[f])))
      for (const f of fields) patch[f] = without[f] ?? null;
  }
  const casualties = structuredClone(now.casualties);
  let figures = false;
  for (const side of SIDES)
    for (const c of CASUALTY_CATEGORIES) {
      const [n, w, wo] = [now, withIt, without].map((r) => r.casualties[side][c]);
      if (same(n, w) && !same(w, wo)) {
        casualties[side][c] = { ...wo! };
        figures = true;
      }
    }
  if (figures) patch.casualties = casualties;
  for (const f of ['sources', 'actors'] as const) {
    const kept = new Set((without[f] as object[]).map(memberKey));
    const brought = new Set((withIt[f] as object[]).map(memberKey).filter((k) => !kept.has(k)));
    const next = (now[f] as object[]).filter((m) => !brought.has(memberKey(m)));
    if (next.length !== now[f].length) patch[f] = next;
  }
  return patch;
}
