/**
 * ACLED event and sub-event types to the product's incident types.
 *
 * Decisions (each keeps a chart honest rather than fuller):
 * - `Air/drone strike` → `other`. Air strikes are nearly always a state's act (the product records
 *   those as operations); filing them under rocket/mortar/shelling would swell a series that
 *   operators read as ground-launched fire by militants.
 * - `Attack` → `targeted_killing` when the notes describe a deliberate killing of a person
 *   ("shot dead", "gunned down", "target(ed) killing", "assassinated"), else `armed_assault`.
 * - `Sexual violence` → `other`; `Grenade` → `ied_explosive`; territory changes → `clash`.
 * - Old files have no sub-event type: the type is inferred from the notes' keywords, in this order
 *   (first match wins): suicide → suicide_bombing; air strike/drone → other; rocket, mortar,
 *   shelling, artillery, missile → rocket_mortar_shelling; IED, bomb, blast, explosion, explosive,
 *   landmine, grenade → ied_explosive; kidnap/abduct → kidnapping; then the Attack rule above.
 *   Battles stay `clash` whatever the notes say (a gunfight mentioning a bomb is still a clash).
 * - An unknown sub-event type of a known family falls back to that same keyword inference.
 */
import type { IncidentType } from '../enums';

export type EventFamily = 'battle' | 'explosion' | 'violence_against_civilians' | 'strategic' | 'protest_or_riot';

const FAMILY_BY_EVENT_TYPE: Readonly<Record<string, EventFamily>> = {
  battles: 'battle',
  battle: 'battle',
  'battle-no change of territory': 'battle',
  'battle-government regains territory': 'battle',
  'battle-non-state actor overtakes territory': 'battle',
  'explosions/remote violence': 'explosion',
  'remote violence': 'explosion',
  'violence against civilians': 'violence_against_civilians',
  'strategic developments': 'strategic',
  'strategic development': 'strategic',
  'headquarters or base established': 'strategic',
  'non-violent transfer of territory': 'strategic',
  protests: 'protest_or_riot',
  riots: 'protest_or_riot',
  'riots/protests': 'protest_or_riot',
  'protests/riots': 'protest_or_riot',
};

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/\s+/g, ' ');

export function eventFamily(eventType: string): EventFamily | undefined {
  return FAMILY_BY_EVENT_TYPE[norm(eventType)];
}

const TYPE_BY_SUB_EVENT: Readonly<Record<string, IncidentType | 'attack'>> = {
  'suicide bomb': 'suicide_bombing',
  'remote explosive/landmine/ied': 'ied_explosive',
  grenade: 'ied_explosive',
  'shelling/artillery/missile attack': 'rocket_mortar_shelling',
  'air/drone strike': 'other',
  'armed clash': 'clash',
  'government regains territory': 'clash',
  'non-state actor overtakes territory': 'clash',
  attack: 'attack',
  'abduction/forced disappearance': 'kidnapping',
  'sexual violence': 'other',
};

const KILLING =
  /\b(shot dead|gunned down|target(?:ed|ted)? (?:killing|attack|shooting)|assassinat\w*|shot and killed)\b/i;

const NOTE_RULES: ReadonlyArray<[RegExp, IncidentType]> = [
  [/\bsuicide\b/i, 'suicide_bombing'],
  [/\b(air ?strikes?|drones?|air raids?|jets?)\b/i, 'other'],
  [/\b(rockets?|mortars?|shell(?:s|ing|ed)?|artillery|missiles?)\b/i, 'rocket_mortar_shelling'],
  [/\b(IEDs?|bombs?|bombings?|blasts?|explosions?|explosives?|explod\w*|land ?mines?|grenades?)\b/i, 'ied_explosive'],
  [/\b(kidnap\w*|abduct\w*)\b/i, 'kidnapping'],
];

function attackType(notes: string | undefined): IncidentType {
  return notes !== undefined && KILLING.test(notes) ? 'targeted_killing' : 'armed_assault';
}

function fromNotes(family: EventFamily, notes: string | undefined): IncidentType {
  if (family === 'battle') return 'clash';
  for (const [pattern, type] of NOTE_RULES) if (notes !== undefined && pattern.test(notes)) return type;
  // A remote-violence event with no telling keyword is still an explosion or launch of some kind.
  return family === 'explosion' ? 'other' : attackType(notes);
}

/** The incident type of a battle, explosion or violence-against-civilians event. */
export function incidentTypeFor(
  family: EventFamily,
  subEventType: string | undefined,
  notes: string | undefined,
): IncidentType {
  const mapped = subEventType === undefined ? undefined : TYPE_BY_SUB_EVENT[norm(subEventType)];
  if (mapped === 'attack') return attackType(notes);
  return mapped ?? fromNotes(family, notes);
}
