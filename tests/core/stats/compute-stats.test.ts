import { describe, expect, it } from 'vitest';
import { computeBreakdown, computeSummary, computeTimeseries } from '../../../core/stats/compute-stats';
import { parseStatsQuery } from '../../../core/stats/stats-query';
import { changeAgainst } from '../../../core/stats/summary';
import { pointKilled } from '../../../core/stats/timeseries';
import { ValidationError } from '../../../core/errors';
import { casualties, incident, operation } from './factories';
import { memoryStatsSource } from './memory-stats-source';

const Z = { zone: 'Asia/Karachi' };

const now = new Date('2025-03-10T15:30:00.000Z');
const TTP = '11111111-1111-4111-8111-111111111111';

const incidents = [
  // In the last 24 h.
  incident({
    occurredAt: '2025-03-10T10:00:00.000Z',
    type: 'suicide_bombing',
    groupId: TTP,
    crossBorder: 'yes',
    foreignNationals: 'no',
    casualties: casualties({ civilians: [5, 9], security_forces: [2, null] }, { civilians: [10, null] }),
  }),
  incident({
    occurredAt: '2025-03-09T20:00:00.000Z',
    type: 'ied_explosive',
    crossBorder: 'no',
    casualties: casualties({ militants: [3, null] }),
  }),
  // Retracted: never counted.
  incident({
    occurredAt: '2025-03-10T11:00:00.000Z',
    retractedAt: '2025-03-10T12:00:00.000Z',
    casualties: casualties({ civilians: [50, null] }),
  }),
  // The previous 24 h.
  incident({
    occurredAt: '2025-03-09T12:00:00.000Z',
    type: 'armed_assault',
    province: 'Balochistan',
    casualties: casualties({ not_specified: [1, 4] }),
  }),
];
const operations = [
  operation({ occurredAt: '2025-03-10T08:00:00.000Z', count: 12, militantsKilled: 4, militantsArrested: 7 }),
  operation({ occurredAt: '2025-03-09T08:00:00.000Z', count: 3, province: null }),
];
const src = memoryStatsSource(incidents, operations, { [TTP]: 'TTP' });

describe('summary', () => {
  it('sums the period and the previous equal period', async () => {
    const s = await computeSummary(src, parseStatsQuery({ range: '24h' }, now, Z));
    expect(s.current.incidents).toBe(2);
    expect(s.current.killed.total).toEqual({ low: 10, high: 14 });
    expect(s.current.killed.byCategory.civilians).toEqual({ low: 5, high: 9 });
    expect(s.current.killed.byCategory.security_forces).toEqual({ low: 2, high: 2 });
    expect(s.current.injured.total).toEqual({ low: 10, high: 10 });
    expect(s.current.incidentsWithHigh).toBe(1);
    expect(s.current.operations).toEqual({
      records: 1,
      operations: 12,
      militantsKilled: 4,
      militantsArrested: 7,
      securityKilled: 0,
      securityInjured: 0,
    });
    expect(s.current.crossBorder).toEqual({ yes: 1, no: 1, unknown: 0, share: 0.5 });
    expect(s.current.foreignNationals).toEqual({ yes: 0, no: 1, unknown: 1, share: 0 });
    expect(s.previous?.incidents).toBe(1);
    expect(s.previous?.killed.total).toEqual({ low: 1, high: 4 });
    expect(s.previous?.operations.operations).toBe(3);
    expect(s.previous?.crossBorder.share).toBeNull();
  });

  it('filters narrow incidents; a province filter leaves out nationwide operations', async () => {
    const s = await computeSummary(src, parseStatsQuery({ range: '7d', province: 'KP' }, now, Z));
    expect(s.current.incidents).toBe(2);
    expect(s.current.operations.operations).toBe(12);
    const g = await computeSummary(src, parseStatsQuery({ range: '7d', group: 'unknown' }, now, Z));
    expect(g.current.incidents).toBe(2);
  });

  it('reports the change against the previous period', () => {
    expect(changeAgainst(12, 8)).toEqual({ delta: 4, ratio: 0.5, direction: 'up' });
    expect(changeAgainst(3, 0)).toEqual({ delta: 3, ratio: null, direction: 'up' });
    expect(changeAgainst(5, 5).direction).toBe('flat');
  });
});

