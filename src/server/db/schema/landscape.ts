import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** A jeugdregio: the municipalities that commission specialised youth care together. */
export const regions = pgTable('regions', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const municipalities = pgTable(
  'municipalities',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    cbsCode: text().notNull().unique(),
    name: text().notNull(),
    /** Retired: kept for history (its messages, budgets and figures), gone from choice lists. */
    retiredAt: timestamp({ withTimezone: true }),
  },
  (t) => [check('municipalities_cbs_code', sql`${t.cbsCode} ~ '^[0-9]{4}$'`)],
);

/**
 * CBS's official list of municipalities ("Gemeenten alfabetisch <year>"), as the installation's keeper imported it:
 * installation-wide reference data against which a region's municipality codes are checked. One list at a time: an
 * import replaces the rows, so every row carries the same list year and source file.
 */
export const cbsMunicipalities = pgTable(
  'cbs_municipalities',
  {
    code: text().primaryKey(),
    name: text().notNull(),
    /** The year of CBS's list: its municipalities as they are on 1 January of that year. */
    listYear: integer().notNull(),
    sourceFile: text().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('cbs_municipalities_code', sql`${t.code} ~ '^[0-9]{4}$'`)],
);

/** Tier levels per region and scheme (omvang: hoog/midden/basis; rol: A/B/C); excludesCode encodes A⊥C. */
export const tierLevels = pgTable(
  'tier_levels',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    scheme: text().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    description: text(),
    accountMeetingsPerYear: integer(),
    excludesCode: text(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    unique('tier_levels_region_scheme_code').on(t.regionId, t.scheme, t.code),
    check('tier_levels_scheme', sql`${t.scheme} in ('omvang', 'rol')`),
  ],
);

export const providers = pgTable(
  'providers',
  {
    id: uuid().primaryKey().defaultRandom(),
    agbCode: text().notNull().unique(),
    kvkNumber: text(),
    name: text().notNull(),
    domains: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    specialisations: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    website: text(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('providers_agb_code', sql`${t.agbCode} ~ '^[0-9]{8}$'`)],
);

export const providerLocations = pgTable('provider_locations', {
  id: uuid().primaryKey().defaultRandom(),
  providerId: uuid()
    .notNull()
    .references(() => providers.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  postcode: text().notNull(),
  city: text(),
  /** WGS84; optional. Without them the location lies at its postcode area's centroid (postcode_centroids). */
  latitude: doublePrecision(),
  longitude: doublePrecision(),
});

export const providerTiers = pgTable(
  'provider_tiers',
  {
    providerId: uuid()
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    tierLevelId: uuid()
      .notNull()
      .references(() => tierLevels.id),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.tierLevelId] })],
);

/** Providers that bid together; the lead (hoofdaannemer) holds the contract, the others subcontract. */
export const combinations = pgTable(
  'combinations',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    name: text().notNull(),
    leadProviderId: uuid()
      .notNull()
      .references(() => providers.id),
    /** The day the combination stopped (its last day), with why; null while it exists. Kept in history. */
    endedOn: date({ mode: 'string' }),
    endReason: text(),
  },
  (t) => [
    unique('combinations_region_name').on(t.regionId, t.name),
    check('combinations_end_reason', sql`(${t.endedOn} is null) = (${t.endReason} is null)`),
  ],
);

export const combinationMembers = pgTable(
  'combination_members',
  {
    combinationId: uuid()
      .notNull()
      .references(() => combinations.id, { onDelete: 'cascade' }),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
  },
  (t) => [primaryKey({ columns: [t.combinationId, t.providerId] })],
);

/** A segment or lot (perceel) the region contracts separately, e.g. Ambulant, Crisis, Gezinsvormen. */
export const lots = pgTable(
  'lots',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    code: text().notNull(),
    name: text().notNull(),
    /** Retired: kept for history (its contracts and products), gone from choice lists. */
    retiredAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique('lots_region_code').on(t.regionId, t.code)],
);

/**
 * A contract or product withdrawn as a mistake: kept for history (the care declared under it happened), gone from
 * lists, choices and the figures that count contracts and products (docs/decisions.md, withdrawing). Who is the
 * person's name as it was; the audit log keeps the account.
 */
const withdrawal = () => ({
  withdrawnAt: timestamp({ withTimezone: true }),
  withdrawnBy: text(),
  withdrawalReason: text(),
});
const withdrawalComplete = (t: { withdrawnAt: unknown; withdrawalReason: unknown }, name: string) =>
  check(name, sql`${t.withdrawnAt} is null or ${t.withdrawalReason} is not null`);

