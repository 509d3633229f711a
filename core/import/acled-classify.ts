/**
 * Who acted in an ACLED event, and so what the product files it as: the one classification table of
 * docs/adr/0015-event-classification.md. Pure and country-blind (the scope checks come before it),
 * so it reads any ACLED file, whatever country it covers.
 *
 * Sides come from the inter codes (digits until 2024, labels since: "State forces", "Rebel group"),
 * with the actor name as a fallback where the code is missing: ACLED names states' forces
 * "Military Forces of X", "Police Forces of X", "Government of X".
 */
import { INTER, interCode } from './acled-actors';
import type { AcledRow } from './acled-columns';
import { eventFamily, type EventFamily } from './acled-event-type';
import { cleanLine, cleanNotes, present } from './acled-text';

export type SideKind = 'state' | 'armed' | 'civilians' | 'crowd' | 'none';

export interface Side {
  kind: SideKind;
  /** For a state: the country whose forces these are (from the name, else the event's country). */
  country: string | null;
}

const STATE_NAME = /^(?:military|police) forces of |^government of /i;

/** "Military Forces of the United States of America (2021-) Navy" → "United States of America". */
export function stateCountry(actor: string): string | null {
  const m = /\b(?:forces|government) of (?:the )?(.+)$/i.exec(actor);
  if (!m) return null;
  const name = m[1]!
    .replace(/\s*\(.*$/, '')
    .replace(/^islamic republic of /i, '')
    .trim();
  return name === '' ? null : name;
}

/** One side of an event from its actor cell and inter cell. */
export function sideOf(actor: string | undefined, inter: string | undefined, eventCountry: string): Side {
  const code = interCode(inter);
  const named = actor !== undefined && actor !== '';
  const stateNamed = named && STATE_NAME.test(actor);
  // Code 8 covers foreign states' forces and other outside forces (private security, UN): the name
  // tells them apart.
  if (code === INTER.stateForces || (stateNamed && (code === INTER.externalForces || code === undefined)))
    return { kind: 'state', country: (named && stateCountry(actor)) || eventCountry };
  if (code === INTER.rebelGroups || code === INTER.politicalMilitias || code === INTER.identityMilitias)
    return { kind: 'armed', country: null };
  if (code === INTER.externalForces) return { kind: 'armed', country: null };
  if (code === INTER.civilians) return { kind: 'civilians', country: null };
  if (code === INTER.rioters || code === INTER.protesters) return { kind: 'crowd', country: null };
  if (!named) return { kind: 'none', country: null };
  // No readable code: judge by the name.
  if (/^civilians\b/i.test(actor)) return { kind: 'civilians', country: null };
  if (/^(protesters|rioters)\b/i.test(actor)) return { kind: 'crowd', country: null };
  return { kind: 'armed', country: null };
}

export type EventClass =
  | { outcome: 'incident'; category: 'attack'; perpetrator: 1 | 2 }
  | { outcome: 'incident'; category: 'clash'; militant: 1 | 2 }
  | { outcome: 'incident'; category: 'interstate' }
  | { outcome: 'incident'; category: 'state_violence' }
  | { outcome: 'operation'; agency: 1 | 2; target: 1 | 2 | null }
  | { outcome: 'skip'; reason: 'protest_or_riot' | 'strategic_development' | 'state_forces_only' | 'no_armed_actor' }
  | { outcome: 'error'; message: string };

/** The table's rule names, for the ADR, the tests and the import report. */
export type ClassRule =
  | 'unknown_event_type'
  | 'protest_event'
  | 'strategic_arrest'
  | 'strategic_other'
  | 'crowd_actor'
  | 'armed_vs_state_battle'
  | 'armed_attack'
  | 'state_vs_state_other_country'
  | 'state_vs_state_same_country'
  | 'foreign_state_vs_unarmed'
  | 'state_vs_armed_battle'
  | 'state_vs_armed_strike'
  | 'state_vs_civilians'
  | 'state_alone'
  | 'unarmed_vs_armed'
  | 'no_armed_actor';

export type ViolentFamily = Exclude<EventFamily, 'strategic' | 'protest_or_riot'>;

/**
 * The violent families (battles, explosions/remote violence, violence against civilians). Rules are
 * tried top to bottom; the first that fits decides. `eventCountry` tells a state's own forces from
 * a neighbour's: a foreign state's fire into the country is interstate whoever it hits.
 */
export function classifyViolentEvent(
  family: ViolentFamily,
  side1: Side,
  side2: Side,
  eventCountry: string,
): { rule: ClassRule; class: EventClass } {
  const battle = family === 'battle';
  if (side1.kind === 'crowd') return { rule: 'crowd_actor', class: { outcome: 'skip', reason: 'protest_or_riot' } };
  if (side1.kind === 'armed') {
    if (side2.kind === 'state' && battle)
      return { rule: 'armed_vs_state_battle', class: { outcome: 'incident', category: 'clash', militant: 1 } };
    return { rule: 'armed_attack', class: { outcome: 'incident', category: 'attack', perpetrator: 1 } };
  }
  // A state on side 2 only (side 1 civilians or nobody) is read as if it were side 1.
  const [a, b, flipped] =
    side1.kind !== 'state' && side2.kind === 'state' ? [side2, side1, true] : [side1, side2, false];
  if (a.kind === 'state') {
    if (b.kind === 'state')
      return a.country !== b.country
        ? { rule: 'state_vs_state_other_country', class: { outcome: 'incident', category: 'interstate' } }
        : { rule: 'state_vs_state_same_country', class: { outcome: 'skip', reason: 'state_forces_only' } };
    if (b.kind === 'armed')
      return battle
        ? { rule: 'state_vs_armed_battle', class: { outcome: 'incident', category: 'clash', militant: 2 } }
        : { rule: 'state_vs_armed_strike', class: { outcome: 'operation', agency: 1, target: 2 } };
    if (a.country !== null && a.country !== eventCountry)
      return { rule: 'foreign_state_vs_unarmed', class: { outcome: 'incident', category: 'interstate' } };
    if (b.kind === 'civilians' || b.kind === 'crowd')
      return { rule: 'state_vs_civilians', class: { outcome: 'incident', category: 'state_violence' } };
    return flipped
      ? { rule: 'state_vs_civilians', class: { outcome: 'incident', category: 'state_violence' } }
      : { rule: 'state_alone', class: { outcome: 'operation', agency: 1, target: null } };
  }
  if (side2.kind === 'armed')
    return { rule: 'unarmed_vs_armed', class: { outcome: 'incident', category: 'attack', perpetrator: 2 } };
  return { rule: 'no_armed_actor', class: { outcome: 'skip', reason: 'no_armed_actor' } };
}

const ARREST_WORDS = /\b(arrest\w*|apprehend\w*|detain\w*|nabbed)\b/i;

/**
 * A whole ACLED row, by event family first: protests and riots are skipped; of the strategic
 * developments only arrests by state forces of militants (or of people ACLED does not name) are
 * operations, since "Arrests" also covers politicians and demonstrators; the violent families go
 * through the actor table above. `country` is the event's country as ACLED names it.
 */
export function classifyAcledRow(row: AcledRow, country: string): { rule: ClassRule; class: EventClass } {
  const eventType = cleanLine(row.event_type);
  if (eventType === undefined)
    return { rule: 'unknown_event_type', class: { outcome: 'error', message: 'event_type is missing' } };
  const family = eventFamily(eventType);
  if (family === undefined)
    return {
      rule: 'unknown_event_type',
      class: { outcome: 'error', message: `event_type "${eventType}" is not an ACLED event type this importer knows` },
    };
  if (family === 'protest_or_riot')
    return { rule: 'protest_event', class: { outcome: 'skip', reason: 'protest_or_riot' } };
  const side1 = sideOf(cleanLine(row.actor1), present(row.inter1), country);
  const side2 = sideOf(cleanLine(row.actor2), present(row.inter2), country);
  if (family === 'strategic') {
    const sub = present(row.sub_event_type);
    const notes = cleanNotes(row.notes);
    const arrest =
      sub !== undefined ? sub.toLowerCase() === 'arrests' : notes !== undefined && ARREST_WORDS.test(notes);
    if (arrest && side1.kind === 'state' && (side2.kind === 'armed' || side2.kind === 'none'))
      return {
        rule: 'strategic_arrest',
        class: { outcome: 'operation', agency: 1, target: side2.kind === 'none' ? null : 2 },
      };
    return { rule: 'strategic_other', class: { outcome: 'skip', reason: 'strategic_development' } };
  }
  return classifyViolentEvent(family, side1, side2, country);
}
