import { JZ020 } from '../../../shared/codelists/index.js';
import type { ProviderDomain, StayForm } from '../../../shared/domain.js';

/**
 * Regio Lekstroom as the seeds describe it (five municipalities, five segments), with fictional providers:
 * no real organisation is paired with made-up figures. AGB codes start with 99, outside the issued ranges.
 */
export const lekstroom = {
  code: 'lekstroom',
  name: 'Regio Lekstroom',
  municipalities: [
    { cbsCode: '0321', name: 'Houten', inhabitants: 50_900 },
    { cbsCode: '0353', name: 'IJsselstein', inhabitants: 34_800 },
    { cbsCode: '0331', name: 'Lopik', inhabitants: 14_700 },
    { cbsCode: '0356', name: 'Nieuwegein', inhabitants: 65_500 },
    { cbsCode: '1961', name: 'Vijfheerenlanden', inhabitants: 58_400 },
  ],
  lots: [
    { code: 'AMB', name: 'Ambulant' },
    { code: 'JIO', name: 'Jeugdhulp in Onderwijstijd (JiO)' },
    { code: 'CRI', name: 'Crisis' },
    { code: 'GZV', name: 'Gezinsvormen' },
    { code: 'FOR', name: 'Forensisch' },
  ],
  budgetLines: [
    {
      code: 'ZIN',
      name: 'Zorg in natura',
      perInhabitant: 310,
      productCategories: JZ020.map((c) => c.code).filter((c) => c !== '47' && c !== '48'),
    },
    { code: 'JZP', name: 'Jeugdzorgplus', perInhabitant: 14 },
    { code: 'LTA', name: 'Landelijk transitiearrangement', perInhabitant: 38 },
    { code: 'GI', name: 'Gecertificeerde instellingen', perInhabitant: 40, productCategories: ['47', '48'] },
    { code: 'VT', name: 'Veilig Thuis', perInhabitant: 15 },
  ],
};

interface DemoProvider {
  agbCode: string;
  kvkNumber: string;
  name: string;
  domains: ProviderDomain[];
  specialisations: string[];
  locations: Array<{ name: string; postcode: string; city: string }>;
  omvang: 'hoog' | 'midden' | 'basis';
  rol: Array<'A' | 'B' | 'C'>;
}

export const demoProviders: DemoProvider[] = [
  {
    agbCode: '99000011',
    kvkNumber: '90000011',
    name: 'Jeugdhulp De Lekoever',
    domains: ['JO', 'JGGZ'],
    specialisations: ['Gezinsbehandeling', 'Traumabehandeling'],
    locations: [
      { name: 'Hoofdlocatie', postcode: '3431 AB', city: 'Nieuwegein' },
      { name: 'Locatie Houten', postcode: '3992 BA', city: 'Houten' },
    ],
    omvang: 'hoog',
    rol: ['A'],
  },
  {
    agbCode: '99000022',
    kvkNumber: '90000022',
    name: 'Stichting Kromme Rijn Jeugd',
    domains: ['JO', 'LVB'],
    specialisations: ['Begeleiding LVB', 'Dagbesteding'],
    locations: [{ name: 'Houten Centrum', postcode: '3991 AA', city: 'Houten' }],
    omvang: 'hoog',
    rol: ['A', 'B'],
  },
  {
    agbCode: '99000033',
    kvkNumber: '90000033',
    name: 'Praktijk Vaartse Rijn',
    domains: ['JGGZ'],
    specialisations: ['Angst en depressie', 'ADHD'],
    locations: [{ name: 'Praktijk', postcode: '3401 AB', city: 'IJsselstein' }],
    omvang: 'basis',
    rol: ['B'],
  },
  {
    agbCode: '99000044',
    kvkNumber: '90000044',
    name: 'Crisisdienst Lek en IJssel',
    domains: ['JO', 'JGGZ'],
    specialisations: ['Crisisinterventie', 'Crisisopvang'],
    locations: [{ name: 'Crisiscentrum', postcode: '3432 CC', city: 'Nieuwegein' }],
    omvang: 'midden',
    rol: ['B'],
  },
  {
    agbCode: '99000055',
    kvkNumber: '90000055',
    name: 'Gezinshuis Het Anker',
    domains: ['JO'],
    specialisations: ['Gezinshuis', 'Pleegzorg'],
    locations: [{ name: 'Gezinshuis', postcode: '4141 AA', city: 'Leerdam' }],
    omvang: 'midden',
    rol: ['B'],
  },
  {
    agbCode: '99000066',
    kvkNumber: '90000066',
    name: 'Pleegzorg Lopikerwaard',
    domains: ['JO'],
    specialisations: ['Pleegzorg', 'Netwerkpleegzorg'],
    locations: [{ name: 'Kantoor', postcode: '3411 AA', city: 'Lopik' }],
    omvang: 'basis',
    rol: ['B'],
  },
  {
    agbCode: '99000077',
    kvkNumber: '90000077',
    name: 'Schoolnabije Zorg Lekstroom',
    domains: ['JO', 'LVB'],
    specialisations: ['Onderwijs-zorgarrangement'],
    locations: [{ name: 'Onderwijsroute', postcode: '3402 BB', city: 'IJsselstein' }],
    omvang: 'midden',
    rol: ['B'],
  },
  {
    agbCode: '99000088',
    kvkNumber: '90000088',
    name: 'Forensisch Jeugdteam Midden',
    domains: ['JGGZ'],
    specialisations: ['Forensische behandeling', 'Agressieregulatie'],
    locations: [{ name: 'Polikliniek', postcode: '4131 AA', city: 'Vianen' }],
    omvang: 'basis',
    rol: ['B'],
  },
  {
    agbCode: '99000099',
    kvkNumber: '90000099',
    name: 'Flexzorg Utrechtse Waarden',
    domains: ['JO'],
    specialisations: ['Ambulante begeleiding'],
    locations: [{ name: 'Kantoor', postcode: '3439 AA', city: 'Nieuwegein' }],
    omvang: 'basis',
    rol: ['C'],
  },
];

