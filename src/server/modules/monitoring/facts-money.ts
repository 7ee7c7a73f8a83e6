import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { categoryBudgetLines as categoryLines, municipalityProducts } from '../landscape/index.js';
import { moneyCellList } from './fact-cells.js';

/**
 * The money half of the KPI facts refresh (facts.service.ts runs it in its transaction): kpi_money_facts, one row per
 * declaration line, and the monthly sums kpi_money_months.
 */

/** What a money line keeps of its allocation's trajectory `tr` (kpi_money_facts.trajectory_start …). */
export const trajectoryOfLine = sql`tr.start_date as trajectory_start, least(tr.end_date, tr.allocation_end) as trajectory_stop, tr.allocation_end`;

/**
 * The refresh's snapshot and the highest line id in it (one statement, so they belong together), what the last refresh
 * left, whether any other transaction is writing now (idle) and whether all that were writing then have ended (settled).
 */
export type LinesState = {
  snapshot: string;
  seen: string;
  previous_seen: string;
  gaps: string | null;
  idle: boolean;
  settled: boolean;
};

/** The months back a first line is counted for in kpi_money_months: a period of up to 12 months. */
export const moneyMonthsBack = 12;

/**
 * Adds the declaration lines the money facts lack. Lines are only ever inserted, with ids from a sequence, but a long
 * import transaction can commit its lines after a refresh has seen higher ids from a shorter one: neither "above the
 * last id seen" nor a fixed overlap is safe. So a refresh reads the ids above the last one seen plus the gaps it left
 * below (ids no line had then), and keeps as gaps the ids it still finds no line for, with its snapshot. A gap can
 * only be filled by a transaction that was then in progress (an import writes its file rows first, so it has a
 * transaction id before it draws line ids): once those have ended, the gaps are final and are dropped. Re-reading a
 * gap's lines is harmless: lines the facts already have are skipped. With `follow.lots` (the products' lots changed) or
 * `follow.budgetLines` (the budget lines' categories changed; their new digest) every line's lot and budget line first
 * follow. Then, for every youth with new or moved lines, each line's previous-line dates, and the monthly sums
 * (kpi_money_months) of every cell a line was added to or changed in. Returns the number of rows added.
 */
