import { sql, type SQL } from 'drizzle-orm';
import type { KpiFilters, KpiGroupBy, KpiId } from '../../../../shared/kpi.js';
import type { Db } from '../../../db/client.js';

export interface Span {
  from: string;
  to: string;
}

/** What every KPI query gets: the region, the period and the one before it, the grouping and the filters. */
export interface KpiContext {
  regionId: string;
  /** The region's municipalities (CBS codes): a list PostgreSQL tests with a hash table, cheaper than a join per row. */
  municipalities: string[];
  current: Span;
  previous: Span;
  groupBy: KpiGroupBy;
  filters: KpiFilters;
  /** The latest start or end date in the data; follow-up windows must end before it. */
  dataDate: string | null;
  /**
   * The form of care counted: youth help (absent, every KPI but two), or jeugdbescherming (48) or jeugdreclassering
   * (47), which CBS reports apart from youth help (docs/kpi.md).
   */
  form?: CareForm;
}

export type CareForm = 'jeugdbescherming' | 'jeugdreclassering';
/** The productcategorie (JZ020) of each form of care that is not youth help. */
export const careFormCategories: Record<CareForm, string> = { jeugdbescherming: '48', jeugdreclassering: '47' };

/**
 * Whether fact alias `a` is youth help (jeugdhulp): any productcategorie but 47 and 48 (and none). Raw SQL text: the
 * refresh partitions every neighbour by it, so that a youth's youth help is counted apart from their other care.
 */
export const youthHelp = (a: string): string =>
  `coalesce(${a}.product_category not in (${Object.values(careFormCategories)
    .map((c) => `'${c}'`)
    .join(', ')}), true)`;

export interface KpiFigures {
  youths: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  budget?: number | null;
}

/** One cell as a KPI computes it, for the period and the previous one, before suppression. `grp` null is the total. */
export interface KpiRow extends KpiFigures {
  grp: string | null;
  previous: KpiFigures | null;
  /** spend_forecast's total: the budget lines it covers whose forecast exceeds their budget (its target is then not met). */
  linesOver?: string[];
}

export interface KpiModule {
  id: KpiId;
  /** Groupings this KPI supports (default: all but budgetLine, which only money has). */
  groupings?: readonly KpiGroupBy[];
  /** The rows per group and the total, each with the previous period; null when the region lacks the data. */
  compute(db: Db, ctx: KpiContext): Promise<KpiRow[] | null>;
}

/** The two periods a query covers, tagged for column names: c(urrent) and p(revious). */
export const periodTags = ['c', 'p'] as const;
export type PeriodTag = (typeof periodTags)[number];
export const spanOf = (ctx: KpiContext, tag: PeriodTag): Span => (tag === 'c' ? ctx.current : ctx.previous);
/** From the start of the previous period to the end of the current one, widened by `days` on both sides. */
export function bothPeriods(ctx: KpiContext, days = 0): Span {
  const shift = (d: string, n: number) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return { from: shift(ctx.previous.from, -days), to: shift(ctx.current.to, days) };
}

/** Builds a row with the previous period's figures from columns named <name>_c and <name>_p. */
export function pairRows(
  rows: Array<Record<string, unknown> & { grp: string | null }>,
  figures: (r: Record<string, unknown>, tag: PeriodTag) => KpiFigures,
): KpiRow[] {
  return rows.map((r) => ({ grp: r.grp, ...figures(r, 'c'), previous: figures(r, 'p') }));
}

export const trajectoryGroupings: readonly KpiGroupBy[] = [
  'region',
  'municipality',
  'provider',
  'productCategory',
  'lot',
];

/** Reasons that end nothing (20 tijdelijk beëindigd, 37 wijzigingsverzoek): the care goes on. */
export const nonEndingReasons = ['20', '37'];
/** Endings herhaald beroep does not follow up: those, death (02) and a move to another provider (38). */
export const unfollowedReasons = [...nonEndingReasons, '02', '38'];
export const earlyReasons = ['32', '33', '34', '35'];
/**
 * Productcategorieën (JZ020) that are not ambulant youth help although without stay: 46 jeugdhulp crisis, 47
 * jeugdreclassering, 48 jeugdbescherming. CBS reports youth protection and probation apart from youth help, and crisis
 * care is neither ambulant care nor a stay (docs/kpi.md).
 */
