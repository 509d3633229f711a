/**
 * The password rule for every path that sets one (admin API and page, CLI, change-password, demo
 * accounts): at least 12 characters and not guessable, judged by zxcvbn (common passwords, words,
 * names, keyboard walks, repeats, dates, l33t) at score 3 or more. The dictionaries load on first
 * use, not at import: the server pays for them only when someone sets a password.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable" against an online attack with throttling and then some. */
export const MIN_PASSWORD_SCORE = 3;
/** Words of this product that make a password guessable to anyone who knows where it is used. */
const PRODUCT_WORDS = ['border', 'watch', 'borderwatch', 'border-watch', 'demo', 'pakistan', 'afghan'];

let factory: ZxcvbnFactory | null = null;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, userInputs: PRODUCT_WORDS },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/** Why a password is refused (a phrase that follows the field name), or null when it is good. */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `is too long (${MAX_PASSWORD_LENGTH} characters at most)`;
  // Only the first 100 characters are scored: the estimate's cost grows with length, and beyond that length is strength.
  const result = estimator().check(password.slice(0, 100), userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ?? 'it is too easy to guess';
  const hint = result.feedback.suggestions[0] ?? 'Use a few uncommon words together.';
  return `is too easy to guess: ${why.replace(/\.$/, '')}. ${hint}`;
}
