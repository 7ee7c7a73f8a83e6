import { sql, type SQL } from 'drizzle-orm';
import type { KpiFilters, KpiGroupBy, KpiId } from '../../../../shared/kpi.js';
import { queryRows, type Db } from '../../../db/client.js';
import { trajectoryCells, type CellKind, type TrajectoryNeighbours } from '../fact-cells.js';

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
}

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
export const perPlanReasons = ['31', '39'];

/** An ISO date as an SQL date. */
export const date = (d: string) => sql`${d}::date`;

/** The group key of a scoped trajectory. */
function trajectoryGroup(groupBy: KpiGroupBy): SQL {
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
      f.product_code, f.start_date, f.end_date, f.end_reason, f.wait_days, f.birth_year, f.next_start, f.with_stay, p.stay_form,
      f.contracted_from,
      f.contracted_from is null or f.contracted_from > f.start_date as uncontracted_at_start,
      coalesce(f.earlier_end < ${date(window.from)}, true) and coalesce(f.later_start > ${date(window.to)}, true) as alone
    from kpi_trajectory_facts f
    left join products p on p.region_id = ${ctx.regionId}::uuid and p.product_code = f.product_code
    where f.start_date <= ${date(window.to)} and (f.end_date is null or f.end_date >= ${date(window.from)})
      and ${inScope(ctx)}`;
}

/**
 * Predicate: a contract of the provider with the region overlaps scoped trajectory `t`, a running one up to `end` (the
 * end of the period asked about, so the previous period reads as its own answer does).
 */
export function contractedBy(end: string): SQL {
  return sql`coalesce(t.contracted_from <= greatest(t.start_date, coalesce(t.end_date, ${date(end)})), false)`;
}

/**
 * The one scope filter of the trajectory facts (alias f): the region's municipalities and the filters asked. The lot
 * is the fact's own (the refresh keeps it with the region's products), as the grouping by lot is.
 */
function inScope(ctx: KpiContext): SQL {
  const f = ctx.filters;
  return sql`f.municipality_code = any(${sql.param(ctx.municipalities)}::text[])
      ${f.municipality ? sql`and f.municipality_code = ${f.municipality}` : sql``}
      ${f.provider ? sql`and f.provider_agb = ${f.provider}` : sql``}
      ${f.productCategory ? sql`and f.product_category = ${f.productCategory}` : sql``}
      ${f.lot ? sql`and f.lot = ${f.lot}` : sql``}`;
}

/** Predicate: trajectory alias `t` is in care on some day of [from, to]. */
export function inCare(from: string, to: string): SQL {
  return sql`(t.start_date <= ${date(to)} and (t.end_date is null or t.end_date >= ${date(from)}))`;
}

/**
 * Counts youths per cell from per-youth flags, and each youth once in the total, in one scan. A youth with one
 * trajectory in the window (most youths) is that trajectory's row: each count's condition (over the flags, referenced
 * as y.<flag>) is tested on it, per cell, and the total adds the cells up. The other youths get one row per youth per
 * cell holding `bool_or` of each flag, and one overall from those; then the youths whose flags meet each condition.
 * Grouping by cell and youth (all youths alone in a cell share one group), PostgreSQL scans and aggregates in parallel.
 * `only` (alias t) leaves out the trajectories that can set no flag, when each count needs some flag set: a youth whose
 * trajectories there are all left out would not count anyway, so only the rows that can matter are aggregated.
 */
export async function countYouths<C extends string>(
  db: Db,
  ctx: KpiContext,
  window: Span,
  flags: Record<string, SQL>,
  counts: Record<C, SQL>,
  { only }: { only?: SQL } = {},
): Promise<Array<{ grp: string | null } & Record<C, number>>> {
  const each = <T>(
    record: Record<string, T>,
    f: (name: ReturnType<typeof sql.identifier>, value: T, key: string) => SQL,
  ) =>
    sql.join(
      Object.entries(record).map(([k, v]) => f(sql.identifier(k), v, k)),
      sql`, `,
    );
  const rowCount = (k: string) => sql.identifier(`n_${k}`);
  const scoped = scopedTrajectories(ctx, window);
  const rows = await hashing(
    db,
    sql`
    with t as (${only ? sql`select * from (${scoped}) t where ${only}` : scoped}),
    s as materialized (
      select y.grp, case when y.alone then null else y.client end as k,
        ${each(flags, (n) => sql`bool_or(y.${n}) as ${n}`)}, ${each(counts, (_, c, k) => sql`count(*) filter (where ${c as SQL}) as ${rowCount(k)}`)}
      from (select t.grp, t.client, t.alone, ${each(flags, (n, f) => sql`${f} as ${n}`)} from t) y
      group by 1, 2),
    cells as (
      select y.grp, ${each(counts, (n, c) => sql`count(*) filter (where ${c as SQL}) as ${n}`)} from s y where y.k is not null group by y.grp
      union all
      select null, ${each(counts, (n, c) => sql`count(*) filter (where ${c as SQL}) as ${n}`)}
      from (select k, ${each(flags, (n) => sql`bool_or(${n}) as ${n}`)} from s where k is not null group by k) y
      union all
      select grp, ${each(counts, (n, _, k) => sql`sum(${rowCount(k)}) as ${n}`)} from s where k is null group by grp
      union all
      select null, ${each(counts, (n, _, k) => sql`sum(${rowCount(k)}) as ${n}`)} from s where k is null)
    select grp, ${each(counts, (n) => sql`sum(${n})::int as ${n}`)} from cells group by grp`,
  );
  return rows as Array<{ grp: string | null } & Record<C, number>>;
}

/** A trajectory's neighbours within its cell (alias t), as fact-cells.ts names and describes them. */
export type CellNeighbours = TrajectoryNeighbours<SQL>;

/** The dimensions that fix a cell of a count: the filters and, for the rows (withGroup), the grouping. */
export function cellDimensions(ctx: KpiContext, withGroup: boolean): Set<string> {
  const dims = new Set(
    Object.entries(ctx.filters)
      .filter(([, v]) => v)
      .map(([k]) => k),
  );
  if (withGroup && ctx.groupBy !== 'region') dims.add(ctx.groupBy);
  return dims;
}

/** The neighbour columns for the cells of a count: fixed by the filters and, for the rows, the grouping; null for more than one. */
function neighboursIn(ctx: KpiContext, withGroup: boolean): CellNeighbours | null {
  const dims = cellDimensions(ctx, withGroup);
  const dim = [...dims][0] ?? 'region';
  if (dims.size > 1 || !Object.hasOwn(trajectoryCells, dim)) return null;
  const { columns } = trajectoryCells[dim as CellKind];
  const column = (name: string) => sql.raw(`t.${name}`);
  return {
    earlierEnd: column(columns.earlierEnd),
    laterStart: column(columns.laterStart),
    earlierEnding: column(columns.earlierEnding),
    earlierFollowedEnding: column(columns.earlierFollowedEnding),
    earlierWaitedStart: column(columns.earlierWaitedStart),
    earlierEndSameStay: column(columns.earlierEndSameStay),
  };
}

/**
 * Counts youths per cell and in all as plain counts of trajectories, one scan without grouping by youth: each count's
 * condition picks at most one trajectory per youth and cell from its neighbours there (the first one in a period, say).
 * A count that needs no neighbours (of trajectories, not youths) adds up the same way. The total adds up the groups'
 * counts of the trajectories picked in the total's cell: each lies in one group. `only` (alias t) leaves out the
 * trajectories no count can pick. With `perValueOf` (an integer measure), also each count per value of it, per group
 * and in all (key null): enough to find any percentile exactly (medianOf).
 * The window holds every trajectory that starts by its end and ends in it or after, or follows one that does
 * (uitstroom looks at the last one to start); the rows are the groups with a trajectory that touches it, as
 * countYouths gives. Null when the facts keep no neighbours for the cells asked (neighboursIn): count with countYouths.
 */
export async function countFirstInCell<C extends string>(
  db: Db,
  ctx: KpiContext,
  window: Span,
  counts: (cell: CellNeighbours) => Record<C, SQL>,
  { only, perValueOf }: { only?: SQL; perValueOf?: SQL } = {},
): Promise<{
  rows: Array<{ grp: string | null } & Record<C, number>>;
  histogram: Map<string | null, Histogram>;
} | null> {
  const [cell, total] = [neighboursIn(ctx, true), neighboursIn(ctx, false)];
  if (!cell || !total) return null;
  const [inCell, inTotal] = [Object.entries<SQL>(counts(cell)), Object.entries<SQL>(counts(total))];
  // With perValueOf, per group and value: the groups' counts add up over the values, each trajectory being in one.
  const buckets = await queryRows<Record<string, unknown> & { grp: string; value: number | null; touches: boolean }>(
    db,
    sql`
    select t.grp, ${perValueOf ?? sql`null::int`} as value, bool_or(coalesce(t.end_date, 'infinity') >= ${date(window.from)}) as touches, ${sql.join(
      [
        ...inCell.map(([k, c]) => sql`count(*) filter (where ${c})::int as ${sql.identifier(k)}`),
        ...inTotal.map(([k, c]) => sql`count(*) filter (where ${c})::int as ${sql.identifier(`total_${k}`)}`),
      ],
      sql`, `,
    )}
    from (
      select ${trajectoryGroup(ctx.groupBy)} as grp, f.* from kpi_trajectory_facts f
      where f.start_date <= ${date(window.to)} and (coalesce(f.end_date, 'infinity') >= ${date(window.from)} or f.earlier_end >= ${date(window.from)})
        and ${inScope(ctx)}) t
    ${only ? sql`where ${only}` : sql``}
    group by 1, 2`,
  );
  // Added up per group (and value): the cell's counts per group, the total's in all.
  const add = (into: Record<string, number>, b: Record<string, unknown>, columns: Array<[string, string]>) => {
    for (const [name, column] of columns) into[name] = (into[name] ?? 0) + num(b[column]);
  };
  const [cellColumns, totalColumns] = [
    inCell.map(([k]): [string, string] => [k, k]),
    inTotal.map(([k]): [string, string] => [k, `total_${k}`]),
  ];
  const groups = new Map<string | null, Record<string, number>>([[null, {}]]);
  const values = new Map<string | null, Map<number, Record<string, number>>>();
  const valueCounts = (grp: string | null, value: number) => {
    const byValue = values.get(grp) ?? values.set(grp, new Map()).get(grp)!;
    return byValue.get(value) ?? byValue.set(value, {}).get(value)!;
  };
  for (const b of buckets) {
    add(groups.get(b.grp) ?? groups.set(b.grp, {}).get(b.grp)!, b, cellColumns);
    add(groups.get(null)!, b, totalColumns);
    if (perValueOf && b.value !== null) {
      add(valueCounts(b.grp, Number(b.value)), b, cellColumns);
      add(valueCounts(null, Number(b.value)), b, totalColumns);
    }
  }
  // The rows are the groups countYouths has, those with a trajectory that touches the window; the total counts in all
  // groups (the last trajectory to start, which uitstroom looks at, may lie in a group with nothing else there).
  const touching = new Set(buckets.filter((b) => b.touches).map((b) => b.grp));
  const zeros = Object.fromEntries(inCell.map(([k]) => [k, 0]));
  const rows = [...groups]
    .filter(([grp]) => grp === null || touching.has(grp))
    .map(([grp, counts]) => ({ grp, ...zeros, ...counts }) as { grp: string | null } & Record<C, number>);
  const histogram = new Map(
    [...values].map(([grp, byValue]): [string | null, Histogram] => [
      grp,
      [...byValue].map(([value, counts]) => ({ value, counts })),
    ]),
  );
  return { rows, histogram };
}

/**
 * What to add up per cell over the trajectories in scope: per name the sum of `value` (default 1: a count) over those
 * meeting `when`, and per name the distinct youths with a trajectory meeting a condition (alias t, scopedTrajectories).
 */
export interface TrajectoryTally {
  sums: Record<string, { when: SQL; value?: SQL }>;
  youths: Record<string, SQL>;
}

/** The number of trajectories with each value of a measure, per count of a tally. */
export type Histogram = Array<{ value: number; counts: Record<string, number> }>;

/**
 * Adds up a tally per group and for the total, over the trajectories in scope that touch `window` and meet `where`,
 * in one parallel scan: first per group and youth (all youths alone in the window together, as one row per group),
 * then per group, and per youth for the total. A youth alone counts by its row; the others once per group and once
 * in all. With `histogramOf` (an integer measure), also each sum per value of it, per group and in all (key null):
 * enough to find any percentile exactly.
 */
export async function tallyTrajectories(
  db: Db,
  ctx: KpiContext,
  tally: TrajectoryTally,
  where: SQL,
  window: Span,
  histogramOf?: SQL,
): Promise<{
  rows: Array<Record<string, unknown> & { grp: string | null }>;
  histogram: Map<string | null, Histogram>;
}> {
  const sums = Object.entries(tally.sums);
  const youths = Object.entries(tally.youths);
  const id = (name: string, prefix = '') => sql.identifier(`${prefix}${name}`);
  const forSums = (f: (name: string) => SQL) => sums.map(([n]) => f(n));
  const forYouths = (f: (name: string) => SQL) => youths.map(([n]) => f(n));
  // Per group, each youth not alone is one row of s, unless split by the histogram's values: then count them distinct.
  const sharedIn = (n: string) =>
    histogramOf
      ? sql`count(distinct k) filter (where ${id(n, 's_')})`
      : sql`count(*) filter (where k is not null and ${id(n, 's_')})`;
  // The histogram's rows: the sums per group and value, and per value in all (no youths).
  const perValue = (grp: SQL) =>
    sql`select ${grp}, value, ${sql.join([...forSums((n) => sql`sum(${id(n)})::float8`), ...forYouths(() => sql`0`)], sql`, `)} from s`;
  const rows = await hashing(
    db,
    sql`
    with t as (${scopedTrajectories(ctx, window)}),
    s as materialized (
      select t.grp, case when t.alone then null else t.client end as k, ${histogramOf ?? sql`null::int`} as value,
        ${sql.join(
          [
            ...sums.map(([n, m]) => sql`coalesce(sum(${m.value ?? sql`1`}) filter (where ${m.when}), 0) as ${id(n)}`),
            ...youths.map(
              ([n, c]) =>
                sql`count(*) filter (where t.alone and ${c}) as ${id(n, 'a_')}, bool_or(${c}) as ${id(n, 's_')}`,
            ),
          ],
          sql`, `,
        )}
      from t where ${where} group by 1, 2, 3),
    cells as (
      select grp, ${sql.join([...forSums((n) => sql`sum(${id(n)}) as ${id(n)}`), ...forYouths((n) => sql`sum(${id(n, 'a_')}) as ${id(n, 'a_')}, ${sharedIn(n)} as ${id(n, 's_')}`)], sql`, `)}
      from s group by grp),
    shared as (
      select ${sql.join(
        forYouths((n) => sql`count(*) filter (where ${id(n, 's_')}) as ${id(n, 's_')}`),
        sql`, `,
      )}
      from (select k, ${sql.join(
        forYouths((n) => sql`bool_or(${id(n, 's_')}) as ${id(n, 's_')}`),
        sql`, `,
      )} from s where k is not null group by k) x)
    select grp, null::int as value, ${sql.join([...forSums((n) => sql`${id(n)}::float8 as ${id(n)}`), ...forYouths((n) => sql`(${id(n, 'a_')} + ${id(n, 's_')})::int as ${id(n)}`)], sql`, `)}
    from cells
    union all
    select null, null, ${sql.join([...forSums((n) => sql`sum(${id(n)})::float8`), ...forYouths((n) => sql`(sum(${id(n, 'a_')}) + (select ${id(n, 's_')} from shared))::int`)], sql`, `)}
    from cells
    ${histogramOf ? sql`union all ${perValue(sql`grp`)} group by grp, value union all ${perValue(sql`null`)} group by value` : sql``}`,
  );
  const histogram = new Map<string | null, Histogram>();
  for (const r of rows.filter((x) => x.value !== null)) {
    histogram.set(r.grp, [
      ...(histogram.get(r.grp) ?? []),
      { value: Number(r.value), counts: Object.fromEntries(sums.map(([n]) => [n, num(r[n])])) },
    ]);
  }
  return { rows: rows.filter((x) => x.value === null), histogram };
}

/** The median of a histogram's values counted in `count`, as percentile_cont(0.5) finds it; null when empty. */
export function medianOf(histogram: Histogram, count: string): number | null {
  const sorted = histogram.filter((h) => (h.counts[count] ?? 0) > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, h) => sum + h.counts[count]!, 0);
  if (n === 0) return null;
  // The values at the 0-based positions floor and ceil of (n − 1) / 2, interpolated.
  const at = (position: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.counts[count]!;
      if (position < seen) return h.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  const position = (n - 1) / 2;
  const [low, high] = [at(Math.floor(position)), at(Math.ceil(position))];
  return low + (high - low) * (position - Math.floor(position));
}

/**
 * Runs a statement with hash aggregation: the planner cannot know how few youths share a window, expects a group per
 * trajectory and would sort them all; hashing the groups there are is several times faster.
 */
async function hashing(db: Db, statement: SQL): Promise<Array<Record<string, unknown> & { grp: string | null }>> {
  await db.execute(sql`set local enable_sort = off`);
  const rows = await queryRows<Record<string, unknown> & { grp: string | null }>(db, statement);
  await db.execute(sql`set local enable_sort to default`);
  return rows;
}

/** A share in percent with one decimal, or null without a denominator. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((1000 * numerator) / denominator) / 10 : null;
}

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
