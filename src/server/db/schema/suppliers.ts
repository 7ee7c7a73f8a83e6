import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './access.js';
import { providers, regions } from './landscape.js';

/**
 * How a region weighs the data behind a suggested tier (omvang: hoog, midden, basis) and where the bands lie. A region
 * without a row uses the defaults (docs/decisions.md, "Tiers with reasons"). Weights are relative: the score is their
 * weighted mean of each measure's share of the region's largest provider (0..1).
 */
export const tierWeights = pgTable(
  'tier_weights',
  {
    regionId: uuid()
      .primaryKey()
      .references(() => regions.id),
    spendShare: doublePrecision().notNull().default(0.4),
    youths: doublePrecision().notNull().default(0.3),
    lots: doublePrecision().notNull().default(0.2),
    signals: doublePrecision().notNull().default(0.1),
    /** A score at or above this suggests hoog; at or above `midden` midden; else basis. */
    hoog: doublePrecision().notNull().default(0.5),
    midden: doublePrecision().notNull().default(0.2),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'tier_weights_not_negative',
      sql`${t.spendShare} >= 0 and ${t.youths} >= 0 and ${t.lots} >= 0 and ${t.signals} >= 0`,
    ),
    check('tier_weights_bands', sql`${t.midden} >= 0 and ${t.hoog} > ${t.midden} and ${t.hoog} <= 1`),
  ],
);

/**
 * Every decision on a provider's tiers in a region: what the data suggested, what a person chose (confirmed or
 * overridden), and why. The provider's current tiers stay in provider_tiers (landscape); this is their history.
 */
export const providerTierChanges = pgTable(
  'provider_tier_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    /** The tier levels' codes before and after, per scheme: `{"omvang": ["hoog"], "rol": ["A"]}`. */
    before: jsonb().notNull(),
    after: jsonb().notNull(),
    /** The suggested omvang code and the measures it came from, as shown to the person deciding. */
    suggested: text(),
    measures: jsonb(),
    decision: text().notNull(),
    reason: text().notNull(),
    decidedBy: uuid().references(() => users.id),
    /** The person's name as it was then, for the history (accounts are the auth module's). */
    decidedByName: text().notNull(),
    decidedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('provider_tier_changes_provider').on(t.regionId, t.providerId, t.decidedAt),
    check('provider_tier_changes_decision', sql`${t.decision} in ('confirmed', 'overridden')`),
    check('provider_tier_changes_reason', sql`char_length(trim(${t.reason})) > 0`),
  ],
);
