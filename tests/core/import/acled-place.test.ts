import { describe, expect, it } from 'vitest';
import { coveredCountry, normaliseProvince, placeOf } from '../../../core/import/acled-place';

describe('normaliseProvince', () => {
  it.each([
    ['Federally Administered Tribal Areas', 'KP-MD'],
    ['FATA', 'KP-MD'],
    ['Khyber Pakhtunkhwa', 'KP'],
    ['Khyber Pakhtoonkhwa', 'KP'],
    ['KHYBER-PAKHTUNKHWA', 'KP'],
    ['NWFP', 'KP'],
    ['North-West Frontier Province', 'KP'],
    ['Federal Capital Territory', 'ICT'],
    ['Islamabad Capital Territory', 'ICT'],
    ['Islamabad', 'ICT'],
    ['Azad Kashmir', 'AJK'],
    ['Azad Jammu and Kashmir', 'AJK'],
    ['Azad Jammu & Kashmir', 'AJK'],
    ['Gilgit-Baltistan', 'Gilgit-Baltistan'],
    ['Northern Areas', 'Gilgit-Baltistan'],
    ['Balochistan', 'Balochistan'],
    ['Baluchistan', 'Balochistan'],
    ['punjab', 'Punjab'],
    ['Sindh', 'Sindh'],
    ['Sind', 'Sindh'],
  ])('%s → %s', (admin1, province) => {
    expect(normaliseProvince(admin1)).toBe(province);
  });

  it.each(['Kabul', 'Alibori', 'Kashmir', ''])('%s is unknown', (admin1) => {
    expect(normaliseProvince(admin1)).toBeUndefined();
  });
});

describe('placeOf', () => {
  it('files ex-FATA districts coded under Khyber Pakhtunkhwa as KP-MD, others as KP', () => {
    expect(placeOf('Pakistan', 'Khyber Pakhtunkhwa', 'North Waziristan')).toEqual({
      ok: true,
      country: 'Pakistan',
      province: 'KP-MD',
      district: 'North Waziristan',
    });
    expect(placeOf('Pakistan', 'Khyber Pakhtunkhwa', 'Kurram Agency')).toMatchObject({ province: 'KP-MD' });
    expect(placeOf('Pakistan', 'Khyber Pakhtunkhwa', 'Peshawar')).toMatchObject({
      province: 'KP',
      district: 'Peshawar',
    });
    expect(placeOf('Pakistan', 'Khyber Pakhtunkhwa', undefined)).toMatchObject({ province: 'KP', district: null });
  });

  it('keeps an Afghan border province and its district, in any common spelling', () => {
    expect(placeOf('Afghanistan', 'Kunar', 'Asadabad')).toEqual({
      ok: true,
      country: 'Afghanistan',
      province: 'Kunar',
      district: 'Asadabad',
    });
    expect(placeOf('Afghanistan', 'Paktya', undefined)).toMatchObject({ ok: true, province: 'Paktia', district: null });
    expect(placeOf('Afghanistan', 'Nimruz', 'Zaranj')).toMatchObject({ ok: true, province: 'Nimroz' });
    expect(placeOf('Afghanistan', 'Khowst', 'Khost')).toMatchObject({ ok: true, province: 'Khost' });
  });

  it('marks Afghan provinces away from the border as outside the border region', () => {
    for (const admin1 of ['Balkh', 'Herat', 'Kunduz', 'Kabul'])
      expect(placeOf('Afghanistan', admin1, 'X')).toMatchObject({ ok: false, outsideBorderRegion: true });
  });

  it('names an unknown or missing Pakistani province', () => {
    expect(placeOf('Pakistan', 'Kashmir Valley', 'X')).toEqual({
      ok: false,
      reason: 'admin1 "Kashmir Valley" is not a known province of Pakistan',
    });
    expect(placeOf('Pakistan', undefined, 'X')).toEqual({ ok: false, reason: 'admin1 (the province) is missing' });
  });
});

describe('coveredCountry', () => {
  it.each([
    ['Pakistan', undefined, undefined, 'Pakistan'],
    ['AFGHANISTAN', undefined, undefined, 'Afghanistan'],
    ['Benin', '204', undefined, 'other'],
    [undefined, '586', undefined, 'Pakistan'],
    [undefined, undefined, 'AFG', 'Afghanistan'],
    [undefined, '204', undefined, 'other'],
    [undefined, undefined, undefined, undefined],
  ] as const)('%s / iso %s / iso3 %s → %s', (country, iso, iso3, expected) => {
    expect(coveredCountry(country, iso, iso3)).toBe(expected);
  });
});
