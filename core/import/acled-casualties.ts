/**
 * How an ACLED row fills the casualty figures. ACLED gives one number, `fatalities`, for everyone
 * killed in the event, and no injured count (codebook: "Fatalities"). So:
 * - every injured figure is "not reported" (null), never 0;
 * - the fatalities are killed, category "not specified", and the other categories are not reported,
 *   because ACLED does not say who died;
 * - except when civilians are the only target of one-sided violence (event type "Violence against
 *   civilians", side 2 civilians and nobody else): the dead are the civilians attacked.
 * An operation's outcome figures come from the same number: the militants killed are the fatalities
 * when state forces acted against a group; arrests and security losses are not reported.
 */
import type { Casualties } from '../common-schemas';
import { CASUALTY_CATEGORIES, type CasualtyCategory } from '../enums';
import type { EventFamily } from './acled-event-type';
import { INTER } from './acled-actors';

const NOT_REPORTED = { low: null, high: null } as const;

/** Who ACLED's fatalities were, from the event family and the target side. */
export function acledVictims(event: {
  family: EventFamily;
  inter2: number | undefined;
  actor2: string | undefined;
  assocActor2: string | undefined;
}): CasualtyCategory {
  const civilian = (actor: string | undefined) => actor !== undefined && /^civilians\b/i.test(actor);
  const targetIsCivilians = event.inter2 === INTER.civilians || civilian(event.actor2);
  const onlyCivilians = event.assocActor2 === undefined || civilian(event.assocActor2);
  return event.family === 'violence_against_civilians' && targetIsCivilians && onlyCivilians
    ? 'civilians'
    : 'not_specified';
}

/** The casualty object of an incident from ACLED's fatalities (undefined: the cell was empty). */
export function acledCasualties(fatalities: number | undefined, victims: CasualtyCategory): Casualties {
  const side = () =>
    Object.fromEntries(CASUALTY_CATEGORIES.map((c) => [c, { ...NOT_REPORTED }])) as Casualties['killed'];
  const killed = side();
  if (fatalities !== undefined) killed[victims] = { low: fatalities, high: null };
  return { killed, injured: side() };
}

/** An operation's outcome from ACLED: only the militants killed can be read from fatalities. */
export function acledOperationOutcome(militantsKilled: number | undefined) {
  return {
    militantsKilled: militantsKilled ?? null,
    militantsArrested: null,
    securityKilled: null,
    securityInjured: null,
  };
}

/**
 * The casualty split of a Border Watch export (its killed_* / injured_* columns), when the row has
 * one whose killed "at least" figures add up to ACLED's fatalities; otherwise null and the ACLED
 * rule stands. A round trip so keeps whose deaths they were, and every death stays accounted for.
 */
export function exportedCasualties(
  row: Partial<Record<string, string | undefined>>,
  fatalities: number | undefined,
): Casualties | null {
  if (row.killed_civilians_low === undefined) return null;
  const cell = (name: string): number | null | undefined => {
    const text = row[name]?.trim();
    if (!text) return null;
    return /^\d+$/.test(text) ? Number(text) : undefined;
  };
  const side = (name: 'killed' | 'injured') => {
    const out = {} as Casualties['killed'];
    for (const c of CASUALTY_CATEGORIES) {
      const [low, high] = [cell(`${name}_${c}_low`), cell(`${name}_${c}_high`)];
      if (low === undefined || high === undefined || (low === null && high !== null)) return null;
      out[c] = { low, high };
    }
    return out;
  };
  const [killed, injured] = [side('killed'), side('injured')];
  if (!killed || !injured) return null;
  const sum = CASUALTY_CATEGORIES.reduce((n, c) => n + (killed[c].low ?? 0), 0);
  const any = CASUALTY_CATEGORIES.some((c) => killed[c].low !== null);
  if (fatalities === undefined ? any : sum !== fatalities) return null;
  return { killed, injured };
}