export async function refreshMoneyFacts(
  tx: Db,
  s: LinesState,
  follow: { lots: boolean; budgetLines: string | null },
): Promise<number> {
  const above = sql`int8multirange(int8range(${s.previous_seen}::bigint, greatest(${s.previous_seen}::bigint, ${s.seen}::bigint), '(]'))`;
  const read = sql`(${s.gaps ?? '{}'}::int8multirange + ${above})`;
  // The lines the facts lack (a gap read again may hold some they have; none when only lots or budget lines changed),
  // with their lot, budget line and trajectory.
  await tx.execute(sql`
    create temporary table kpi_new_lines on commit drop as
    with lots as (${municipalityProducts}), lines as (${categoryLines})
    select l.id as line_id, hashtextextended(l.client_pseudonym, 0) as youth, l.municipality_code, d.provider_agb, l.product_category,
      l.product_code, l.municipality_code || '|' || l.allocation_number as allocation, l.period_start, l.amount_cents,
      lo.code as lot, bl.code as budget_line, ${trajectoryOfLine}
    from unnest(${read}) r
    join ijw_declaration_lines l on l.id >= lower(r) and l.id < upper(r)
    join ijw_declarations d on d.id = l.declaration_id
    left join lots lo on lo.cbs_code = l.municipality_code and lo.product_code = l.product_code
    left join lines bl on bl.cbs_code = l.municipality_code and bl.category = l.product_category
    left join kpi_trajectory_facts tr on tr.allocation = l.municipality_code || '|' || l.allocation_number
    where not exists (select 1 from kpi_money_facts f where f.line_id = l.id)`);
  // The youths whose previous-line dates are computed again, and the monthly cells summed again.
  await tx.execute(sql`create temporary table kpi_money_youths (youth bigint primary key) on commit drop`);
  await tx.execute(sql`insert into kpi_money_youths select distinct youth from kpi_new_lines`);
  await tx.execute(sql`
    create temporary table kpi_money_cells (month date, municipality_code text, provider_agb text, product_category text, product_code text,
      primary key (month, municipality_code, provider_agb, product_category, product_code)) on commit drop`);
  const cellOf = (l: string) =>
    sql.raw(
      `date_trunc('month', ${l}.period_start)::date, ${l}.municipality_code, ${l}.provider_agb, ${l}.product_category, coalesce(${l}.product_code, '')`,
    );
  // A product moved lot, or a category budget line: every line follows, and its youth's previous lines and its cell.
  if (follow.lots || follow.budgetLines !== null) {
    await tx.execute(sql`
      with lots as (${municipalityProducts}), lines as (${categoryLines}),
      moved as (
        update kpi_money_facts f set lot = x.lot, budget_line = x.budget_line
        from (select f2.line_id, lo.code as lot, bl.code as budget_line from kpi_money_facts f2
          left join lots lo on lo.cbs_code = f2.municipality_code and lo.product_code = f2.product_code
          left join lines bl on bl.cbs_code = f2.municipality_code and bl.category = f2.product_category) x
        where f.line_id = x.line_id and (f.lot, f.budget_line) is distinct from (x.lot, x.budget_line)
        returning f.*),
      youths as (insert into kpi_money_youths select distinct youth from moved on conflict do nothing)
      insert into kpi_money_cells select distinct ${cellOf('moved')} from moved on conflict do nothing`);
  }
  // Each youth's lines in order (begin, then id), the new ones among the youth's earlier ones: the previous line's begin
  // per kind of cell (fact-cells.ts, moneyCells). New lines are written with them; an earlier line changes only if a new one precedes
  // it or its lot or budget line moved.
  const previous = (by: string) =>
    sql.raw(`lag(a.period_start) over (partition by a.youth, ${by} order by a.period_start, a.line_id)`);
  const columns = moneyCellList.map((c) => c.previous);
  const list = (prefix: string) => sql.raw(columns.map((c) => `${prefix}.${c}`).join(', '));
  const [added] = await queryRows<{ n: number }>(
    tx,
    sql`
    with lines as (
      select l.*, m.region_id from (
        select n.line_id, n.youth, n.municipality_code, n.provider_agb, n.product_category, n.product_code, n.lot, n.budget_line, n.period_start, true as new
        from kpi_new_lines n
        union all
        select f.line_id, f.youth, f.municipality_code, f.provider_agb, f.product_category, f.product_code, f.lot, f.budget_line, f.period_start, false
        from kpi_money_facts f where f.youth in (select youth from kpi_money_youths)) l
      left join municipalities m on m.cbs_code = l.municipality_code),
    ordered as (
      select a.line_id, a.new, ${sql.join(
        moneyCellList.map((c) => sql`${previous(c.by)} as ${sql.identifier(c.previous)}`),
        sql`, `,
      )}
      from lines a),
    added as (
      insert into kpi_money_facts (line_id, youth, municipality_code, provider_agb, product_category, product_code, allocation, period_start,
        amount_cents, lot, budget_line, trajectory_start, trajectory_stop, allocation_end, ${sql.raw(columns.join(', '))})
      select n.line_id, n.youth, n.municipality_code, n.provider_agb, n.product_category, n.product_code, n.allocation, n.period_start,
        n.amount_cents, n.lot, n.budget_line, n.trajectory_start, n.trajectory_stop, n.allocation_end, ${list('o')}
      from kpi_new_lines n join ordered o on o.line_id = n.line_id and o.new
      returning *),
    moved as (
      update kpi_money_facts f set ${sql.join(
        columns.map((c) => sql`${sql.identifier(c)} = o.${sql.identifier(c)}`),
        sql`, `,
      )}
      from ordered o
      where not o.new and f.line_id = o.line_id and (${list('f')}) is distinct from (${list('o')})
      returning f.*),
    cells as (
      insert into kpi_money_cells select distinct ${cellOf('c')} from (select * from added union all select * from moved) c on conflict do nothing)
    select count(*)::int as n from added`,
  );
  // The monthly sums of every cell touched, from its lines: a line counts as first in a period starting k months before
  // its month when its previous line there began before that period.
  const firsts = moneyCellList
    .filter((c) => c.first)
    .map(
      (c) =>
        sql`array[${sql.join(
          Array.from({ length: moneyMonthsBack }, (_, k) =>
            sql.raw(
              `count(*) filter (where f.${c.previous} is null or f.${c.previous} < (k.month - interval '${k} months')::date)::int`,
            ),
          ),
          sql`, `,
        )}] as ${sql.identifier(c.first!)}`,
    );
  await tx.execute(sql`
    delete from kpi_money_months r using kpi_money_cells k
    where (r.month, r.municipality_code, r.provider_agb, r.product_category, r.product_code)
      = (k.month, k.municipality_code, k.provider_agb, k.product_category, k.product_code)`);
  await tx.execute(sql`
    insert into kpi_money_months (month, municipality_code, provider_agb, product_category, product_code, lot, budget_line, cents,
      ${sql.raw(
        moneyCellList
          .filter((c) => c.first)
          .map((c) => c.first)
          .join(', '),
      )})
    select k.month, k.municipality_code, k.provider_agb, k.product_category, k.product_code, min(f.lot), min(f.budget_line), sum(f.amount_cents),
      ${sql.join(firsts, sql`, `)}
    from kpi_money_cells k
    -- The month twice: as an equality to hash all lines on when many cells changed, as a range for the index when few did.
    join kpi_money_facts f on f.municipality_code = k.municipality_code and date_trunc('month', f.period_start)::date = k.month
      and f.period_start >= k.month and f.period_start < k.month + interval '1 month' and f.provider_agb = k.provider_agb and f.product_category = k.product_category and coalesce(f.product_code, '') = k.product_code
    group by k.month, k.municipality_code, k.provider_agb, k.product_category, k.product_code`);
  if (follow.budgetLines !== null) {
    await tx.execute(sql`
      insert into kpi_refresh (id, budget_line_categories) values (1, ${follow.budgetLines})
      on conflict (id) do update set budget_line_categories = excluded.budget_line_categories`);
  }
  // Nobody writing: every id up to `seen` is final. Otherwise the gaps are the ids read that have no fact yet; the
  // earlier gaps only as long as a transaction then in progress is still running.
  const [gaps] = s.idle
    ? [{ gaps: null }]
    : await queryRows<{ gaps: string | null }>(
        tx,
        sql`
    with ranges as (select r from unnest(${s.settled ? above : read}) r),
    ids as (
      select r, f.line_id as id from ranges join kpi_money_facts f on f.line_id >= lower(r) and f.line_id < upper(r)
      union all select r, lower(r) - 1 from ranges),
    found as (select id, lead(id, 1, upper(r)) over (partition by r order by id) as next from ids)
    select nullif(range_agg(int8range(id + 1, next)), '{}')::text as gaps from found where next > id + 1`,
      );
  await tx.execute(sql`
    insert into kpi_refresh (id, lines_seen, lines_gaps, lines_snapshot) values (1, ${s.seen}::bigint, ${gaps?.gaps ?? null}, ${s.snapshot})
    on conflict (id) do update set lines_seen = excluded.lines_seen, lines_gaps = excluded.lines_gaps, lines_snapshot = excluded.lines_snapshot`);
  return Number(added?.n ?? 0);
}
