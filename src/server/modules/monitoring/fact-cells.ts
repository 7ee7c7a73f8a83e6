import type { kpiMoneyFacts, kpiMoneyMonths, kpiTrajectoryFacts } from '../../db/schema/index.js';

/**
 * The one registry of the KPI facts' neighbour columns: per kind of cell a youth is counted in, the columns the refresh
 * keeps (facts.service.ts, facts-money.ts) and the KPI queries read (kpis/kpi-module.ts, kpis/spend.ts). Column names
 * are written out, never built from parts, and typed against the schema: a name that is not a column of its table
 * does not compile.
 */

/** A column's name in SQL: the schema's property in snake_case (the database's casing). */
type SnakeCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}`
  : S;
type ColumnOf<T extends { $inferSelect: object }> = SnakeCase<Extract<keyof T['$inferSelect'], string>>;

/** The kinds of cell: the dimension a filter or a grouping fixes (the region when none). */
export type CellKind = 'region' | 'municipality' | 'provider' | 'productCategory' | 'lot';

/** What a trajectory fact keeps of its youth's other trajectories in a cell (kpis/kpi-module.ts, CellNeighbours). */
export interface TrajectoryNeighbours<C = ColumnOf<typeof kpiTrajectoryFacts>> {
  /** The latest end of the youth's trajectories there before this one (by start, then id; an open one runs on). */
  earlierEnd: C;
  /** The start of the youth's next trajectory there. */
  laterStart: C;
  /** For an ending that counts (not 20 or 37), the end of the youth's ending before it there (by end, then id). */
  earlierEnding: C;
  /** The same among the endings herhaald beroep follows up (not in unfollowedReasons). */
  earlierFollowedEnding: C;
  /** For a trajectory with a wait from its request (JW315), the start of the youth's one before it with one there. */
  earlierRequestedStart: C;
  /** For a trajectory with a wait from its allocation (JW301), the start of the youth's one before it with one there. */
  earlierAllocatedStart: C;
  /** The latest end of the youth's earlier trajectories there of the same kind: with stay, ambulant (kpi-module.ts ambulantCare) or neither. */
  earlierEndSameStay: C;
}

/**
 * Per kind of cell, the partition the refresh computes the neighbours over (f2 is the fact, m its municipality's row:
 * a municipality belongs to one region and never moves) and the columns it keeps them in.
 */
export const trajectoryCells: Record<CellKind, { by: string; columns: TrajectoryNeighbours }> = {
  region: {
    by: 'f2.youth, m.region_id',
    columns: {
      earlierEnd: 'earlier_end_in_region',
      laterStart: 'later_start_in_region',
      earlierEnding: 'earlier_ending_in_region',
      earlierFollowedEnding: 'earlier_followed_ending_in_region',
      earlierRequestedStart: 'earlier_requested_start_in_region',
      earlierAllocatedStart: 'earlier_allocated_start_in_region',
      earlierEndSameStay: 'earlier_end_same_stay_in_region',
    },
  },
  municipality: {
    by: 'f2.youth, f2.municipality_code',
    columns: {
      earlierEnd: 'earlier_end_in_municipality',
      laterStart: 'later_start_in_municipality',
      earlierEnding: 'earlier_ending_in_municipality',
      earlierFollowedEnding: 'earlier_followed_ending_in_municipality',
      earlierRequestedStart: 'earlier_requested_start_in_municipality',
      earlierAllocatedStart: 'earlier_allocated_start_in_municipality',
      earlierEndSameStay: 'earlier_end_same_stay_in_municipality',
    },
  },
  provider: {
    by: 'f2.youth, m.region_id, f2.provider_agb',
    columns: {
      earlierEnd: 'earlier_end_at_provider',
      laterStart: 'later_start_at_provider',
      earlierEnding: 'earlier_ending_at_provider',
      earlierFollowedEnding: 'earlier_followed_ending_at_provider',
      earlierRequestedStart: 'earlier_requested_start_at_provider',
      earlierAllocatedStart: 'earlier_allocated_start_at_provider',
      earlierEndSameStay: 'earlier_end_same_stay_at_provider',
    },
  },
  productCategory: {
    by: 'f2.youth, m.region_id, f2.product_category',
    columns: {
      earlierEnd: 'earlier_end_in_category',
      laterStart: 'later_start_in_category',
      earlierEnding: 'earlier_ending_in_category',
      earlierFollowedEnding: 'earlier_followed_ending_in_category',
      earlierRequestedStart: 'earlier_requested_start_in_category',
      earlierAllocatedStart: 'earlier_allocated_start_in_category',
      earlierEndSameStay: 'earlier_end_same_stay_in_category',
    },
  },
  lot: {
    by: 'f2.youth, m.region_id, f2.lot',
    columns: {
      earlierEnd: 'earlier_end_in_lot',
      laterStart: 'later_start_in_lot',
      earlierEnding: 'earlier_ending_in_lot',
      earlierFollowedEnding: 'earlier_followed_ending_in_lot',
      earlierRequestedStart: 'earlier_requested_start_in_lot',
      earlierAllocatedStart: 'earlier_allocated_start_in_lot',
      earlierEndSameStay: 'earlier_end_same_stay_in_lot',
    },
  },
};

/** Over all of a youth's trajectories: is a trajectory the youth's only one in a window (the same two neighbours). */
export const youthNeighbours: Pick<TrajectoryNeighbours, 'earlierEnd' | 'laterStart'> = {
  earlierEnd: 'earlier_end',
  laterStart: 'later_start',
};

/** The kinds of cell of money: those of the trajectories, the budget line, and the finest cell (no first-line counts). */
export type MoneyCellKind = CellKind | 'budgetLine' | 'cell';

/**
 * Per kind of cell, the column a money line keeps its youth's previous line's begin in (kpi_money_facts), the partition
 * (a = the line, with its municipality's region; within the region of the line's municipality, as a youth may move,
 * except where the municipality itself is a part), and the kpi_money_months column counting the first lines there.
 */
export const moneyCells: Record<
  MoneyCellKind,
  { previous: ColumnOf<typeof kpiMoneyFacts>; by: string; first: ColumnOf<typeof kpiMoneyMonths> | null }
> = {
  region: { previous: 'previous_start', by: 'a.region_id', first: 'first_in_region' },
  municipality: { previous: 'previous_in_municipality', by: 'a.municipality_code', first: 'first_in_municipality' },
  provider: { previous: 'previous_at_provider', by: 'a.region_id, a.provider_agb', first: 'first_at_provider' },
  productCategory: {
    previous: 'previous_in_category',
    by: 'a.region_id, a.product_category',
    first: 'first_in_category',
  },
  lot: { previous: 'previous_in_lot', by: 'a.region_id, a.lot', first: 'first_in_lot' },
  budgetLine: { previous: 'previous_in_budget_line', by: 'a.region_id, a.budget_line', first: 'first_in_budget_line' },
  cell: {
    previous: 'previous_in_cell',
    by: 'a.municipality_code, a.provider_agb, a.product_category, a.product_code',
    first: null,
  },
};

/** The money cells in a fixed order, for column lists. */
export const moneyCellList = Object.values(moneyCells);
