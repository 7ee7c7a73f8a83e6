import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './access.js';
import { regions } from './landscape.js';

/**
 * A target or threshold the region sets on a KPI: for the region, for every municipality or provider (scopeKey
 * empty), or for one. Either an absolute value, or a change in percent against a baseline year by a target year.
 */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    id: uuid().primaryKey().defaultRandom(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
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
  },
  (t) => [
    check(
      'kpi_targets_scope',
      sql`${t.scopeType} in ('region', 'municipality', 'provider') and (${t.scopeType} <> 'region' or ${t.scopeKey} is null)`,
    ),
    check('kpi_targets_comparator', sql`${t.comparator} in ('atMost', 'atLeast')`),
    check(
      'kpi_targets_kind',
      sql`(${t.value} is not null and ${t.changePercent} is null) or (${t.value} is null and ${t.changePercent} is not null and ${t.baselineYear} is not null)`,
    ),
    index('kpi_targets_region_kpi').on(t.regionId, t.kpi),
  ],
);

/**
 * The trajectories as the KPIs read them: one narrow row per started trajectory, the youth as a 64-bit hash of the
 * pseudonym (counting distinct integers is several times faster than 64-character text). Kept current from
 * ijw_trajectories by the monitoring module (refreshKpiFacts) after imports and before reading.
 */
