/**
 * The named-actor rule (core/import/derive-group.ts, docs/adr/0030): a record without a matched group
 * is "other named actors" only when the side its group is read from names someone; ACLED's
 * "Unidentified …" actors, GTD's "Unknown" and the like are placeholders and stay unknown.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../core/common-schemas';
import { deriveNamedActor, isPlaceholderActor } from '../../../core/import/derive-group';
import { groupCellKey, groupFilterOfRecord } from '../../../core/rollup/incident-rollup';

const a = (role: Actor['role'], name: string, inter: string | null = null): Actor => ({ role, name, inter });

describe('placeholder actor names', () => {
  it.each([
    'Unidentified Armed Group (Pakistan)',
    'Unidentified Armed Group (Afghanistan)',
    'Unidentified Military Forces',
    'Unidentified Communal Militia (Pakistan)',
    'Unknown',
    'unknown gunmen',
    '  UNKNOWN ',
    'Unclaimed',
    'n/a',
    '-',
  ])('%s is a placeholder', (name) => expect(isPlaceholderActor(name)).toBe(true));

  it.each([
    'Tehrik-i-Taliban Pakistan (TTP)',
    'Islamic State (Afghanistan)',
    'Foo Brigade',
    'Baloch Republican Army (BRA)',
    'Military Forces of Pakistan (2018-)',
    'Unknowns of Swat', // a proper name that only starts like the word
  ])('%s names an actor', (name) => expect(isPlaceholderActor(name)).toBe(false));
});

describe('deriveNamedActor', () => {
  it('an ACLED attack by an unidentified armed group names no perpetrator', () => {
    const actors = [a('actor1', 'Unidentified Armed Group (Pakistan)', '3'), a('actor2', 'Civilians (Pakistan)', '7')];
    expect(deriveNamedActor({ actors, category: 'attack' }, 'incident')).toBe(false);
  });

  it('an ACLED attack by a named armed group that is none of ours names one', () => {
    const actors = [a('actor1', 'Foo Brigade', '3'), a('actor2', 'Civilians (Pakistan)', '7')];
    expect(deriveNamedActor({ actors, category: 'attack' }, 'incident')).toBe(true);
  });

  it('a named associate of an unidentified actor is named', () => {
    const actors = [
      a('actor1', 'Unidentified Armed Group (Pakistan)', '2'),
      a('assoc_actor_1', 'Foo Brigade'),
      a('actor2', 'Police Forces of Pakistan (2018-)', '1'),
    ];
    expect(deriveNamedActor({ actors, category: 'attack' }, 'incident')).toBe(true);
  });

  it('the victims are not the perpetrator: civilians on side 1 and a placeholder on side 2 is unknown', () => {
    const actors = [a('actor1', 'Civilians (Pakistan)', '7'), a('actor2', 'Unidentified Armed Group (Pakistan)', '3')];
    expect(deriveNamedActor({ actors, category: 'attack' }, 'incident')).toBe(false);
    const named = [a('actor1', 'Civilians (Pakistan)', '7'), a('actor2', 'Foo Brigade', '3')];
    expect(deriveNamedActor({ actors: named, category: 'attack' }, 'incident')).toBe(true);
  });

  it('a clash reads the militant side, not the state forces', () => {
    const unknown = [
      a('actor1', 'Military Forces of Pakistan (2018-)', '1'),
      a('actor2', 'Unidentified Armed Group (Pakistan)', '2'),
    ];
    expect(deriveNamedActor({ actors: unknown, category: 'clash' }, 'incident')).toBe(false);
    const named = [a('actor1', 'Military Forces of Pakistan (2018-)', '1'), a('actor2', 'Foo Brigade', '2')];
    expect(deriveNamedActor({ actors: named, category: 'clash' }, 'incident')).toBe(true);
  });

  it('an operation reads its target side', () => {
    const state = a('actor1', 'Military Forces of Pakistan (2018-)', '1');
    expect(deriveNamedActor({ actors: [state, a('actor2', 'Foo Brigade', '2')] }, 'operation')).toBe(true);
    expect(
      deriveNamedActor({ actors: [state, a('actor2', 'Unidentified Armed Group (Pakistan)', '2')] }, 'operation'),
    ).toBe(false);
    // The state acting alone (no target named).
    expect(deriveNamedActor({ actors: [state] }, 'operation')).toBe(false);
  });

  it('interstate and state violence name the acting state', () => {
    const actors = [a('actor1', 'Military Forces of India (2014-)', '8'), a('actor2', 'Civilians (Pakistan)', '7')];
    expect(deriveNamedActor({ actors, category: 'interstate' }, 'incident')).toBe(true);
    const unidentified = [a('actor1', 'Unidentified Military Forces', '1'), a('actor2', 'Civilians (Pakistan)', '7')];
    expect(deriveNamedActor({ actors: unidentified, category: 'state_violence' }, 'incident')).toBe(false);
  });

  it("a form's or GTD's perpetrator: GTD's Unknown is a placeholder, a later named guess counts", () => {
    expect(deriveNamedActor({ actors: [a('perpetrator', 'Unknown')] }, 'incident')).toBe(false);
    expect(deriveNamedActor({ actors: [a('perpetrator', 'Some Lashkar')] }, 'incident')).toBe(true);
    expect(
      deriveNamedActor(
        { actors: [a('perpetrator', 'Unknown'), a('perpetrator', 'Foo Brigade', 'suspected')] },
        'incident',
      ),
    ).toBe(true);
  });

  it('no actors: nothing named (an operator chose the group, or unknown)', () => {
    expect(deriveNamedActor({ actors: [] }, 'incident')).toBe(false);
    expect(deriveNamedActor({ actors: [] }, 'operation')).toBe(false);
  });

  it('the group key: a group wins, then other named actors, then unknown', () => {
    const gid = '00000000-0000-4000-8000-000000000001';
    expect(groupCellKey(gid, true)).toBe(gid);
    expect(groupCellKey(null, true)).toBe('other');
    expect(groupCellKey(null, false)).toBe('');
    expect(groupFilterOfRecord({ groupId: null, namedActor: false })).toBe('unknown');
    expect(groupFilterOfRecord({ groupId: null, namedActor: true })).toBe('other');
  });
});