export const contracts = pgTable(
  'contracts',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    reference: text().notNull(),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    combinationId: uuid().references(() => combinations.id),
    lotId: uuid()
      .notNull()
      .references(() => lots.id),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    procedure: text().notNull(),
    fundingVariant: text().notNull(),
    budgetCeiling: numeric({ precision: 14, scale: 2 }),
    notes: text(),
    ...withdrawal(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('contracts_region_reference').on(t.regionId, t.reference),
    withdrawalComplete(t, 'contracts_withdrawal'),
    check('contracts_dates', sql`${t.endDate} >= ${t.startDate}`),
    check(
      'contracts_funding_variant',
      sql`${t.fundingVariant} in ('inspanningsgericht', 'outputgericht', 'taakgericht')`,
    ),
  ],
);

/**
 * An extension of a contract: an option until the region decides on it (status `option`), then `decided` (it moves
 * the contract's effective end; the latest decided one counts) or `declined` (it never does). Rows from before the
 * status existed were all counted, so the migration made them `decided` (docs/decisions.md, contract calendar).
 */
export const contractExtensions = pgTable(
  'contract_extensions',
  {
    id: uuid().primaryKey().defaultRandom(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    newEndDate: date({ mode: 'string' }).notNull(),
    decidedOn: date({ mode: 'string' }),
    note: text(),
    status: text().notNull().default('decided'),
    /** The day by which the region must decide on the option (the notice the contract sets). */
    decideBy: date({ mode: 'string' }),
  },
  (t) => [check('contract_extensions_status', sql`${t.status} in ('option', 'decided', 'declined')`)],
);

export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    lotId: uuid().references(() => lots.id),
    productCategory: text().notNull(),
    productCode: text().notNull(),
    name: text().notNull(),
    unit: text().notNull(),
    fundingVariant: text().notNull(),
    withStay: boolean().notNull().default(false),
    /** For care with stay: pleegzorg, gezinshuis, residentieel or gesloten (the transformation targets count these). */
    stayForm: text(),
    intensity: text(),
    travelHoursPerFte: integer(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    ...withdrawal(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('products_region_code').on(t.regionId, t.productCode),
    withdrawalComplete(t, 'products_withdrawal'),
    check('products_code_length', sql`char_length(${t.productCode}) between 1 and 5`),
    check('products_category', sql`${t.productCategory} ~ '^[0-9]{2}$'`),
    check('products_validity', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check(
      'products_stay_form',
      sql`${t.stayForm} is null or (${t.withStay} and ${t.stayForm} in ('pleegzorg', 'gezinshuis', 'residentieel', 'gesloten'))`,
    ),
  ],
);

/** Tariff per product per calendar year (tariffs are indexed yearly), in euros per unit. */
export const productTariffs = pgTable(
  'product_tariffs',
  {
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    year: integer().notNull(),
    tariff: numeric({ precision: 12, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.year] }), check('product_tariffs_positive', sql`${t.tariff} >= 0`)],
);

/** A budget line (post) such as ZIN, Jeugdzorgplus, GI, Veilig Thuis. */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    code: text().notNull(),
    name: text().notNull(),
    /** The JZ020 productcategorieën whose declarations this line pays (spend per budget line). */
    productCategories: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Retired: kept for history (its budgets and realisations), gone from choice lists. */
    retiredAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique('budget_lines_region_code').on(t.regionId, t.code)],
);

export const budgets = pgTable(
  'budgets',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipalities.id),
    budgetLineId: uuid()
      .notNull()
      .references(() => budgetLines.id),
    year: integer().notNull(),
    amount: numeric({ precision: 14, scale: 2 }).notNull(),
  },
  (t) => [unique('budgets_municipality_line_year').on(t.municipalityId, t.budgetLineId, t.year)],
);

/**
 * The realisation of a budget line in one municipality and month as the municipal ledger books it: the second source
 * of spend, for lines paid outside iJw (lump sums, subsidies, GI, Veilig Thuis, LTA). Entered in the app or imported.
 */
export const budgetRealisations = pgTable(
  'budget_realisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: uuid()
      .notNull()
      .references(() => municipalities.id),
    budgetLineId: uuid()
      .notNull()
      .references(() => budgetLines.id),
    /** The month's first day. */
    month: date({ mode: 'string' }).notNull(),
    amount: numeric({ precision: 14, scale: 2 }).notNull(),
  },
  (t) => [
    unique('budget_realisations_municipality_line_month').on(t.municipalityId, t.budgetLineId, t.month),
    check('budget_realisations_not_negative', sql`${t.amount} >= 0`),
    check('budget_realisations_first_of_month', sql`extract(day from ${t.month}) = 1`),
  ],
);
