/** The wait before the next try after failed sync runs: 5 min doubling per failure, capped by the interval, never before Retry-After. */
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../server/sync/acled-sync-service';

const MIN = 60_000;

describe('backoffDelayMs', () => {
  it.each([
    [1, 24, null, 5 * MIN],
    [2, 24, null, 10 * MIN],
    [3, 24, null, 20 * MIN],
    [10, 24, null, 24 * 60 * MIN], // capped at the daily interval
    [10, 1, null, 60 * MIN], // capped at an hourly one
    [1, 24, 2 * 60 * MIN, 2 * 60 * MIN], // ACLED asked for two hours
    [3, 24, 1000, 20 * MIN], // a short Retry-After does not shorten the backoff
  ])('after %i failures, interval %i h, Retry-After %s ms: %i ms', (failures, hours, retryAfter, want) => {
    expect(backoffDelayMs(failures, hours, retryAfter)).toBe(want);
  });
});
