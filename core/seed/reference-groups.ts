/**
 * The militant organisations every install starts with. The first five are the groups the UN
 * Monitoring Team (Dec 2025, via the seed news report) names as active in Afghanistan; the Baloch
 * groups and the KP/ex-FATA factions come from public knowledge because a Pakistan tracker needs
 * them. "Unknown / unclaimed" is not a row: it is `groupId: null` on an incident or operation.
 *
 * Proscription means Pakistan's own list (NACTA First Schedule). Where we were not sure of a
 * listing (IMU, the Hafiz Gul Bahadur group) the flag stays false: an admin can correct it, while a
 * wrong `true` would be a factual claim the product makes on its own.
 */
import type { CreateGroupInput } from '../group/schema';

export const SEED_ARTICLE = 'News report, Islamabad, 2026-01-17';

export const REFERENCE_GROUPS: readonly CreateGroupInput[] = [
  {
    shortName: 'TTP',
    fullName: 'Tehreek-e-Taliban Pakistan',
    aliases: [
      'Pakistani Taliban',
      'Tehrik-i-Taliban Pakistan',
      'Tehreek-i-Taliban Pakistan',
      'TTP: Tehreek-i-Taliban Pakistan',
      'Fitna al-Khawarij',
      'Tehrik-i-Taliban Pakistan (TTP)',
    ],
    baseCountry: 'Afghanistan',
    proscribed: true,
    description:
      'Umbrella of Pakistani Taliban factions formed in 2007 and banned in Pakistan. Since the Taliban ' +
      'takeover of Kabul in 2021 its leadership and most fighters are reported to sit on the Afghan side ' +
      'of the border, making it the main source of cross-border attacks. UN monitors report that the ' +
      'Afghan Taliban do not treat it as a terrorist group.',
    strengthEstimates: [
      { low: 6000, high: 6500, asOf: '2026-01-01', source: 'The Diplomat, cited in a news report of 2026-01-17' },
    ],
  },
  {
    shortName: 'ISIL-K',
    fullName: 'Islamic State Khorasan Province',
    aliases: [
      'ISKP',
      'IS-K',
      'IS-KP',
      'ISIS-K',
      'Islamic State Khorasan Province',
      'Islamic State Khorasan',
      'Islamic State (Afghanistan)',
      'Islamic State (Pakistan)',
      'Islamic State Pakistan Province',
      'Wilayat Khorasan',
      'Khorasan Chapter of the Islamic State',
    ],
    baseCountry: 'Afghanistan',
    proscribed: true,
    description:
      'Regional branch of the Islamic State set up in 2015. Listed by the UN Monitoring Team (December ' +
      '2025) among the groups active in Afghanistan; in Pakistan it has claimed attacks mainly in Khyber ' +
      'Pakhtunkhwa, Bajaur in particular, and in Balochistan.',
  },
  {
    shortName: 'AQ',
    fullName: 'al Qaeda (including al Qaeda in the Indian Subcontinent)',
    aliases: [
      'al-Qaeda',
      'al Qaeda',
      'al-Qaida',
      'AQIS',
      'al Qaeda in the Indian Subcontinent',
      'AQIS: Al Qaeda in the Indian Subcontinent',
      'Al-Qaida in the Indian Subcontinent',
      'Al-Qaida',
    ],
    baseCountry: 'Afghanistan',
    proscribed: true,
    description:
      'Global jihadist network whose South Asian branch, AQIS, was announced in 2014. The UN Monitoring ' +
      'Team (December 2025) still counts it among the organisations present in Afghanistan.',
  },
  {
    shortName: 'ETIM/TIP',
    fullName: 'Eastern Turkistan Islamic Movement / Turkistan Islamic Party',
    aliases: [
      'ETIM',
      'TIP',
      'Turkistan Islamic Party',
      'Turkestan Islamic Party',
      'East Turkestan Islamic Movement',
      'Eastern Turkestan Islamic Movement',
      'East Turkistan Islamic Movement',
      'TIP: Turkistan Islamic Party',
      'Turkistan Islamic Party (TIP)',
      'East Turkistan Islamic Movement (ETIM)',
    ],
    baseCountry: 'Afghanistan',
    proscribed: true,
    description:
      'Uyghur militant movement that seeks to separate Xinjiang from China. Named by the UN Monitoring ' +
      'Team (December 2025) as one of the groups active in Afghanistan.',
  },
  {
    shortName: 'IMU',
    fullName: 'Islamic Movement of Uzbekistan',
    aliases: [
      'Islamic Movement of Uzbekistan',
      'IMU: Islamic Movement of Uzbekistan',
      'Islamic Movement of Uzbekistan (IMU)',
    ],
    baseCountry: 'Afghanistan',
    proscribed: false,
    description:
      'Central Asian militant group that was based in the tribal areas of Pakistan until the 2014 ' +
      'North Waziristan offensive. The UN Monitoring Team (December 2025) lists it as active in Afghanistan.',
  },
  {
    shortName: 'BLA',
    fullName: 'Baloch Liberation Army',
    aliases: [
      'Balochistan Liberation Army',
      'BLA: Baloch Liberation Army',
      'BLA: Balochistan Liberation Army',
      'Baloch Liberation Army (BLA)',
    ],
    baseCountry: 'Pakistan',
    proscribed: true,
    description:
      'Baloch separatist armed group, banned in Pakistan since 2006. Attacks security forces, ' +
      'infrastructure, workers from other provinces and Chinese-linked projects; it carried out the hijacking of the Jaffar ' +
      'Express train in March 2025.',
  },
  {
    shortName: 'BLF',
    fullName: 'Balochistan Liberation Front',
    aliases: [
      'Baloch Liberation Front',
      'BLF: Baloch Liberation Front',
      'BLF: Balochistan Liberation Front',
      'Baloch Liberation Front (BLF)',
    ],
    baseCountry: 'Pakistan',
    proscribed: true,
    description:
      'Baloch separatist armed group, strongest in Kech, Awaran and the Makran coast. Mostly targets ' +
      'security forces, communications and construction work in southern Balochistan.',
  },
  {
    shortName: 'HGB',
    fullName: 'Hafiz Gul Bahadur group',
    aliases: ['Gul Bahadur group', 'Hafiz Gul Bahadur', 'Hafiz Gul Bahadur Group', 'Hafiz Gul Bahadur Taliban'],
    baseCountry: 'Pakistan',
    proscribed: false,
    description:
      'Militant faction from North Waziristan led by Hafiz Gul Bahadur, allied with but separate from ' +
      'the TTP. Pakistani officials say it also uses sanctuaries in the Afghan border provinces.',
  },
  {
    shortName: 'LeI',
    fullName: 'Lashkar-e-Islam',
    aliases: ['Lashkar-i-Islam', 'LeI: Lashkar-e-Islam', 'Lashkar-e-Islami', 'Lashkar-e-Islam (Pakistan)'],
    baseCountry: 'Pakistan',
    proscribed: true,
    description:
      'Militant group from the Bara and Tirah valleys of Khyber district, founded by Mangal Bagh and ' +
      'banned in 2008; military operations pushed much of it across the border into Nangarhar.',
  },
  {
    shortName: 'JuA',
    fullName: 'Jamaat-ul-Ahrar',
    aliases: ['Jamat-ul-Ahrar', 'Jamaat ul Ahrar', 'JuA: Jamaat-ul-Ahrar', 'TTP-JuA', 'TTP Jamaat-ul-Ahrar'],
    baseCountry: 'Afghanistan',
    proscribed: true,
    description:
      'TTP faction rooted in Mohmand and Bajaur that split away in 2014 and rejoined the TTP in 2020. ' +
      'Reported to operate from eastern Afghanistan; it has claimed several mass-casualty bombings in Pakistan.',
  },
  {
    shortName: 'LeJ',
    fullName: 'Lashkar-e-Jhangvi',
    aliases: ['Lashkar-i-Jhangvi', 'LeJ: Lashkar-e-Jhangvi', 'Lashkar-e-Jhangvi al-Alami', 'LeJ-A'],
    baseCountry: 'Pakistan',
    proscribed: true,
    description:
      'Sectarian militant group founded in 1996 and banned in Pakistan in 2001, responsible for mass-casualty ' +
      'attacks on Shia, and in particular Hazara, communities in Balochistan and elsewhere.',
  },
];
