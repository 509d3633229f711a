/**
 * Where an ACLED event happened, in the product's terms: country, province (core PROVINCES),
 * district. ACLED's admin1 names changed over the years (NWFP → Khyber Pakhtunkhwa, FATA merged
 * into KP in 2018), so one table folds every spelling into the product's provinces.
 */
import { AFGHAN_BORDER_PROVINCES, type AfghanBorderProvince, type Country, type Province } from '../enums';

/** Lower-cased, punctuation-free key: `Khyber-Pakhtunkhwa`, `KHYBER PAKHTUNKHWA` → `khyber pakhtunkhwa`. */
function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const PAKISTAN_PROVINCES: ReadonlyArray<[Province, readonly string[]]> = [
  [
    'KP-MD',
    ['KP-MD', 'Federally Administered Tribal Areas', 'FATA', 'Tribal Areas', 'Khyber Pakhtunkhwa Merged Districts'],
  ],
  [
    'KP',
    [
      'KP',
      'KPK',
      'Khyber Pakhtunkhwa',
      'Khyber Pakhtoonkhwa',
      'Khyber Pakhtunkhwah',
      'NWFP',
      'North-West Frontier Province',
      'North West Frontier',
    ],
  ],
  ['ICT', ['ICT', 'Islamabad Capital Territory', 'Federal Capital Territory', 'Islamabad']],
  ['AJK', ['AJK', 'Azad Kashmir', 'Azad Jammu and Kashmir', 'Azad Jammu Kashmir']],
  ['Gilgit-Baltistan', ['Gilgit-Baltistan', 'Northern Areas', 'GB']],
  ['Balochistan', ['Balochistan', 'Baluchistan']],
  ['Punjab', ['Punjab']],
  ['Sindh', ['Sindh', 'Sind']],
];

const PROVINCE_BY_KEY: ReadonlyMap<string, Province> = new Map(
  PAKISTAN_PROVINCES.flatMap(([province, names]) => names.map((n) => [key(n), province] as const)),
);

/**
 * Ex-FATA agencies and frontier regions. ACLED files them under Khyber Pakhtunkhwa since the 2018
 * merger (and sometimes before); the product keeps them apart as KP-MD so a series does not jump
 * when the coding changed.
 */
const MERGED_DISTRICTS = new Set(
  [
    'Bajaur',
    'Khyber',
    'Kurram',
    'Mohmand',
    'Momand',
    'North Waziristan',
    'South Waziristan',
    'Lower South Waziristan',
    'Upper South Waziristan',
    'Orakzai',
  ].map(key),
);

function isMergedDistrict(admin2: string | undefined): boolean {
  if (admin2 === undefined) return false;
  const k = key(admin2).replace(/ agency$/, '');
  return MERGED_DISTRICTS.has(k) || k.startsWith('frontier region') || /^fr /.test(k);
}

/** Maps ACLED's country name (or ISO code when the name is missing) to a covered country. */
export function coveredCountry(
  country: string | undefined,
  iso: string | undefined,
  iso3: string | undefined,
): Country | 'other' | undefined {
  if (country !== undefined) {
    const k = key(country);
    if (k === 'pakistan') return 'Pakistan';
    if (k === 'afghanistan') return 'Afghanistan';
    return 'other';
  }
  const code = (iso ?? iso3)?.trim().toUpperCase();
  if (code === undefined) return undefined;
  if (code === '586' || code === 'PAK') return 'Pakistan';
  if (code === '4' || code === '004' || code === 'AFG') return 'Afghanistan';
  return 'other';
}

export type Place =
  | { ok: true; country: Country; province: Province; district: string | null }
  | { ok: false; reason: string; outsideBorderRegion?: true };

/** Spellings ACLED and others use for the Afghan border provinces. */
const AFGHAN_SPELLINGS: Readonly<Record<string, AfghanBorderProvince>> = Object.fromEntries([
  ...AFGHAN_BORDER_PROVINCES.map((p) => [key(p), p] as const),
  ...(
    [
      ['Nooristan', 'Nuristan'],
      ['Konar', 'Kunar'],
      ['Ningarhar', 'Nangarhar'],
      ['Nangrahar', 'Nangarhar'],
      ['Paktya', 'Paktia'],
      ['Paktiya', 'Paktia'],
      ['Khowst', 'Khost'],
      ['Khust', 'Khost'],
      ['Paktyka', 'Paktika'],
      ['Zabol', 'Zabul'],
      ['Qandahar', 'Kandahar'],
      ['Hilmand', 'Helmand'],
      ['Nimruz', 'Nimroz'],
      ['Badakshan', 'Badakhshan'],
    ] as const
  ).map(([spelling, p]) => [key(spelling), p] as const),
]);

/** An Afghan admin1 as a border province, or undefined when it is elsewhere in Afghanistan. */
export function afghanBorderProvince(admin1: string): AfghanBorderProvince | undefined {
  return AFGHAN_SPELLINGS[key(admin1).replace(/ province$/, '')];
}

/**
 * Afghan events keep their province (one bordering Pakistan; elsewhere they are outside the border
 * region) and district. Pakistani admin1 names must be known, because a guessed province would put
 * an event on the wrong map.
 */
export function placeOf(country: Country, admin1: string | undefined, admin2: string | undefined): Place {
  if (country === 'Afghanistan') {
    if (admin1 === undefined) return { ok: false, reason: 'admin1 (the province) is missing' };
    const province = afghanBorderProvince(admin1);
    if (province === undefined)
      return {
        ok: false,
        reason: `admin1 "${admin1}" is not an Afghan province bordering Pakistan`,
        outsideBorderRegion: true,
      };
    return { ok: true, country, province, district: admin2 ?? null };
  }
  if (admin1 === undefined) return { ok: false, reason: 'admin1 (the province) is missing' };
  const province = normaliseProvince(admin1);
  if (province === undefined) return { ok: false, reason: `admin1 "${admin1}" is not a known province of Pakistan` };
  const merged = province === 'KP' && isMergedDistrict(admin2);
  return { ok: true, country, province: merged ? 'KP-MD' : province, district: admin2 ?? null };
}

/** A Pakistani province or region name in any ACLED spelling, or undefined when unknown. */
export function normaliseProvince(admin1: string): Province | undefined {
  return PROVINCE_BY_KEY.get(key(admin1));
}
