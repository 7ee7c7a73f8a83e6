/**
 * The availability finder's (Beschikbaarheidswijzer) vocabulary and limits, shared by the server's validation and the
 * web forms. Rules and their sources: docs/availability.md.
 */

/** How care is given: one to one, in a group, or online. */
export const offerForms = ['individueel', 'groep', 'e-health'] as const;
export type OfferForm = (typeof offerForms)[number];

/** The specialisations a region starts with; the region keeps its own list (availability settings). */
export const defaultSpecialisations = [
  'ADHD',
  'angst',
  'autisme',
  'depressie',
  'eetstoornis',
  'hechting',
  'LVB',
  'middelengebruik',
  'trauma',
  'verslaving',
  'gezinsproblematiek',
  'huiselijk geweld',
] as const;

export const availabilityLimits = {
  /** Two years: a longer wait is a typing error, not a wait. */
  maxWaitWeeks: 104,
  /** A client stop is announced at least this many days before it starts. */
  stopNoticeDays: 14,
  maxWaitingList: 100_000,
  maxPlaces: 10_000,
  /** Youth care runs to 18, with follow-up care to 23; the finder accepts ages up to 27. */
  maxAge: 27,
  /** The measured wait is the median of the starts in this many months before today… */
  measuredMonths: 6,
  /** …and is withheld below this many starts. */
  measuredMinimumStarts: 10,
} as const;

/** Defaults of a region without settings of its own: confirm every 4 weeks, the Treeknorm, a margin of 2 weeks. */
export const availabilityDefaults = {
  confirmEveryWeeks: 4,
  intakeNormWeeks: 4,
  treatmentNormWeeks: 10,
  marginWeeks: 2,
  crisisLots: ['CRI'],
} as const;

/** Languages in which care can be given: ISO 639-1 codes with their Dutch names, for forms and results. */
export const languageNames: Record<string, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  ar: 'Arabisch',
  tr: 'Turks',
  pl: 'Pools',
  uk: 'Oekraïens',
  ti: 'Tigrinya',
  de: 'Duits',
  fr: 'Frans',
  es: 'Spaans',
  so: 'Somalisch',
  pap: 'Papiaments',
  sgn: 'Gebarentaal',
};
