import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../../core/change/change';
import { recordEvents } from '../../../core/alert/record-events';
import { EachTrigger } from '../../../core/alert/schema';
import type { Incident } from '../../../core/incident/schema';

const now = new Date('2026-03-01T12:00:00Z');
const incident = (over: Partial<Incident> = {}, killed: number | null = 4): Incident =>
  ({
    id: 'i1',
    version: 1,
    occurredAt: '2026-03-01T06:00:00.000Z',
    country: 'Pakistan',
    province: 'Balochistan',
    district: 'Quetta',
    type: 'suicide_bombing',
    targetType: 'police',
    groupId: null,
    verification: 'reported',
    retractedAt: null,
    synthetic: false,
    casualties: {
      killed: {
        civilians: { low: killed, high: null },
        security_forces: { low: null, high: null },
        militants: { low: null, high: null },
        not_specified: { low: null, high: null },
      },
      injured: {},
    },
    ...over,
  }) as unknown as Incident;

const change = (action: ChangeRecord['action'], after: Incident, before: Incident | null = null): ChangeRecord => ({
  epoch: 'e',
  seq: 7,
  at: now.toISOString(),
  entity: 'incident',
  action,
  id: after.id,
  version: after.version,
  data: after,
  actor: 'x',
  before,
});

const filter = { province: ['Balochistan' as const], type: ['suicide_bombing' as const] };
const each = EachTrigger.parse({ type: 'each', killedChange: 3 });

describe('recordEvents (the each trigger)', () => {
  it.each([
    ['a new matching record', change('created', incident()), false, ['new']],
    ['a new record outside the view', change('created', incident({ province: 'KP' })), false, []],
    [
      'a new record that happened long ago (a backfill)',
      change('created', incident({ occurredAt: '2020-01-01T00:00:00Z' })),
      false,
      [],
    ],
    [
      'a correction into the view',
      change('updated', incident({ version: 2 }), incident({ province: 'KP' })),
      false,
      ['new'],
    ],
    [
      'a correction inside the view, never alerted, not newly matching',
      change('updated', incident({ version: 2 }), incident()),
      false,
      [],
    ],
    [
      'a killed correction of 3 on an alerted record',
      change('updated', incident({ version: 2 }, 7), incident()),
      true,
      ['corrected'],
    ],
    [
      'a killed correction of 2 on an alerted record',
      change('updated', incident({ version: 2 }, 6), incident()),
      true,
      [],
    ],
    [
      'not reported → 5 killed counts as a move of 5',
      change('updated', incident({ version: 2 }, 5), incident({}, null)),
      true,
      ['corrected'],
    ],
    [
      'the retraction of an alerted record',
      change('retracted', incident({ retractedAt: now.toISOString() })),
      true,
      ['retracted'],
    ],
    [
      'the retraction of a record never alerted',
      change('retracted', incident({ retractedAt: now.toISOString() })),
      false,
      [],
    ],
  ])('%s', (_what, c, alerted, kinds) => {
    expect(recordEvents(each, filter, c, alerted, now).map((e) => e.kind)).toEqual(kinds);
  });

  it('keeps "not reported" apart from zero in the killed figure it states', () => {
    const [e] = recordEvents(each, filter, change('created', incident({}, null)), false, now);
    expect(e!.killed).toEqual({ low: null, high: null });
  });

  it('gives the same event key when the same change is evaluated again', () => {
    const c = change('created', incident());
    expect(recordEvents(each, filter, c, false, now)[0]!.key).toBe(recordEvents(each, filter, c, false, now)[0]!.key);
  });
});
