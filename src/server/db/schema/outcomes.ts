import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './access.js';
import { regions } from './landscape.js';

/**
 * Goal attainment (doelrealisatie) as a provider registers it for an ended allocation: the harmonised outcome set's
 * 3.1 (continues without help), 3.3 (problems reduced or self-reliance up) and 3.4 (agreed goals met). Keyed on the
 * allocation (municipality and allocation number, as iJw keys it): no client data. One row per allocation; a new
 * registration of the same allocation replaces the answers.
 */
export const goalAttainments = pgTable(
  'goal_attainments',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    municipalityCode: text().notNull(),
    allocationNumber: text().notNull(),
    /** The provider the allocation was for (AGB), as the exchange had it when registered. */
    providerAgb: text().notNull(),
    /** 3.1: 'ja' or 'nee'. */
    withoutHelp: text().notNull(),
    /** 3.3: 'ja' or 'nee'. */
    problemsReduced: text().notNull(),
    /** 3.4: 'volledig', 'gedeeltelijk' or 'niet'. */
    goalsMet: text().notNull(),
    registeredBy: uuid().references(() => users.id),
    registeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('goal_attainments_allocation').on(t.municipalityCode, t.allocationNumber),
    index('goal_attainments_provider').on(t.regionId, t.providerAgb),
    check('goal_attainments_without_help', sql`${t.withoutHelp} in ('ja', 'nee')`),
    check('goal_attainments_problems_reduced', sql`${t.problemsReduced} in ('ja', 'nee')`),
    check('goal_attainments_goals_met', sql`${t.goalsMet} in ('volledig', 'gedeeltelijk', 'niet')`),
  ],
);

/** The region's threshold below which goal-attainment figures carry a note that too few endings were registered. */
export const goalAttainmentSettings = pgTable('goal_attainment_settings', {
  regionId: uuid()
    .primaryKey()
    .references(() => regions.id),
  minCompletenessPercent: integer().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
