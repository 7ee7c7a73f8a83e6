import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.js';
import { trajectoryCells, type CellKind, type TrajectoryNeighbours } from '../fact-cells.js';
import { date, inScope, scopedTrajectories, trajectoryGroup, type KpiContext, type Span } from './kpi-module.js';

/* The counting the KPI modules share: youths per cell from per-youth flags, first trajectories per cell with their
   neighbours, tallies and histograms of trajectories, medians and percentages. */

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
    earlierRequestedStart: column(columns.earlierRequestedStart),
    earlierAllocatedStart: column(columns.earlierAllocatedStart),
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
