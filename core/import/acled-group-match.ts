/**
 * ACLED actor names to the product's groups. ACLED writes `TTP: Tehreek-i-Taliban Pakistan`; the
 * group list may say `Tehrik-e-Taliban Pakistan` with alias `TTP`. Names are compared after
 * folding case, punctuation, Urdu connectives (-e-, -i-, -ul-, al-) and a few transliterations, and
 * only whole names match: `Afghani Taliban` must not become TTP because both say "Taliban".
 */

import { DomainError } from '../errors';

export interface ImportGroup {
  id: string;
  shortName: string;
  fullName: string;
  aliases: readonly string[];
}

const CONNECTIVES = new Set(['e', 'i', 'ul', 'al', 'el', 'wal', 'the', 'of']);
const SPELLINGS: Readonly<Record<string, string>> = {
  tehreek: 'tehrik',
  tahreek: 'tehrik',
  tahrik: 'tehrik',
  tehrek: 'tehrik',
  jamat: 'jamaat',
  jammat: 'jamaat',
  jamaa: 'jamaat',
  jaysh: 'jaish',
  qaida: 'qaeda',
  lashkare: 'lashkar',
};

export function groupKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '' && !CONNECTIVES.has(t))
    .map((t) => SPELLINGS[t] ?? t)
    .join(' ');
}

/**
 * The names one ACLED actor cell can stand for: itself, then without its qualifier, then its long
 * form. The abbreviation before a colon counts only without a long form: ACLED's
 * "LeJ: Lashkar-e-Jabbar" is not Lashkar-e-Jhangvi (LeJ), whatever the letters say.
 */
function candidates(actor: string): string[] {
  const out = [actor];
  // "(Pakistan)" or "(2016-)" qualifies the actor; it is not part of the organisation's name.
  const bare = actor.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (bare !== actor) out.push(bare);
  const colon = bare.indexOf(':');
  if (colon > 0) {
    const long = bare.slice(colon + 1).trim();
    out.push(long === '' ? bare.slice(0, colon) : long);
  }
  return out;
}

/** "Unidentified Armed Group (Pakistan)": the source names no perpetrator. */
export const isUnnamedActor = (name: string): boolean => /^unidentified\b|^unknown\b/i.test(name.trim());

export type GroupMatcher = (actors: ReadonlyArray<string | undefined>) => string | null;

/**
 * Builds the lookup once per import. A name two groups share is dropped, so an ambiguous actor
 * stays unknown rather than being credited to the wrong group.
 */
export function createGroupMatcher(groups: readonly ImportGroup[]): GroupMatcher {
  const byKey = new Map<string, string | null>();
  for (const g of groups) {
    for (const name of [g.shortName, g.fullName, ...g.aliases]) {
      const k = groupKey(name);
      if (k === '') continue;
      const seen = byKey.get(k);
      byKey.set(k, seen === undefined || seen === g.id ? g.id : null);
    }
  }
  return (actors) => {
    for (const cell of actors) {
      if (cell === undefined) continue;
      // Associated-actor cells list several actors separated by semicolons.
      for (const actor of cell.split(';')) {
        if (/\band\/or\b/i.test(actor)) continue; // ACLED's own uncertainty: attribute to nobody
        for (const name of candidates(actor.trim())) {
          const id = byKey.get(groupKey(name));
          if (id) return id;
        }
      }
    }
    return null;
  };
}

/**
 * An import matches actors against the group table; an empty one (a database migrated but never
 * seeded) would file every perpetrator as unknown without a word, so the import is refused.
 */
export function requireGroups<G>(groups: readonly G[]): readonly G[] {
  if (groups.length === 0)
    throw new DomainError(
      'conflict',
      'The group table is empty, so no actor could be matched to a group: seed the reference data first (npm run db:migrate seeds it, as does every start of the app), then import again.',
      { groups: 'none stored' },
    );
  return groups;
}
