import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './access.js';
import { products, providerLocations, providers, regions } from './landscape.js';

/**
 * A region's rules for the availability finder (Beschikbaarheidswijzer). A region without a row uses the defaults
 * (docs/availability.md): confirm every 4 weeks, the Treeknorm (4 weeks to intake, 10 to treatment), a margin of 2
 * weeks, and the module's default specialisation vocabulary.
 */
export const availabilitySettings = pgTable(
  'availability_settings',
  {
    regionId: uuid()
      .primaryKey()
      .references(() => regions.id),
    confirmEveryWeeks: integer().notNull().default(4),
    intakeNormWeeks: integer().notNull().default(4),
    treatmentNormWeeks: integer().notNull().default(10),
    /** A measured wait this many weeks above or below the reported one is a signal for the contract manager. */
    marginWeeks: integer().notNull().default(2),
    specialisations: text().array().notNull(),
    /** Codes of the lots that hold crisis care: their entries may not announce a client stop. */
    crisisLots: text()
      .array()
      .notNull()
      .default(sql`'{CRI}'::text[]`),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('availability_settings_confirm', sql`${t.confirmEveryWeeks} between 1 and 52`),
    check(
      'availability_settings_norms',
      sql`${t.intakeNormWeeks} between 1 and 52 and ${t.treatmentNormWeeks} between 1 and 104`,
    ),
    check('availability_settings_margin', sql`${t.marginWeeks} between 0 and 52`),
  ],
);

/**
 * What a provider reports for one contracted product (or, without one, a whole productcategorie) at one of its
 * locations: waits, waiting list, places, whether it takes new clients, expertise and how to register.
 */
export const availabilityEntries = pgTable(
  'availability_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    locationId: uuid()
      .notNull()
      .references(() => providerLocations.id, { onDelete: 'cascade' }),
    productId: uuid().references(() => products.id),
    /** The productcategorie (JZ020): the product's own, or the one the entry stands for when it names no product. */
    productCategory: text().notNull(),
    /** Aanmeldwachttijd: complete registration → intake, in weeks. */
    intakeWaitWeeks: integer().notNull(),
    /** Behandelwachttijd: intake → start of care, in weeks. */
    treatmentWaitWeeks: integer().notNull(),
    waitingListCount: integer().notNull().default(0),
    /** Open places, for care with stay only. */
    openPlaces: integer(),
    stopReason: text(),
    stopFrom: date({ mode: 'string' }),
    stopUntil: date({ mode: 'string' }),
    specialisations: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text(),
    ageFrom: integer().notNull().default(0),
    ageTo: integer().notNull().default(23),
    languages: text()
      .array()
      .notNull()
      .default(sql`'{nl}'::text[]`),
    offerForms: text().array().notNull(),
    intakePhone: text(),
    intakeEmail: text(),
    intakeHow: text(),
    confirmedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [
    unique('availability_entries_key')
      .on(t.providerId, t.locationId, t.productId, t.productCategory)
      .nullsNotDistinct(),
    index('availability_entries_region_category').on(t.regionId, t.productCategory),
    // A referrer's search for one product (with the category's whole-category entries through the index above).
    index('availability_entries_product').on(t.productId),
    check('availability_entries_category', sql`${t.productCategory} ~ '^[0-9]{2}$'`),
    check(
      'availability_entries_waits',
      sql`${t.intakeWaitWeeks} between 0 and 104 and ${t.treatmentWaitWeeks} between 0 and 104`,
    ),
    check(
      'availability_entries_counts',
      sql`${t.waitingListCount} >= 0 and (${t.openPlaces} is null or ${t.openPlaces} >= 0)`,
    ),
    check('availability_entries_ages', sql`${t.ageFrom} between 0 and 27 and ${t.ageTo} between ${t.ageFrom} and 27`),
    check(
      'availability_entries_stop',
      sql`(${t.stopFrom} is null) = (${t.stopReason} is null) and (${t.stopFrom} is null) = (${t.stopUntil} is null) and (${t.stopUntil} is null or ${t.stopUntil} >= ${t.stopFrom})`,
    ),
  ],
);

/** Every change and every "unchanged" confirmation of an entry, with who and when: the provider's update record. */
export const availabilityEntryEvents = pgTable(
  'availability_entry_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    entryId: uuid()
      .notNull()
      .references(() => availabilityEntries.id, { onDelete: 'cascade' }),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: uuid().references(() => users.id),
    kind: text().notNull(),
    /** The entry's figures after the event (waits, list, places, stop), for the reported-wait history. */
    figures: jsonb().notNull(),
  },
  (t) => [
    check('availability_entry_events_kind', sql`${t.kind} in ('create', 'update', 'confirm')`),
    index('availability_entry_events_entry').on(t.entryId, t.at),
    index('availability_entry_events_provider').on(t.providerId, t.at),
  ],
);
