import { sql } from 'drizzle-orm';
import { check, customType, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './access.js';
import { regions } from './landscape.js';

/** The PDF as issued, byte for byte. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * The region's own commentary on its figures, kept per quarter: one on the whole report (`subject` 'report') and
 * one per KPI (`subject` the KPI id). Shown in the quarterly report of that quarter.
 */
export const reportComments = pgTable(
  'report_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    quarter: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    updatedBy: uuid().references(() => users.id),
    updatedByName: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_comments_key').on(t.regionId, t.quarter, t.subject),
    check('report_comments_quarter', sql`${t.quarter} ~ '^[0-9]{4}Q[1-4]$'`),
  ],
);

/**
 * A quarterly report as issued (vastgesteld/uitgegeven) to the council: the exact PDF and the figures it was made
 * from, with when and by whom. Never changed afterwards; a quarter may be issued again (a new row).
 */
export const issuedReports = pgTable(
  'issued_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    quarter: text().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid().references(() => users.id),
    issuedByName: text().notNull(),
    fileName: text().notNull(),
    sha256: text().notNull(),
    pdf: bytea().notNull(),
    figures: jsonb().notNull(),
  },
  (t) => [
    index('issued_reports_region_quarter').on(t.regionId, t.quarter, t.issuedAt),
    check('issued_reports_quarter', sql`${t.quarter} ~ '^[0-9]{4}Q[1-4]$'`),
  ],
);
