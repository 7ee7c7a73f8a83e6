import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * One counter per domain of data (src/server/db/data-versions.ts): bumped in the same transaction as each change that
 * can alter an answer cached from it, so every server process on the database sees a change land with its commit.
 */
export const dataVersions = pgTable('data_versions', {
  domain: text().primaryKey(),
  version: bigint({ mode: 'number' }).notNull().default(0),
});