describe('timeseries', () => {
  it('fills empty hours, stacks by type and clips the edge buckets', async () => {
    const t = await computeTimeseries(src, parseStatsQuery({ range: '24h' }, now, Z));
    expect(t.bucket).toBe('hour');
    // 15:30 → 15:30 next day touches 25 hour buckets; the first and last are partial.
    expect(t.points).toHaveLength(25);
    expect(t.points[0]!.partial).toBe(true);
    expect(t.points[1]!.partial).toBe(false);
    expect(t.points.at(-1)!.partial).toBe(true);
    const ten = t.points.find((p) => p.start === '2025-03-10T10:00:00.000Z')!;
    expect(ten.incidents).toBe(1);
    expect(ten.byType.suicide_bombing).toBe(1);
    expect(ten.killed.civilians).toBe(5);
    expect(ten.killedHigh).toBe(11);
    expect(pointKilled(ten)).toBe(7);
    expect(t.points.reduce((s, p) => s + p.incidents, 0)).toBe(2);
    expect(t.points.reduce((s, p) => s + p.operations, 0)).toBe(12);
    for (const p of t.points) expect(Object.values(p.byType).reduce((a, b) => a + b, 0)).toBe(p.incidents);
  });

  it('an "all time" series starts at the first recorded day', async () => {
    const t = await computeTimeseries(src, parseStatsQuery({ bucket: 'day' }, now, Z));
    expect(t.from).toBe('2025-03-08T19:00:00.000Z');
    expect(t.points.map((p) => p.day)).toEqual(['2025-03-09', '2025-03-10']);
    expect(t.points.map((p) => p.incidents)).toEqual([1, 2]); // 2025-03-09T20:00Z is 01:00 PKT on 10 March
  });

  it('refuses hour buckets over long periods and series that are too long, naming the field', async () => {
    await expect(
      computeTimeseries(src, parseStatsQuery({ range: '30d', bucket: 'hour' }, now, Z)),
    ).rejects.toMatchObject({
      fields: { bucket: expect.any(String) },
    });
    await expect(
      computeTimeseries(src, parseStatsQuery({ from: '1971-01-01', bucket: 'day' }, now, Z)),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('breakdowns', () => {
  it('by group: top N, "others" folded, "unknown" kept apart and last', async () => {
    const ids = Array.from({ length: 5 }, (_, k) => `22222222-2222-4222-8222-00000000000${k}`);
    const many = [
      ...ids.flatMap((g, k) => Array.from({ length: 5 - k }, () => incident({ groupId: g }))),
      incident({ groupId: null }),
      incident({ groupId: null }),
    ];
    const s = memoryStatsSource(many, [], Object.fromEntries(ids.map((g, k) => [g, `G${k}`])));
    const b = await computeBreakdown(s, parseStatsQuery({ top: '2' }, now, Z), 'group');
    expect(
      b.rows.map((r) => [r.key === 'others' || r.key === 'unknown' ? r.key : r.label, r.kind, r.incidents]),
    ).toEqual([
      ['G0', 'value', 5],
      ['G1', 'value', 4],
      ['others', 'others', 6],
      ['unknown', 'unknown', 2],
    ]);
    expect(b.rows[2]!.members).toBe(3);
    expect(b.total.incidents).toBe(17);
    expect(b.rows.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1);
  });

  it('by province, type and target: labelled, largest first, empty values left out', async () => {
    const p = await computeBreakdown(src, parseStatsQuery({}, now, Z), 'province');
    expect(p.rows.map((r) => [r.key, r.label, r.incidents])).toEqual([
      ['KP', 'Khyber Pakhtunkhwa', 2],
      ['Balochistan', 'Balochistan', 1],
    ]);
    const t = await computeBreakdown(src, parseStatsQuery({}, now, Z), 'type');
    expect(t.rows[0]!.label).toBe('Suicide bombing');
    expect(t.rows[0]!.killed).toEqual({ low: 7, high: 11 });
    const tg = await computeBreakdown(src, parseStatsQuery({}, now, Z), 'target');
    expect(tg.rows).toEqual([expect.objectContaining({ key: 'police', label: 'Police', incidents: 3, share: 1 })]);
  });
});
