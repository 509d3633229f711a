import { describe, expect, it } from 'vitest';
import { CreateAnnotationInput } from '../../../core/annotation/schema';
import { CreateGroupInput } from '../../../core/group/schema';
import { CreateReferenceFigureInput } from '../../../core/reference-figure/schema';
import { REFERENCE_ANNOTATIONS, REFERENCE_FIGURES, REFERENCE_GROUPS } from '../../../core/seed/reference-data';

const groups = REFERENCE_GROUPS.map((g) => CreateGroupInput.parse(g));
const figures = REFERENCE_FIGURES.map((f) => CreateReferenceFigureInput.parse(f));
const annotations = REFERENCE_ANNOTATIONS.map((a) => CreateAnnotationInput.parse(a));
const group = (shortName: string) => groups.find((g) => g.shortName === shortName);
const figure = (text: string) => {
  const found = figures.filter((f) => f.metric.toLowerCase().includes(text.toLowerCase()));
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('reference groups', () => {
  it('holds the groups of the report and the ones a Pakistan tracker needs, once each', () => {
    const names = groups.map((g) => g.shortName);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['TTP', 'ISIL-K', 'AQ', 'ETIM/TIP', 'IMU', 'BLA', 'BLF', 'HGB', 'LeI', 'JuA']),
    );
  });

  it('names ISIL-K by its other spellings and AQ with its South Asian branch', () => {
    expect(group('ISIL-K')?.aliases).toEqual(
      expect.arrayContaining(['ISKP', 'IS-K', 'Islamic State Khorasan Province']),
    );
    expect(group('AQ')?.aliases).toContain('AQIS');
  });

  it.each([
    ['TTP', 'Afghanistan', true],
    ['ISIL-K', 'Afghanistan', true],
    ['AQ', 'Afghanistan', true],
    ['ETIM/TIP', 'Afghanistan', true],
    ['IMU', 'Afghanistan', false],
    ['BLA', 'Pakistan', true],
    ['BLF', 'Pakistan', true],
    ['LeI', 'Pakistan', true],
    ['JuA', 'Afghanistan', true],
    ['HGB', 'Pakistan', false],
  ])('%s: based in %s, proscribed %s', (name, base, proscribed) => {
    expect(group(name)?.baseCountry).toBe(base);
    expect(group(name)?.proscribed).toBe(proscribed);
    expect(group(name)?.description?.length).toBeGreaterThan(40);
  });

  it("keeps TTP's strength as a range with its date and source", () => {
    expect(group('TTP')?.strengthEstimates).toEqual([
      { low: 6000, high: 6500, asOf: '2026-01-01', source: 'The Diplomat, cited in a news report of 2026-01-17' },
    ]);
  });
});

describe('reference figures', () => {
  it.each([
    ['intelligence-based operations carried out', 'lower_bound', 75_000, null, 'intelligenceBasedOperations'],
    ['terrorists killed', 'exact', 2_597, null, 'militantsKilledInIntelligenceBasedOperations'],
    ['TTP fighters', 'range', 6_000, 6_500, null],
    ['Afghan nationals', 'percent', 70, null, null],
    ['organisations active in Afghanistan', 'lower_bound', 20, null, null],
    ['victims of terrorism', 'lower_bound', 80_000, null, null],
    ['economic cost', 'money', 150e9, null, null],
  ] as const)('"%s" is a %s of %d', (text, kind, value, high, comparable) => {
    const f = figure(text);
    expect(f.valueKind).toBe(kind);
    expect(f.value).toBe(value);
    expect(f.valueHigh).toBe(high);
    expect(f.comparableTo).toBe(comparable);
  });

  it('keeps the 2025 figures on the calendar year so they line up with recorded data', () => {
    for (const text of ['intelligence-based operations carried out', 'terrorists killed']) {
      expect(figure(text)).toMatchObject({ periodStart: '2025-01-01', periodEnd: '2025-12-31', periodLabel: '2025' });
    }
  });

  it('carries the currency and the wording of the money figure with its number', () => {
    const cost = figure('economic cost');
    expect(cost.unit).toBe('USD');
    expect(cost.valueText).toBe('more than USD 150 billion (an estimate)');
  });

  it('gives only the periods the report gives: the others are undated, with the day they were reported', () => {
    for (const text of ['TTP fighters', 'Afghan nationals', 'economic cost', 'victims of terrorism']) {
      expect(figure(text), text).toMatchObject({ periodStart: null, periodEnd: null, reportedOn: '2026-01-17' });
    }
    expect(figure('economic cost').periodLabel).toBe('undated');
    expect(figure('victims of terrorism').periodLabel).toMatch(/War on Terror/);
    // Every figure keeps its wording with the number.
    for (const f of figures) expect(f.valueText, f.metric).toBeTruthy();
  });

  it('credits the original source and the report that cited it', () => {
    expect(figure('TTP fighters')).toMatchObject({
      sourceName: 'The Diplomat',
      citedVia: expect.stringContaining('2026-01-17'),
    });
    expect(figure('Afghan nationals').sourceName).toBe('The Diplomat');
    expect(figure('organisations active').sourceName).toMatch(/UN Analytical Support and Sanctions Monitoring Team/);
    expect(figure('organisations active').citedVia).toMatch(/2026-01-17/);
    expect(new Set(figures.map((f) => f.metric)).size).toBe(figures.length);
  });
});

describe('reference annotations', () => {
  it.each([
    ['Taliban take power', '2021-08-01', 'month', null, 'political'],
    ['engagement with the new Taliban', '2021-01-01', 'year', null, 'diplomatic'],
    ['Mufti Taqi Usmani', '2022-01-01', 'year', null, 'diplomatic'],
    ['regional mediation', '2022-01-01', 'span', '2025-12-31', 'diplomatic'],
    ['2D strategy', '2025-01-01', 'year', null, 'policy'],
    ['UN monitors', '2025-12-01', 'month', null, 'report'],
  ])('"%s" is dated %s at %s precision', (text, date, precision, endDate, kind) => {
    const found = annotations.filter((a) => a.title.includes(text));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ date, datePrecision: precision, endDate, kind });
    expect(found[0]!.description?.length).toBeGreaterThan(40);
  });

  it('has six rows with distinct titles (the idempotency key)', () => {
    expect(annotations).toHaveLength(6);
    expect(new Set(annotations.map((a) => a.title.toLowerCase())).size).toBe(6);
  });
});
