/**
 * The group a record's actors point to, derived again from the actors as the source named them
 * (after aliases change: `npm run db:rematch`). The same sides as the import (docs/adr/0015): an
 * attack's perpetrator, a clash's militant side, an operation's target; a form's free-text
 * perpetrator. Records without actors keep the group an operator chose.
 */
import type { Actor } from '../common-schemas';
import type { IncidentCategory } from '../enums';
import { sideOf } from './acled-classify';
import type { GroupMatcher } from './acled-group-match';

const name = (actors: readonly Actor[], role: Actor['role']) => actors.find((a) => a.role === role)?.name;
const inter = (actors: readonly Actor[], role: Actor['role']) =>
  actors.find((a) => a.role === role)?.inter ?? undefined;

function cells(actors: readonly Actor[], side: 1 | 2): (string | undefined)[] {
  return side === 1
    ? [name(actors, 'actor1'), name(actors, 'assoc_actor_1')]
    : [name(actors, 'actor2'), name(actors, 'assoc_actor_2')];
}

/** undefined: nothing to derive from (keep the stored group); else the group id or null. */
export function deriveGroupId(
  record: { actors: readonly Actor[]; category?: IncidentCategory },
  kind: 'incident' | 'operation',
  match: GroupMatcher,
): string | null | undefined {
  const { actors } = record;
  const perpetrator = name(actors, 'perpetrator');
  if (perpetrator !== undefined) return match([perpetrator]);
  if (name(actors, 'actor1') === undefined) return undefined;
  if (kind === 'operation') return match(cells(actors, 2));
  if (record.category === 'interstate' || record.category === 'state_violence') return null;
  // The country does not matter here: only whether a side is an armed group.
  const side1 = sideOf(name(actors, 'actor1'), inter(actors, 'actor1'), '');
  const side2 = sideOf(name(actors, 'actor2'), inter(actors, 'actor2'), '');
  if (side1.kind === 'armed') return match(cells(actors, 1));
  if (side2.kind === 'armed') return match(cells(actors, 2));
  return null;
}