export const notAmbulantCategories = ['46', '47', '48'];
/**
 * Whether fact alias `a` is ambulant care: without stay, and not crisis, jeugdreclassering or jeugdbescherming (a
 * trajectory without a productcategorie is ambulant when without stay). Raw SQL text, for the refresh's partitions too.
 */
export const ambulantCare = (a: string): string =>
  `(not ${a}.with_stay and coalesce(${a}.product_category not in (${notAmbulantCategories.map((c) => `'${c}'`).join(', ')}), true))`;
export const perPlanReasons = ['31', '39'];

/** An ISO date as an SQL date. */
export const date = (d: string) => sql`${d}::date`;

/** The group key of a scoped trajectory. */
export function trajectoryGroup(groupBy: KpiGroupBy): SQL {
  switch (groupBy) {
    case 'municipality':
      return sql`f.municipality_code`;
    case 'provider':
      return sql`f.provider_agb`;
    case 'productCategory':
      return sql`coalesce(f.product_category, '–')`;
    case 'lot':
      return sql`coalesce(f.lot, '–')`;
    default:
      return sql`'region'`;
  }
}

/**
 * The trajectories in scope (region, filters) from kpi_trajectory_facts, with their group key, whether they have
 * stay (kept on the facts) and the stay form (from the region's products, so a change there counts at once), as CTE
 * body `t`; the youth is column `client`. `window` narrows to trajectories that touch it. `alone`: the youth has no
 * other trajectory (in or out of scope) that touches the window, so this one counts the youth once without a distinct
 * count. `uncontracted_at_start`: no contract of the provider with the region covers its first day, the condition of
 * the partial index kpi_trajectory_facts_uncontracted, which a count of the trajectories outside contract states so
 * that PostgreSQL reads only those; whether a contract overlaps it seen from a period's end is contractedBy.
 */
export function scopedTrajectories(ctx: KpiContext, window: Span): SQL {
  return sql`
    select f.youth as client, ${trajectoryGroup(ctx.groupBy)} as grp, f.municipality_code, f.provider_agb, f.product_category,
      f.product_code, f.start_date, f.end_date, f.end_reason, f.request_wait_days, f.allocation_wait_days, f.birth_year, f.birth_month, f.next_start, f.with_stay, p.stay_form,
      f.contracted_from,
      f.contracted_from is null or f.contracted_from > f.start_date as uncontracted_at_start,
      coalesce(f.earlier_end < ${date(window.from)}, true) and coalesce(f.later_start > ${date(window.to)}, true) as alone
    from kpi_trajectory_facts f
    left join products p on p.region_id = ${ctx.regionId}::uuid and p.product_code = f.product_code and p.withdrawn_at is null
    where f.start_date <= ${date(window.to)} and (f.end_date is null or f.end_date >= ${date(window.from)})
      and ${inScope(ctx)}`;
}

/**
 * Predicate: a contract of the provider with the region for the lot of its product overlaps scoped trajectory `t`, a
 * running one up to `end` (the end of the period asked about, so the previous period reads as its own answer does).
 */
export function contractedBy(end: string): SQL {
  return sql`coalesce(t.contracted_from <= greatest(t.start_date, coalesce(t.end_date, ${date(end)})), false)`;
}

/**
 * The one scope filter of the trajectory facts (alias f): the region's municipalities, the form of care (youth help
 * unless the KPI counts another form; `all` for every form) and the filters asked. The lot is the fact's own (the
 * refresh keeps it with the region's products), as the grouping by lot is.
 */
export function inScope(ctx: Pick<KpiContext, 'municipalities' | 'filters' | 'form'>, all = false): SQL {
  const f = ctx.filters;
  const form = all
    ? sql``
    : ctx.form
      ? sql`and f.product_category = ${careFormCategories[ctx.form]}`
      : sql`and ${sql.raw(youthHelp('f'))}`;
  return sql`f.municipality_code = any(${sql.param(ctx.municipalities)}::text[]) ${form}
      ${f.municipality ? sql`and f.municipality_code = ${f.municipality}` : sql``}
      ${f.provider ? sql`and f.provider_agb = ${f.provider}` : sql``}
      ${f.productCategory ? sql`and f.product_category = ${f.productCategory}` : sql``}
      ${f.lot ? sql`and f.lot = ${f.lot}` : sql``}`;
}

/** Predicate: trajectory alias `t` is in care on some day of [from, to]. */
export function inCare(from: string, to: string): SQL {
  return sql`(t.start_date <= ${date(to)} and (t.end_date is null or t.end_date >= ${date(from)}))`;
}