/** "de Combinatie": the providers that won Gezinsvormen together (000_58b4b67b0b5e47cf.txt). */
export const demoCombination = {
  name: 'de Combinatie Gezinsvormen',
  lead: '99000055',
  members: ['99000066', '99000011', '99000022'],
};

interface DemoProduct {
  lot: string;
  productCategory: string;
  productCode: string;
  name: string;
  unit: string;
  fundingVariant: 'inspanningsgericht' | 'outputgericht' | 'taakgericht';
  withStay: boolean;
  stayForm?: StayForm;
  intensity?: 'licht' | 'midden' | 'zwaar';
  travelHoursPerFte?: number;
  tariff2023: number;
}

/** Products per segment; ambulant begeleiding includes 60 travel hours per FTE per year (seed 000). */
export const demoProducts: DemoProduct[] = [
  {
    lot: 'AMB',
    productCategory: '45',
    productCode: '45A01',
    name: 'Begeleiding licht',
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    intensity: 'licht',
    travelHoursPerFte: 60,
    tariff2023: 68.5,
  },
  {
    lot: 'AMB',
    productCategory: '45',
    productCode: '45A02',
    name: 'Begeleiding midden A',
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    intensity: 'midden',
    travelHoursPerFte: 60,
    tariff2023: 74.2,
  },
  {
    lot: 'AMB',
    productCategory: '45',
    productCode: '45A03',
    name: 'Begeleiding midden B',
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    intensity: 'midden',
    travelHoursPerFte: 60,
    tariff2023: 79.9,
  },
  {
    lot: 'AMB',
    productCategory: '45',
    productCode: '45A04',
    name: 'Begeleiding zwaar',
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    intensity: 'zwaar',
    travelHoursPerFte: 60,
    tariff2023: 88.3,
  },
  {
    lot: 'AMB',
    productCategory: '54',
    productCode: '54B01',
    name: 'Behandeling jeugd-ggz',
    unit: '01',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    intensity: 'midden',
    travelHoursPerFte: 40,
    tariff2023: 2.05,
  },
  {
    lot: 'JIO',
    productCategory: '45',
    productCode: '45J01',
    name: 'Jeugdhulp in onderwijstijd',
    unit: '16',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    intensity: 'midden',
    tariff2023: 142.0,
  },
  {
    lot: 'CRI',
    productCategory: '46',
    productCode: '46C01',
    name: 'Crisisinterventie ambulant',
    unit: '82',
    fundingVariant: 'outputgericht',
    withStay: false,
    intensity: 'zwaar',
    tariff2023: 1850.0,
  },
  {
    lot: 'CRI',
    productCategory: '46',
    productCode: '46C02',
    name: 'Crisisopvang met verblijf',
    unit: '14',
    fundingVariant: 'inspanningsgericht',
    withStay: true,
    stayForm: 'residentieel',
    intensity: 'zwaar',
    tariff2023: 395.0,
  },
  {
    lot: 'GZV',
    productCategory: '43',
    productCode: '43G01',
    name: 'Gezinsvorm Integraal',
    unit: '14',
    fundingVariant: 'inspanningsgericht',
    withStay: true,
    stayForm: 'gezinshuis',
    intensity: 'zwaar',
    tariff2023: 248.0,
  },
  {
    lot: 'GZV',
    productCategory: '44',
    productCode: '44G01',
    name: 'Gezinsvorm Kort Verblijf',
    unit: '14',
    fundingVariant: 'inspanningsgericht',
    withStay: true,
    stayForm: 'pleegzorg',
    intensity: 'midden',
    tariff2023: 189.0,
  },
  {
    lot: 'FOR',
    productCategory: '45',
    productCode: '45F01',
    name: 'Forensische ambulante behandeling',
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    intensity: 'zwaar',
    travelHoursPerFte: 60,
    tariff2023: 112.0,
  },
  {
    lot: 'FOR',
    productCategory: '43',
    productCode: '43F01',
    name: 'Forensisch verblijf met behandeling',
    unit: '14',
    fundingVariant: 'inspanningsgericht',
    withStay: true,
    stayForm: 'residentieel',
    intensity: 'zwaar',
    tariff2023: 465.0,
  },
];

/** Which providers hold which lots; new contracts start on the seed's switch dates (forensisch/gezinsvormen 1 July, others 1 August 2023). */
export const demoContracts: Array<{ agb: string; lot: string; combination?: boolean }> = [
  { agb: '99000011', lot: 'AMB' },
  { agb: '99000022', lot: 'AMB' },
  { agb: '99000033', lot: 'AMB' },
  { agb: '99000099', lot: 'AMB' },
  { agb: '99000077', lot: 'JIO' },
  { agb: '99000022', lot: 'JIO' },
  { agb: '99000044', lot: 'CRI' },
  { agb: '99000055', lot: 'GZV', combination: true },
  { agb: '99000088', lot: 'FOR' },
  { agb: '99000011', lot: 'FOR' },
];

export const switchDates: Record<string, string> = {
  FOR: '2023-07-01',
  GZV: '2023-07-01',
  AMB: '2023-08-01',
  JIO: '2023-08-01',
  CRI: '2023-08-01',
};
