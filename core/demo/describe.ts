/**
 * Short newswire-style summaries for synthetic records ("Militants attacked a police post in
 * Bannu; two police officers killed."), so the demo list reads like a tracker and not like a table
 * dump. Pure templating from the generated fields: no real event is described.
 */
import type { CasualtyCategory, IncidentType, OperationKind, TargetType } from '../enums';
import type { Rng } from './random';

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
export const countWord = (n: number) => WORDS[n] ?? n.toLocaleString('en-US');

const TARGET_NOUNS: Record<TargetType, readonly string[]> = {
  security_forces: [
    'a security forces checkpost',
    'an army convoy',
    'a Frontier Corps post',
    'a security forces patrol',
  ],
  police: ['a police station', 'a police post', 'a police patrol', 'a police van'],
  civilians: ['civilians in a market', 'a passenger vehicle', 'villagers', 'a group of labourers'],
  government: ['a government office', 'the vehicle of a local official', 'a levies post'],
  religious: ['a mosque', 'a religious gathering', 'a prayer leader'],
  education: ['a school', 'a teacher', 'a college building'],
  infrastructure: ['a gas pipeline', 'a railway track', 'a power pylon', 'a mobile phone tower', 'a bridge'],
  foreign_nationals: ['a convoy carrying foreign engineers', 'foreign workers at a project site'],
  other: ['a private vehicle', 'a shop', 'a construction camp'],
};

function actor(rng: Rng, groupName: string | null, claimed: boolean): string {
  if (groupName && claimed) return `${groupName} militants`;
  return rng.pick(['Militants', 'Unidentified gunmen', 'Armed men', 'Militants']);
}

/** People, not places, for the types that hit a person: "shot a police officer", "abducted a teacher". */
const PERSON_NOUNS: Record<TargetType, readonly string[]> = {
  security_forces: ['an off-duty soldier', 'a Frontier Corps soldier'],
  police: ['a police officer', 'a traffic policeman', 'two police constables'],
  civilians: ['a shopkeeper', 'a tribal elder', 'passengers of a van', 'a labourer'],
  government: ['a local official', 'a levies official', 'a revenue officer'],
  religious: ['a prayer leader', 'a seminary teacher'],
  education: ['a teacher', 'a school principal'],
  infrastructure: ['workers of a utility company'],
  foreign_nationals: ['foreign workers'],
  other: ['a local resident'],
};

function action(
  rng: Rng,
  e: { type: IncidentType; target: TargetType; afghanSide: boolean },
  who: string,
  place: string,
): string {
  const noun = rng.pick(TARGET_NOUNS[e.target]);
  const person = rng.pick(PERSON_NOUNS[e.target]);
  if (e.afghanSide) {
    if (e.type === 'cross_border') return `Pakistani and Afghan border forces exchanged fire near ${place}`;
    if (e.type === 'rocket_mortar_shelling') return `Shells fired across the border landed near ${place}`;
    return `Militants clashed with border forces near ${place}`;
  }
  switch (e.type) {
    case 'armed_assault':
      return `${who} attacked ${noun} in ${place}`;
    case 'suicide_bombing':
      return `A suicide bomber struck ${noun} in ${place}`;
    case 'ied_explosive':
      return `${rng.pick(['A roadside bomb', 'An improvised explosive device', 'A remote-controlled bomb'])} hit ${noun} in ${place}`;
    case 'targeted_killing':
      return `${who} opened fire on ${person} in ${place}`;
    case 'rocket_mortar_shelling':
      return `Mortar shells landed near ${noun} in ${place}`;
    case 'cross_border':
      return `Fire from across the border hit ${noun} near ${place}`;
    case 'kidnapping':
      return `${who} abducted ${person} in ${place}`;
    case 'infrastructure_sabotage':
      return `${who} blew up ${noun} near ${place}`;
    case 'clash':
      return `Security forces exchanged fire with militants near ${place}`;
    case 'other':
      return `${who} set fire to ${noun} in ${place}`;
  }
}

export type Sides = Record<CasualtyCategory, { low: number; high: number | null }>;

function who(category: CasualtyCategory, target: TargetType, n: number): string {
  const one = n === 1;
  switch (category) {
    case 'security_forces':
      return target === 'police' ? (one ? 'police officer' : 'police officers') : one ? 'soldier' : 'soldiers';
    case 'civilians':
      return one ? 'civilian' : 'civilians';
    case 'militants':
      return one ? 'attacker' : 'attackers';
    case 'not_specified':
      return one ? 'person' : 'people';
  }
}

/** "one police officer and two attackers killed" */
function side(sides: Sides, target: TargetType, verb: string): string | null {
  const parts: string[] = [];
  for (const [category, f] of Object.entries(sides) as Array<[CasualtyCategory, Sides[CasualtyCategory]]>) {
    if (f.low === 0 && f.high === null) continue;
    const n = f.high === null ? countWord(f.low) : `at least ${countWord(f.low)} (up to ${countWord(f.high)})`;
    parts.push(`${n} ${who(category, target, f.high ?? f.low)}`);
  }
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${list} ${verb}`;
}

export function incidentSummary(
  rng: Rng,
  e: {
    type: IncidentType;
    target: TargetType;
    afghanSide: boolean;
    place: string;
    groupName: string | null;
    claimed: boolean;
    killed: Sides;
    injured: Sides;
  },
): string {
  const sentence = action(rng, e, actor(rng, e.groupName, e.claimed), e.place);
  const parts = [side(e.killed, e.target, 'killed'), side(e.injured, e.target, 'injured')].filter(
    (p): p is string => p !== null,
  );
  const outcome =
    parts.length === 0
      ? e.type === 'kidnapping'
        ? 'no casualties reported, whereabouts unknown'
        : 'no casualties reported'
      : parts.join('; ');
  const claim = e.groupName && e.claimed ? ` ${e.groupName} claimed responsibility.` : '';
  return `${sentence}; ${outcome}.${claim}`;
}

const KIND_NOUNS: Record<OperationKind, string> = {
  intelligence_based: 'intelligence-based operation',
  clearance: 'clearance operation',
  cordon_and_search: 'cordon-and-search operation',
  border_interdiction: 'border interdiction',
  air_strike: 'air strike',
  other: 'security operation',
};

export function operationSummary(e: {
  kind: OperationKind;
  count: number;
  where: string;
  period: 'day' | 'week' | 'month';
  militantsKilled: number;
  militantsArrested: number;
  securityKilled: number;
}): string {
  const noun = KIND_NOUNS[e.kind];
  const what =
    e.count === 1
      ? `${/^[aeiou]/.test(noun) ? 'An' : 'A'} ${noun} in ${e.where}`
      : `${e.count.toLocaleString('en-US')} ${noun}s in ${e.where} over the ${e.period}`;
  const outcome = [
    e.militantsKilled > 0
      ? `${countWord(e.militantsKilled)} ${e.militantsKilled === 1 ? 'militant' : 'militants'} killed`
      : null,
    e.militantsArrested > 0
      ? `${countWord(e.militantsArrested)} ${e.militantsArrested === 1 ? 'suspect' : 'suspects'} arrested`
      : null,
    e.securityKilled > 0
      ? `${countWord(e.securityKilled)} security ${e.securityKilled === 1 ? 'officer' : 'personnel'} killed`
      : null,
  ].filter((p): p is string => p !== null);
  return `${what}: ${outcome.length > 0 ? outcome.join(', ') : 'no casualties or arrests reported'}.`;
}
