import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './access.js';
import { regions } from './landscape.js';

/**
 * A question and its answer in the region's FAQ for providers, under a theme. A concept until published; published,
 * providers read it; `changedAt` is the last change of its text after publication (what "changed since your last
 * visit" compares with). A withdrawn entry stays in history and is shown to no one.
 */
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    theme: text().notNull(),
    question: text().notNull(),
    answer: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    changedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('faq_entries_region').on(t.regionId),
    check('faq_entries_texts', sql`length(${t.question}) between 1 and 300 and length(${t.answer}) between 1 and 5000`),
  ],
);

/** When a user last opened the region's FAQ: what is new or changed since is marked for them on the next visit. */
export const faqVisits = pgTable(
  'faq_visits',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    visitedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.regionId] })],
);
