import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './access.js';
import { regions } from './landscape.js';

/**
 * A target or threshold the region sets on a KPI: for the region, for every municipality or provider (scopeKey
 * empty), or for one. Either an absolute value, or a change in percent against a baseline year by a target year.
 */
export const kpiTargets = pgTable('kpi_targets', {
  id: uuid().primaryKey().defaultRandom(),
  regionId: uuid().notNull().references(() => regions.id),
  kpi: text().notNull(),
  scopeType: text().notNull(),
  scopeKey: text(),
  comparator: text().notNull(),
  value: numeric({ precision: 14, scale: 2 }),
  baselineYear: integer(),
  changePercent: numeric({ precision: 6, scale: 2 }),
  targetYear: integer(),
  note: text(),
  createdBy: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('kpi_targets_scope', sql`${t.scopeType} in ('region', 'municipality', 'provider') and (${t.scopeType} <> 'region' or ${t.scopeKey} is null)`),
  check('kpi_targets_comparator', sql`${t.comparator} in ('atMost', 'atLeast')`),
  check('kpi_targets_kind', sql`(${t.value} is not null and ${t.changePercent} is null) or (${t.value} is null and ${t.changePercent} is not null and ${t.baselineYear} is not null)`),
  index('kpi_targets_region_kpi').on(t.regionId, t.kpi),
]);
