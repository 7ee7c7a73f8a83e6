import { sql } from 'drizzle-orm';
import { check, doublePrecision, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A point per four-digit postcode area (PC4), WGS84, as the installation's beheerder imported it from public open data
 * (docs/availability.md): the place of a provider's location without coordinates of its own and of a child's postcode
 * in the availability search. Installation-wide: postcodes are the same for every region. The municipality (CBS
 * code) the area lies in, where the file gave it, places a provider's location in or outside a region (docs/kpi.md).
 */
export const postcodeCentroids = pgTable(
  'postcode_centroids',
  {
    postcode4: text().primaryKey(),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
    municipalityCode: text(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('postcode_centroids_municipality_code', sql`${t.municipalityCode} ~ '^[0-9]{4}$'`)],
);
