/** Enumerations and limits of the care landscape, shared by server and UI so both validate alike. */

export const roles = ['beheerder', 'contractmanager', 'beleid', 'verwijzer', 'aanbieder'] as const;
export type Role = (typeof roles)[number];

export const providerDomains = ['JO', 'JGGZ', 'LVB'] as const;
export type ProviderDomain = (typeof providerDomains)[number];
export const providerDomainLabels: Record<ProviderDomain, string> = {
  JO: 'Jeugd en opvoedhulp (J&O)',
  JGGZ: 'Jeugd-ggz',
  LVB: 'Licht verstandelijke beperking (LVB)',
};

export const fundingVariants = ['inspanningsgericht', 'outputgericht', 'taakgericht'] as const;
export type FundingVariant = (typeof fundingVariants)[number];

export const procedures = [
  'open-house',
  'sas-1',
  'sas-2',
  'sas-3',
  'sas-4',
  'europese-aanbesteding',
  'enkelvoudig-onderhands',
] as const;
export type Procedure = (typeof procedures)[number];
export const procedureLabels: Record<Procedure, string> = {
  'open-house': 'Open house',
  'sas-1': 'SAS 1',
  'sas-2': 'SAS 2',
  'sas-3': 'SAS 3',
  'sas-4': 'SAS 4',
  'europese-aanbesteding': 'Europese aanbesteding',
  'enkelvoudig-onderhands': 'Enkelvoudig onderhands',
};

export const intensities = ['licht', 'midden', 'zwaar'] as const;
export type Intensity = (typeof intensities)[number];

/** The form of care with stay; foster care and family homes together are the *gezinsvormen* the transformation targets raise. */
export const stayForms = ['pleegzorg', 'gezinshuis', 'residentieel', 'gesloten'] as const;
export type StayForm = (typeof stayForms)[number];
export const stayFormLabels: Record<StayForm, string> = {
  pleegzorg: 'Pleegzorg',
  gezinshuis: 'Gezinshuis',
  residentieel: 'Residentieel',
  gesloten: 'Gesloten (jeugdzorgplus)',
};

export const tierSchemes = ['omvang', 'rol'] as const;
export type TierScheme = (typeof tierSchemes)[number];

export const combinationRoles = ['hoofdaannemer', 'onderaannemer'] as const;

export const limits = {
  pageSizeDefault: 20,
  pageSizeMax: 100,
  productCodeMaxLength: 5,
  nameMaxLength: 200,
  passwordMinLength: 12,
  /** Dates and periods in requests lie in these years; outside them a date is a typing error (0025 for 2025). */
  yearMin: 1900,
  yearMax: 2100,
  /** The largest amount in euro a `numeric(14,2)` column holds (budgets, budget ceilings, KPI target values). */
  amountMax: 999_999_999_999.99,
  /** NIST SP 800-63B: allow at least 64; longer adds nothing but hashing work. */
  passwordMaxLength: 128,
  sessionHours: 8,
  /** How long a beheerder's link to set a new password stays valid. */
  passwordResetHours: 24,
  /** One upload of iJw files or archives through the web or API; larger sets go through the CLI. */
  uploadMaxBytes: 200 * 1024 * 1024,
  /** What the archives of one upload may unpack to in all; each file (upload or entry) is at most 25 MB (OP179). */
  uploadMaxUnpackedBytes: 256 * 1024 * 1024,
} as const;

/**
 * Whether a web address may be stored and shown as a link: http or https to a named host, nothing else. A
 * `javascript:`, `data:` or `file:` address would run script or open local files when a colleague clicks it.
 */
export function isWebAddress(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !url.username;
}

export const patterns = {
  agbCode: /^\d{8}$/,
  kvkNumber: /^\d{8}$/,
  cbsCode: /^\d{4}$/,
  postcode: /^[1-9]\d{3} ?[A-Z]{2}$/,
  isoDate: /^\d{4}-\d{2}-\d{2}$/,
} as const;

/**
 * An extension of a contract: an option until decided, then decided (it moves the contract's end) or declined (it
 * never does).
 */
export const extensionStatuses = ['option', 'decided', 'declined'] as const;
export type ExtensionStatus = (typeof extensionStatuses)[number];
