/**
 * Real districts (and a few towns in each) with approximate coordinates of the main town, so the
 * demo map lands points where such incidents are actually reported. Weights are relative within a
 * province and follow the broad shape of public tracker data (Bannu, D.I. Khan, the Waziristans and
 * Bajaur busiest in KP; Kech, Quetta and the Bolan corridor in Balochistan), not any exact count.
 */
import { PROVINCES, type Province } from '../enums';
import type { Rng } from './random';

export interface DemoDistrict {
  province: Province;
  district: string;
  lat: number;
  lon: number;
  /** The first entry is the main town the coordinates belong to. */
  places: readonly string[];
  weight: number;
  /** On the Afghan border (or the Afghan side of it): cross-border fire is plausible here. */
  border?: boolean;
  /** Extra perpetrator weights for this district on top of the province's (by group short name). */
  groups?: Readonly<Record<string, number>>;
  /** Rail or gas lines run here: sabotage of pipelines and tracks is plausible. */
  lines?: boolean;
}

const d = (
  province: Province,
  district: string,
  lat: number,
  lon: number,
  places: readonly string[],
  weight: number,
  extra: Partial<Pick<DemoDistrict, 'border' | 'groups' | 'lines'>> = {},
): DemoDistrict => ({ province, district, lat, lon, places, weight, ...extra });

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  // Khyber Pakhtunkhwa, settled districts
  d('KP', 'Peshawar', 34.01, 71.58, ['Peshawar', 'Hayatabad', 'Badaber', 'Mathra'], 9),
  d('KP', 'Bannu', 32.99, 70.6, ['Bannu', 'Bannu Cantonment', 'Domel', 'Jani Khel'], 12),
  d('KP', 'Dera Ismail Khan', 31.83, 70.9, ['Dera Ismail Khan', 'Daraban', 'Kulachi', 'Paroa'], 12),
  d('KP', 'Lakki Marwat', 32.61, 70.91, ['Lakki Marwat', 'Serai Naurang', 'Tajazai'], 9),
  d('KP', 'Tank', 32.22, 70.38, ['Tank', 'Gomal', 'Jandola'], 6),
  d('KP', 'Kohat', 33.58, 71.44, ['Kohat', 'Darra Adam Khel'], 4),
  d('KP', 'Hangu', 33.53, 71.06, ['Hangu', 'Thall'], 3),
  d('KP', 'Karak', 33.12, 71.09, ['Karak', 'Banda Daud Shah'], 2),
  d('KP', 'Swat', 34.77, 72.36, ['Mingora', 'Matta', 'Kabal'], 2),
  d('KP', 'Mardan', 34.2, 72.04, ['Mardan', 'Takht Bhai'], 1),
  d('KP', 'Charsadda', 34.15, 71.74, ['Charsadda', 'Tangi'], 2),
  d('KP', 'Nowshera', 34.02, 71.98, ['Nowshera', 'Pabbi'], 1),
  d('KP', 'Lower Dir', 34.83, 71.84, ['Timergara', 'Maidan'], 2),
  d('KP', 'Chitral', 35.85, 71.79, ['Chitral', 'Drosh', 'Arandu'], 1, { border: true }),
  // Khyber Pakhtunkhwa, merged tribal districts (ex-FATA)
  d('KP-MD', 'North Waziristan', 33.0, 70.07, ['Miranshah', 'Mir Ali', 'Datta Khel', 'Spinwam', 'Razmak'], 14, {
    border: true,
    groups: { HGB: 0.3 },
  }),
  d('KP-MD', 'South Waziristan', 32.3, 69.58, ['Wana', 'Ladha', 'Makeen', 'Angoor Adda'], 9, { border: true }),
  d('KP-MD', 'Bajaur', 34.73, 71.52, ['Khar', 'Mamund', 'Salarzai', 'Nawagai'], 8, {
    border: true,
    groups: { 'ISIL-K': 0.2, JuA: 0.05 },
  }),
  d('KP-MD', 'Khyber', 34.1, 71.14, ['Landi Kotal', 'Jamrud', 'Bara', 'Tirah', 'Torkham'], 8, {
    border: true,
    groups: { LeI: 0.15 },
  }),
  d('KP-MD', 'Kurram', 33.9, 70.1, ['Parachinar', 'Sadda', 'Alizai'], 5, { border: true }),
  d('KP-MD', 'Orakzai', 33.67, 70.95, ['Kalaya', 'Ghiljo'], 2),
  d('KP-MD', 'Mohmand', 34.33, 71.43, ['Ghalanai', 'Safi'], 3, { border: true, groups: { JuA: 0.15 } }),
  // Balochistan
  d('Balochistan', 'Quetta', 30.18, 67.0, ['Quetta', 'Quetta Cantonment', 'Sariab', 'Hazarganji', 'Kuchlak'], 10, {
    lines: true,
  }),
  d('Balochistan', 'Kech', 26.0, 63.05, ['Turbat', 'Buleda', 'Tump'], 10, { groups: { BLF: 0.3 } }),
  d('Balochistan', 'Gwadar', 25.12, 62.32, ['Gwadar', 'Pasni', 'Jiwani', 'Ormara'], 4),
  d('Balochistan', 'Panjgur', 26.97, 64.09, ['Panjgur', 'Parom'], 4, { groups: { BLF: 0.2 } }),
  d('Balochistan', 'Mastung', 29.8, 66.84, ['Mastung', 'Dasht'], 5, { lines: true, groups: { 'ISIL-K': 0.08 } }),
  d('Balochistan', 'Kalat', 29.03, 66.59, ['Kalat', 'Mangochar'], 4),
  d('Balochistan', 'Kachhi', 29.45, 67.65, ['Dhadar', 'Mach', 'Bolan Pass'], 5, { lines: true }),
  d('Balochistan', 'Sibi', 29.54, 67.88, ['Sibi'], 2, { lines: true }),
  d('Balochistan', 'Noshki', 29.55, 66.02, ['Noshki'], 3, { border: true }),
  d('Balochistan', 'Kharan', 28.58, 65.42, ['Kharan'], 2),
  d('Balochistan', 'Khuzdar', 27.81, 66.61, ['Khuzdar', 'Wadh'], 4),
  d('Balochistan', 'Awaran', 26.46, 65.23, ['Awaran', 'Jhal Jhao'], 3, { groups: { BLF: 0.3 } }),
  d('Balochistan', 'Dera Bugti', 29.03, 69.15, ['Dera Bugti', 'Sui', 'Pir Koh'], 3, { lines: true }),
  d('Balochistan', 'Kohlu', 29.9, 69.25, ['Kohlu', 'Kahan'], 2),
  d('Balochistan', 'Harnai', 30.1, 67.94, ['Harnai', 'Shahrag'], 2, { lines: true }),
  d('Balochistan', 'Zhob', 31.34, 69.45, ['Zhob', 'Sambaza'], 3, { border: true, groups: { TTP: 0.4 } }),
  d('Balochistan', 'Killa Abdullah', 30.92, 66.45, ['Chaman', 'Gulistan'], 3, { border: true, groups: { TTP: 0.2 } }),
  d('Balochistan', 'Loralai', 30.37, 68.6, ['Loralai'], 1, { groups: { TTP: 0.3 } }),
  // Punjab
  d('Punjab', 'Dera Ghazi Khan', 30.05, 70.63, ['Dera Ghazi Khan', 'Taunsa'], 4),
  d('Punjab', 'Mianwali', 32.58, 71.54, ['Mianwali', 'Isa Khel'], 3),
  d('Punjab', 'Rawalpindi', 33.6, 73.04, ['Rawalpindi'], 2),
  d('Punjab', 'Lahore', 31.55, 74.34, ['Lahore'], 2),
  d('Punjab', 'Attock', 33.77, 72.36, ['Attock'], 1),
  // Sindh
  d('Sindh', 'Karachi', 24.86, 67.01, ['Karachi', 'Saddar', 'Korangi', 'Manghopir'], 8, { groups: { BLA: 0.2 } }),
  d('Sindh', 'Hyderabad', 25.4, 68.37, ['Hyderabad'], 1),
  d('Sindh', 'Jacobabad', 28.28, 68.44, ['Jacobabad'], 1, { lines: true }),
  // Islamabad, Gilgit-Baltistan, Azad Jammu and Kashmir
  d('ICT', 'Islamabad', 33.69, 73.05, ['Islamabad', 'Tarnol'], 1),
  d('Gilgit-Baltistan', 'Gilgit', 35.92, 74.31, ['Gilgit'], 1),
  d('Gilgit-Baltistan', 'Diamer', 35.42, 74.1, ['Chilas', 'Darel'], 1),
  d('AJK', 'Muzaffarabad', 34.37, 73.47, ['Muzaffarabad'], 1),
  d('AJK', 'Kotli', 33.52, 73.9, ['Kotli'], 1),
  // Afghan side of the border: the border provinces by name, with their districts
  d('Kunar', 'Asadabad', 34.87, 71.15, ['Asadabad'], 2, { border: true }),
  d('Kunar', 'Dangam', 34.98, 71.42, ['Dangam'], 1, { border: true }),
  d('Nangarhar', 'Jalalabad', 34.43, 70.45, ['Jalalabad'], 1, { border: true }),
  d('Nangarhar', 'Achin', 34.13, 70.7, ['Achin'], 2, { border: true }),
  d('Paktika', 'Barmal', 32.72, 69.1, ['Barmal'], 2, { border: true }),
  d('Paktika', 'Sharana', 33.17, 68.73, ['Sharana'], 1, { border: true }),
  d('Khost', 'Khost', 33.34, 69.92, ['Khost'], 2, { border: true }),
  d('Kandahar', 'Spin Boldak', 31.01, 66.4, ['Spin Boldak'], 2, { border: true }),
];

export function districtsOf(province: Province): readonly DemoDistrict[] {
  return DEMO_DISTRICTS.filter((x) => x.province === province);
}

/** Per-province weight tables, built once; insertion order is fixed so draws stay deterministic. */
const DISTRICT_WEIGHTS = new Map(
  PROVINCES.map((p) => {
    const list = districtsOf(p);
    return [p, { list, weights: Object.fromEntries(list.map((x, i) => [String(i), x.weight])) }] as const;
  }),
);

export function pickDistrict(rng: Rng, province: Province): DemoDistrict {
  const table = DISTRICT_WEIGHTS.get(province);
  if (!table || table.list.length === 0) throw new Error(`no demo districts for ${province}`);
  return table.list[Number(rng.weighted(table.weights))]!;
}

/** A generous box around Pakistan and Afghanistan, for sanity checks on generated points. */
export const REGION_BOUNDS = { minLat: 23.5, maxLat: 38.5, minLon: 60.5, maxLon: 78 } as const;
