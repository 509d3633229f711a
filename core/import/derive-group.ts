/**
 * The group a record's actors point to, and whether its source names a perpetrator at all, derived
 * again from the actors as the source named them (after aliases change: `npm run db:rematch`). The
 * same sides as the import (docs/adr/0015): an attack's perpetrator, a clash's militant side, an
 * operation's target; a form's (or GTD's) perpetrator. Records without actors keep the group an
 * operator chose.
 *
 * Named actor (docs/adr/0030): a record names a perpetrator when one of the actor cells its group is
 * matched on holds a name that is not a placeholder. For interstate and state-violence incidents
 * (no group) those cells are the acting state's side. "Unidentified Armed Group (Pakistan)",
 * GTD's "Unknown", "unknown gunmen" and the like say that the source does not know: they are
 * placeholders, and such a record stays "Unknown / unclaimed".
 */
import type { Actor } from '../common-schemas';
import type { IncidentCategory } from '../enums';
import { sideOf } from './acled-classify';
import type { GroupMatcher } from './acled-group-match';

const name = (actors: readonly Actor[], role: Actor['role']) => actors.find((a) => a.role === role)?.name;
const inter = (actors: readonly Actor[], role: Actor['role']) =>
  actors.find((a) => a.role === role)?.inter ?? undefined;

function cells(actors: readonly Actor[], side: 1 | 2): string[] {
  const names =
    side === 1
      ? [name(actors, 'actor1'), name(actors, 'assoc_actor_1')]
      : [name(actors, 'actor2'), name(actors, 'assoc_actor_2')];
  return names.filter((n): n is string => n !== undefined);
}

/**
 * A name that says the actor is not known: its first word is unidentified, unknown, unnamed,
 * unclaimed or unattributed (ACLED's "Unidentified Armed Group (Pakistan)", "Unidentified Military
 * Forces"; GTD's "Unknown"), or it is only "n/a", "none", "-" or "?".
 */
export function isPlaceholderActor(actorName: string): boolean {
  const n = actorName.trim().toLowerCase();
  return (
    n === '' || /^(unidentified|unknown|unnamed|unclaimed|unattributed)\b/.test(n) || /^(n\/a|none|-+|\?+)$/.test(n)
  );
}

export interface ActorRecord {
  actors: readonly Actor[];
  category?: IncidentCategory;
}

/**
 * The actor cells a record's perpetrator (for an operation: its target) is read from, with the
 * group match of the cells: `match: false` for categories that have no group (interstate, state
 * violence). undefined: the record has no source actors.
 */
export function perpetratorCells(
  record: ActorRecord,
  kind: 'incident' | 'operation',
): { names: string[]; match: boolean } | undefined {
  const { actors } = record;
  const perpetrators = actors.filter((a) => a.role === 'perpetrator').map((a) => a.name);
  if (perpetrators.length > 0) return { names: perpetrators, match: true };
  if (name(actors, 'actor1') === undefined) return undefined;
  if (kind === 'operation') return { names: cells(actors, 2), match: true };
  if (record.category === 'interstate' || record.category === 'state_violence')
    return { names: cells(actors, 1), match: false };
  // The country does not matter here: only whether a side is an armed group.
  const side1 = sideOf(name(actors, 'actor1'), inter(actors, 'actor1'), '');
  const side2 = sideOf(name(actors, 'actor2'), inter(actors, 'actor2'), '');
  if (side1.kind === 'armed') return { names: cells(actors, 1), match: true };
  if (side2.kind === 'armed') return { names: cells(actors, 2), match: true };
  return { names: [], match: false };
}

/** undefined: nothing to derive from (keep the stored group); else the group id or null. */
export function deriveGroupId(
  record: ActorRecord,
  kind: 'incident' | 'operation',
  match: GroupMatcher,
): string | null | undefined {
  const perpetrator = name(record.actors, 'perpetrator');
  // The first perpetrator only: further ones are a source's second and third guesses.
  if (perpetrator !== undefined) return match([perpetrator]);
  const side = perpetratorCells(record, kind);
  if (side === undefined) return undefined;
  return side.match && side.names.length > 0 ? match(side.names) : null;
}

/** Whether the source names a perpetrator (an operation: a target) that is not a placeholder. */
export function deriveNamedActor(record: ActorRecord, kind: 'incident' | 'operation'): boolean {
  const side = perpetratorCells(record, kind);
  return side !== undefined && side.names.some((n) => !isPlaceholderActor(n));
}