export const kpiTrajectoryFacts = pgTable(
  'kpi_trajectory_facts',
  {
    trajectoryId: bigint({ mode: 'number' }).primaryKey(),
    youth: bigint({ mode: 'bigint' }).notNull(),
    municipalityCode: text().notNull(),
    providerAgb: text().notNull(),
    productCategory: text(),
    productCode: text(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    endReason: text(),
    /**
     * Days from the request (JW315: the Dagtekening of the provider's first request linked to the allocation) to the
     * start, at least 0; null without a request.
     */
    requestWaitDays: integer(),
    /**
     * Days from the allocation (JW301 Toewijzingsdatum, else the JW301's Dagtekening) to the start, at least 0; null
     * without an allocation (taakgericht care).
     */
    allocationWaitDays: integer(),
    birthYear: integer(),
    /** With the year, whether the youth is 18 on a month's last day (youths_18_plus); null when not known. */
    birthMonth: smallint(),
    /** Its allocation, municipality_code|allocation_number as in its key (and kpi_money_facts); null for taakgericht care. */
    allocation: text(),
    allocationEnd: date({ mode: 'string' }),
    /** The first start of any trajectory of the same youth after this one's end (herhaald beroep); null when none or not ended. */
    nextStart: date({ mode: 'string' }),
    /**
     * The latest end of the same youth's trajectories that start before this one (by start, then id; infinity while one
     * runs) and the start of the next one. A trajectory whose earlier ones ended before a window and whose next one
     * starts after it is the youth's only trajectory in that window: it counts as a youth without a distinct count.
     */
    earlierEnd: date({ mode: 'string' }),
    laterStart: date({ mode: 'string' }),
    /**
     * The same two dates among the youth's trajectories in one cell: the region (of the municipality), the municipality,
     * the provider within the region, the productcategorie within the region. The first trajectory in a cell that runs
     * in a period is the one whose earlier ones there ended before it: counting those counts each youth once per cell
     * without grouping by youth; the last one to start by a period's end tells whether the youth left the cell (uitstroom).
     */
    earlierEndInRegion: date({ mode: 'string' }),
    laterStartInRegion: date({ mode: 'string' }),
    earlierEndInMunicipality: date({ mode: 'string' }),
    laterStartInMunicipality: date({ mode: 'string' }),
    earlierEndAtProvider: date({ mode: 'string' }),
    laterStartAtProvider: date({ mode: 'string' }),
    earlierEndInCategory: date({ mode: 'string' }),
    laterStartInCategory: date({ mode: 'string' }),
    /**
     * For an ending that counts (not reason 20 or 37): the end of the youth's ending before it in the same cell (by end,
     * then id), so the first ending in a period there is the one whose earlier ending lies before the period.
     */
    earlierEndingInRegion: date({ mode: 'string' }),
    earlierEndingInMunicipality: date({ mode: 'string' }),
    earlierEndingAtProvider: date({ mode: 'string' }),
    earlierEndingInCategory: date({ mode: 'string' }),
    /** The same for an ending herhaald beroep follows up (not 20, 37, 02 or 38), among those endings. */
    earlierFollowedEndingInRegion: date({ mode: 'string' }),
    earlierFollowedEndingInMunicipality: date({ mode: 'string' }),
    earlierFollowedEndingAtProvider: date({ mode: 'string' }),
    earlierFollowedEndingInCategory: date({ mode: 'string' }),
    earlierFollowedEndingInLot: date({ mode: 'string' }),
    /**
     * For a trajectory with a wait from its request (request_wait_days), the start of the youth's one before it with
     * such a wait in the cell (by start, then id); the same for the wait from the allocation.
     */
    earlierRequestedStartInRegion: date({ mode: 'string' }),
    earlierRequestedStartInMunicipality: date({ mode: 'string' }),
    earlierRequestedStartAtProvider: date({ mode: 'string' }),
    earlierRequestedStartInCategory: date({ mode: 'string' }),
    earlierRequestedStartInLot: date({ mode: 'string' }),
    earlierAllocatedStartInRegion: date({ mode: 'string' }),
    earlierAllocatedStartInMunicipality: date({ mode: 'string' }),
    earlierAllocatedStartAtProvider: date({ mode: 'string' }),
    earlierAllocatedStartInCategory: date({ mode: 'string' }),
    earlierAllocatedStartInLot: date({ mode: 'string' }),
    /**
     * The lot of the region's product with this code (null when none), kept current with the products by the refresh,
     * and the neighbours within the lot in the region.
     */
    lot: text(),
    earlierEndInLot: date({ mode: 'string' }),
    laterStartInLot: date({ mode: 'string' }),
    earlierEndingInLot: date({ mode: 'string' }),
    /**
     * Whether it is care with stay: the region's product says so, or else productcategorie 43 or 44 (kept current with
     * the products by the refresh, like the lot); and per cell the latest end of the youth's earlier trajectories there
     * of the same kind (with or without stay), so ambulant / verblijf counts each youth once per kind without grouping.
     */
    withStay: boolean().notNull().default(false),
    earlierEndSameStayInRegion: date({ mode: 'string' }),
    earlierEndSameStayInMunicipality: date({ mode: 'string' }),
    earlierEndSameStayAtProvider: date({ mode: 'string' }),
    earlierEndSameStayInCategory: date({ mode: 'string' }),
    earlierEndSameStayInLot: date({ mode: 'string' }),
    /**
     * The first day from its start on which its provider had a contract with the municipality's region (directly or in
     * a contracted combination, to the latest extension); null when none after its start. Kept current with the
     * contracts by the refresh. It was in care under contract in a period when this day is at most its end (an open
     * one: the period's end); zorg buiten de regio counts the others.
     */
    contractedFrom: date({ mode: 'string' }),
  },
  (t) => [
    index('kpi_trajectory_facts_start').on(t.startDate),
    index('kpi_trajectory_facts_youth').on(t.youth, t.startDate),
    /** The forecast finds a prestatie's trajectory; by index when a filter leaves few prestaties. */
    index('kpi_trajectory_facts_allocation').on(t.allocation),
    /** The trajectories not under contract from their start: the only ones zorg buiten de regio has to read. */
    index('kpi_trajectory_facts_uncontracted')
      .on(t.startDate)
      .where(sql`${t.contractedFrom} is null or ${t.contractedFrom} > ${t.startDate}`),
  ],
);

/**
 * The declaration lines (JW323 prestaties) as the money KPIs read them: one narrow row per line, keyed by the line, with
 * the youth hashed as in kpi_trajectory_facts and the provider of its declaration. refreshKpiFacts adds the new lines
 * and keeps the derived columns (lot, budget line, previous lines, the allocation's trajectory) current.
 */
export const kpiMoneyFacts = pgTable(
  'kpi_money_facts',
  {
    lineId: bigint({ mode: 'number' }).primaryKey(),
    youth: bigint({ mode: 'bigint' }).notNull(),
    municipalityCode: text().notNull(),
    providerAgb: text().notNull(),
    productCategory: text().notNull(),
    productCode: text(),
    /** municipality_code|allocation_number: one column to join the allocation's trajectory on. */
    allocation: text().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    /** Negative for a credit line. */
    amountCents: bigint({ mode: 'number' }).notNull(),
    /** The lot of the region's product with this code, and the region's budget line holding its productcategorie (first by code). */
    lot: text(),
    budgetLine: text(),
    /**
     * The prestatie begin of the same youth's previous line (by begin, then id) in the region, in the same municipality,
     * at the same provider, productcategorie, lot or budget line in the region, and in the same cell (municipality,
     * provider, category and product). A line whose previous one began before a period is the youth's first there:
     * counting those counts youths without sorting.
     */
    previousStart: date({ mode: 'string' }),
    previousInMunicipality: date({ mode: 'string' }),
    previousAtProvider: date({ mode: 'string' }),
    previousInCategory: date({ mode: 'string' }),
    previousInLot: date({ mode: 'string' }),
    previousInBudgetLine: date({ mode: 'string' }),
    previousInCell: date({ mode: 'string' }),
    /**
     * The allocation's trajectory, for the forecast: its start, the day it stops (the earlier of its end and the
     * allocation's end; null while neither is known) and the allocation's end. All null without a started trajectory.
     */
    trajectoryStart: date({ mode: 'string' }),
    trajectoryStop: date({ mode: 'string' }),
    allocationEnd: date({ mode: 'string' }),
  },
  (t) => [
    index('kpi_money_facts_period').on(t.periodStart),
    /** A municipality filter, or a region that is a few of many municipalities. */
    index('kpi_money_facts_municipality').on(t.municipalityCode, t.periodStart),
    /** The refresh recomputes the previous-line dates of each youth it touched. */
    index('kpi_money_facts_youth').on(t.youth),
    /** The refresh copies a changed trajectory's dates to its allocation's lines. */
    index('kpi_money_facts_allocation').on(t.allocation),
  ],
);

/**
 * The money facts summed per month and finest cell (municipality, provider, productcategorie, product), kept by the
 * refresh: the money KPIs read a period of whole months here, a few rows per cell instead of every line. Each
 * first_* array counts, for k = 0…11, the lines whose previous line in that kind of cell (kpi_money_facts.previous_*)
 * began before the month k months earlier: the lines that are their youth's first there in a period starting then.
 * So a period's youths per cell are a sum, as long as the period spans at most 12 months.
 */
export const kpiMoneyMonths = pgTable(
  'kpi_money_months',
  {
    month: date({ mode: 'string' }).notNull(),
    municipalityCode: text().notNull(),
    providerAgb: text().notNull(),
    productCategory: text().notNull(),
    /** The product code, '' for a line without one. */
    productCode: text().notNull(),
    lot: text(),
    budgetLine: text(),
    cents: bigint({ mode: 'number' }).notNull(),
    firstInRegion: integer().array().notNull(),
    firstInMunicipality: integer().array().notNull(),
    firstAtProvider: integer().array().notNull(),
    firstInCategory: integer().array().notNull(),
    firstInLot: integer().array().notNull(),
    firstInBudgetLine: integer().array().notNull(),
  },
  (t) => [
    primaryKey({
      name: 'kpi_money_months_pkey',
      columns: [t.month, t.municipalityCode, t.providerAgb, t.productCategory, t.productCode],
    }),
  ],
);

/** How far the KPI facts have followed ijw_trajectories and ijw_declaration_lines. One row. */
export const kpiRefresh = pgTable('kpi_refresh', {
  id: integer().primaryKey(),
  refreshedUpTo: timestamp({ withTimezone: true }),
  /** The highest declaration line id the last refresh saw. */
  linesSeen: bigint({ mode: 'number' }).notNull().default(0),
  /** Ids up to linesSeen that no line had yet (int8multirange): a transaction then writing may still commit them. */
  linesGaps: text(),
  /** That refresh's snapshot (pg_snapshot): once all its transactions in progress have ended, the gaps are final. */
  linesSnapshot: text(),
  /** A digest of every region's product codes with their lots and stay, as the facts last followed them. */
  products: text(),
  /** A digest of every region's contract periods per provider (AGB), as the facts' contractedFrom last followed them. */
  contracts: text(),
  /** A digest of every region's budget lines with their productcategorieën, as the money facts last followed them. */
  budgetLineCategories: text(),
  /** When the last refresh completed (or found nothing to do): the figures are "stand per" this time. Null: never built. */
  completedAt: timestamp({ withTimezone: true }),
});

/** Per municipality the first start and the latest start or end date in the facts: a region's data range. */
export const kpiDataDates = pgTable('kpi_data_dates', {
  municipalityCode: text().primaryKey(),
  firstDate: date({ mode: 'string' }).notNull(),
  lastDate: date({ mode: 'string' }).notNull(),
});

/**
 * How the region reads its own figures over time: after how many months past a period's end its declarations count as
 * complete (before that the period is provisional, "voorlopig"), and the Treeknorm it holds waits against (days from
 * application to intake and to treatment). Without a row the defaults of the monitoring module apply.
 */
export const kpiSettings = pgTable(
  'kpi_settings',
  {
    regionId: uuid()
      .primaryKey()
      .references(() => regions.id),
    provisionalLagMonths: integer().notNull(),
    treeknormIntakeDays: integer().notNull(),
    treeknormTreatmentDays: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('kpi_settings_lag', sql`${t.provisionalLagMonths} between 0 and 24`),
    check(
      'kpi_settings_treeknorm',
      sql`${t.treeknormIntakeDays} between 1 and 365 and ${t.treeknormTreatmentDays} between 1 and 365`,
    ),
  ],
);
