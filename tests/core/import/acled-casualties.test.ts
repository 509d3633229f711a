import { describe, expect, it } from 'vitest';
import {
  acledCasualties,
  acledOperationOutcome,
  acledVictims,
  exportedCasualties,
} from '../../../core/import/acled-casualties';

const NR = { low: null, high: null };

describe('the casualty figures of an ACLED row', () => {
  it('files fatalities as killed, not specified; everything else is not reported', () => {
    expect(acledCasualties(4, 'not_specified')).toEqual({
      killed: { civilians: NR, security_forces: NR, militants: NR, not_specified: { low: 4, high: null } },
      injured: { civilians: NR, security_forces: NR, militants: NR, not_specified: NR },
    });
  });

  it('keeps a reported 0 and leaves an empty cell not reported', () => {
    expect(acledCasualties(0, 'not_specified').killed.not_specified).toEqual({ low: 0, high: null });
    expect(acledCasualties(undefined, 'not_specified').killed.not_specified).toEqual(NR);
  });

  it.each([
    [
      'violence against civilians, civilians only',
      'violence_against_civilians',
      7,
      'Civilians (Pakistan)',
      undefined,
      'civilians',
    ],
    [
      'civilians by inter label',
      'violence_against_civilians',
      undefined,
      'Civilians (Pakistan)',
      'Civilians (Pakistan)',
      'civilians',
    ],
    [
      'civilians and police targeted',
      'violence_against_civilians',
      7,
      'Civilians (Pakistan)',
      'Police Forces of Pakistan (2018-)',
      'not_specified',
    ],
    [
      'a bombing of civilians (attackers may die too)',
      'explosion',
      7,
      'Civilians (Pakistan)',
      undefined,
      'not_specified',
    ],
    ['a battle', 'battle', 1, 'Military Forces of Pakistan (2018-)', undefined, 'not_specified'],
  ] as const)('%s', (_, family, inter2, actor2, assocActor2, victims) => {
    expect(acledVictims({ family, inter2, actor2, assocActor2 })).toBe(victims);
  });

  it('reads an operation outcome: militants killed from fatalities, the rest not reported', () => {
    expect(acledOperationOutcome(3)).toEqual({
      militantsKilled: 3,
      militantsArrested: null,
      securityKilled: null,
      securityInjured: null,
    });
  });
});

describe('exportedCasualties (a Border Watch export read back)', () => {
  const cells = (over: Record<string, string>) => {
    const row: Record<string, string> = {};
    for (const side of ['killed', 'injured'])
      for (const c of ['civilians', 'security_forces', 'militants', 'not_specified'])
        for (const b of ['low', 'high']) row[`${side}_${c}_${b}`] = '';
    return { ...row, ...over };
  };

  it('keeps the split when the killed figures add up to the fatalities', () => {
    const c = exportedCasualties(cells({ killed_civilians_low: '21', injured_civilians_low: '0' }), 21)!;
    expect(c.killed.civilians).toEqual({ low: 21, high: null });
    expect(c.killed.not_specified).toEqual({ low: null, high: null });
    expect(c.injured.civilians).toEqual({ low: 0, high: null });
  });

  it('falls back to the ACLED rule when the split disagrees with the fatalities, is malformed, or is absent', () => {
    expect(exportedCasualties(cells({ killed_civilians_low: '20' }), 21)).toBeNull();
    expect(exportedCasualties(cells({ killed_civilians_low: 'x' }), 21)).toBeNull();
    expect(exportedCasualties(cells({ killed_civilians_high: '3' }), undefined)).toBeNull();
    expect(exportedCasualties({}, 21)).toBeNull();
  });
});
