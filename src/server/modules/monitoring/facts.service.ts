import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { neighbourSuffixes, nonEndingReasons, unfollowedReasons } from './kpis/kpi-module.js';

/** Each municipality's products (by code) with the lot of its region's product, if any. */
const productLots = sql`
  select m.cbs_code, p.product_code, l.code from products p join municipalities m on m.region_id = p.region_id left join lots l on l.id = p.lot_id`;
/** A digest of every region's products and their lots: when it changes, the facts' lots follow. A small table. */
const productLotsDigest = sql`(
  select md5(coalesce(string_agg(p.region_id::text || '|' || p.product_code || '|' || coalesce(l.code, ''), ',' order by p.region_id, p.product_code), ''))
  from products p left join lots l on l.id = p.lot_id)`;
/** The latest change to the trajectories: an update, or a deletion (its tombstone). */
const trajectoriesChanged = sql`greatest((select max(updated_at) from ijw_trajectories), (select max(deleted_at) from ijw_trajectory_tombstones))`;
/**
 * Whether ijw_trajectories or ijw_declaration_lines have changes the facts lack (each test is an index lookup or two),
 * and whether a product's lot changed.
 */
const staleness = sql`
  coalesce(${trajectoriesChanged} > coalesce(r.refreshed_up_to, '-infinity'), false) as trajectories,
  coalesce((select max(id) from ijw_declaration_lines) > coalesce(r.lines_seen, 0), false)
    -- Gaps below lines_seen, and a transaction that was writing then has ended: it may have filled them.
    or (r.lines_gaps is not null and exists (
      select 1 from pg_snapshot_xip(r.lines_snapshot::pg_snapshot) x where x not in (select pg_snapshot_xip(pg_current_snapshot())))) as lines,
  ${productLotsDigest} is distinct from r.product_lots as lots`;
const refreshState = sql`from (select 1) one left join kpi_refresh r on r.id = 1`;

/**
 * Brings the KPI facts up to date: kpi_trajectory_facts with ijw_trajectories and kpi_money_facts with
 * ijw_declaration_lines. Cheap when nothing changed: one index lookup per source. Called after imports and before
 * every KPI read, so figures are current at once.
 */
export async function refreshKpiFacts(db: Db): Promise<{ refreshed: boolean }> {
  const [state] = await queryRows<{ trajectories: boolean; lines: boolean; lots: boolean }>(db, sql`select ${staleness} ${refreshState}`);
  if (!state?.trajectories && !state?.lines && !state?.lots) return { refreshed: false };
  const changed = await db.transaction(async (tx) => {
    // One refresh at a time; what is stale is read again after the lock (the refresh before may have done it).
    await tx.execute(sql`select pg_advisory_xact_lock(7710042)`);
    // Before this transaction writes anything, so that its snapshot lists only other writers (see refreshMoneyFacts).
    const [now] = await queryRows<{ trajectories: boolean; lines: boolean; lots: boolean; lots_digest: string } & LinesState>(tx, sql`
      select ${staleness}, ${productLotsDigest} as lots_digest, pg_current_snapshot()::text as snapshot, coalesce((select max(id) from ijw_declaration_lines), 0)::text as seen,
        coalesce(r.lines_seen, 0)::text as previous_seen, r.lines_gaps as gaps,
        not exists (select 1 from pg_snapshot_xip(pg_current_snapshot())) as idle,
        not exists (select 1 from pg_snapshot_xip(r.lines_snapshot::pg_snapshot) x where x in (select pg_snapshot_xip(pg_current_snapshot()))) as settled
      ${refreshState}`);
    return {
      trajectories: now?.trajectories || now?.lots ? await refreshTrajectoryFacts(tx, now.lots ? now.lots_digest : null) : 0,
      lines: now?.lines ? await refreshMoneyFacts(tx, now) : 0,
    };
  });
  // PGlite has no autovacuum: without fresh statistics after a large import the planner guesses badly (and a
  // PostgreSQL server's autovacuum may not have come round yet).
  if (changed.trajectories > 5000) await db.execute(sql`analyze kpi_trajectory_facts`);
  if (changed.lines > 5000) await db.execute(sql`analyze kpi_money_facts`);
  return { refreshed: true };
}

/**
 * The cells a youth is counted in from its neighbours there (kpis/kpi-module.ts, countFirstInCell): the partition
 * (m is the municipality's row; a municipality belongs to one region and never moves) and the suffix of its columns
 * (neighbourSuffixes). Each fact keeps per cell the latest end before it (by start, then id) and the next start; for an
 * ending that counts, the end of the one before it (by end, then id); the same among the endings herhaald beroep
 * follows up; and for a trajectory with a measured wait, the start of the one before it with a wait. Over all of the
 * youth's trajectories only the first two (earlier_end, later_start: is a trajectory the youth's only one in a window).
 */
const neighbourCells: Array<[by: string, suffix: string]> = [
  ['f2.youth, m.region_id', neighbourSuffixes.region],
  ['f2.youth, f2.municipality_code', neighbourSuffixes.municipality],
  ['f2.youth, m.region_id, f2.provider_agb', neighbourSuffixes.provider],
  ['f2.youth, m.region_id, f2.product_category', neighbourSuffixes.productCategory],
  ['f2.youth, m.region_id, f2.lot', neighbourSuffixes.lot],
];

/**
 * The trajectories changed since the last refresh (with an hour's overlap, so a long import transaction that
 * committed late is never missed; a fact read again unchanged is not written), and drops facts whose trajectory lost
 * its start or was deleted (its tombstone), in the same window. Then, for every youth whose facts changed, each fact's
 * neighbours and next start (herhaald beroep). With `lotsDigest` (the products' lots changed) every fact's lot first
 * follows the products, and that digest is kept. Returns the number of rows written.
 */
async function refreshTrajectoryFacts(tx: Db, lotsDigest: string | null): Promise<number> {
  // A value, not a subquery: so the planner sees how few trajectories changed and reads them by index after a small
  // import, instead of joining every fact.
  const [window] = await queryRows<{ since: string }>(tx, sql`
    select coalesce((select refreshed_up_to - interval '1 hour' from kpi_refresh where id = 1), '-infinity')::text as since`);
  const since = sql`${window!.since}::timestamptz`;
  // The youths whose facts change here: those of the facts dropped, a youth a trajectory moved away from (rare), and
  // (below) those of the facts written. A trajectory read again in the hour's overlap, unchanged, touches nobody.
  await tx.execute(sql`create temporary table kpi_touched_youths (youth bigint primary key) on commit drop`);
  await tx.execute(sql`
    with gone as (
      delete from kpi_trajectory_facts f
      where f.trajectory_id in (
        select t.id from ijw_trajectories t where t.updated_at > ${since} and t.start_date is null
        union all
        select d.trajectory_id from ijw_trajectory_tombstones d where d.deleted_at > ${since})
      returning f.youth)
    insert into kpi_touched_youths select youth from gone
    union select f.youth from kpi_trajectory_facts f join ijw_trajectories t on t.id = f.trajectory_id
      where t.updated_at > ${since} and f.youth <> hashtextextended(t.client_pseudonym, 0)
    on conflict do nothing`);
  // A product's lot changed (or a product came or went): every fact's lot follows, and its youth's neighbours.
  if (lotsDigest !== null) {
    await tx.execute(sql`
      with lots as (${productLots}),
      moved as (
        update kpi_trajectory_facts f set lot = x.code
        from (select f2.trajectory_id, l.code from kpi_trajectory_facts f2
          left join lots l on l.cbs_code = f2.municipality_code and l.product_code = f2.product_code) x
        where f.trajectory_id = x.trajectory_id and f.lot is distinct from x.code
        returning f.youth)
      insert into kpi_touched_youths select distinct youth from moved on conflict do nothing`);
  }
  const [upserted] = await queryRows<{ n: number }>(tx, sql`
    with lots as (${productLots}),
    changed as (
    insert into kpi_trajectory_facts (trajectory_id, youth, municipality_code, provider_agb, product_category, product_code, start_date,
      end_date, end_reason, wait_days, birth_year, allocation, allocation_end, lot)
    select t.id, hashtextextended(t.client_pseudonym, 0), t.municipality_code, t.provider_agb, t.product_category, t.product_code, t.start_date,
      t.end_date, t.end_reason,
      -- No request and no allocation (taakgericht care): no wait to measure, not a wait of 0 days.
      case when coalesce(t.request_date, t.allocation_date) is null then null else greatest(0, t.start_date - coalesce(t.request_date, t.allocation_date)) end,
      t.birth_year,
      -- The allocation's part of the trajectory key (A|municipality|number), as the money facts name it.
      case when t.trajectory_key like 'A|%' then substr(t.trajectory_key, 3) end, t.allocation_end, l.code
    from ijw_trajectories t
    left join lots l on l.cbs_code = t.municipality_code and l.product_code = t.product_code
    where t.updated_at > ${since} and t.start_date is not null
    on conflict (trajectory_id) do update set youth = excluded.youth, municipality_code = excluded.municipality_code,
      provider_agb = excluded.provider_agb, product_category = excluded.product_category, product_code = excluded.product_code,
      start_date = excluded.start_date, end_date = excluded.end_date, end_reason = excluded.end_reason, wait_days = excluded.wait_days,
      birth_year = excluded.birth_year, allocation = excluded.allocation, allocation_end = excluded.allocation_end, lot = excluded.lot
    where (kpi_trajectory_facts.youth, kpi_trajectory_facts.municipality_code, kpi_trajectory_facts.provider_agb,
      kpi_trajectory_facts.product_category, kpi_trajectory_facts.product_code, kpi_trajectory_facts.start_date, kpi_trajectory_facts.end_date,
      kpi_trajectory_facts.end_reason, kpi_trajectory_facts.wait_days, kpi_trajectory_facts.birth_year, kpi_trajectory_facts.allocation,
      kpi_trajectory_facts.allocation_end, kpi_trajectory_facts.lot) is distinct from (excluded.youth, excluded.municipality_code, excluded.provider_agb,
      excluded.product_category, excluded.product_code, excluded.start_date, excluded.end_date, excluded.end_reason, excluded.wait_days,
      excluded.birth_year, excluded.allocation, excluded.allocation_end, excluded.lot)
    returning youth),
    touched as (insert into kpi_touched_youths select distinct youth from changed on conflict do nothing)
    select count(*)::int as n from changed`);
  // Herhaald beroep asks whether the youth started care again within a window after an end: the first start after it.
  // The youth counts read each fact's neighbours (neighbourCells), recomputed for every youth touched.
  const endingOutside = (reasons: string[]) => `(f2.end_date is not null and coalesce(f2.end_reason, '') not in (${reasons.map((r) => `'${r}'`).join(', ')}))`;
  const [counting, followed, waited] = [endingOutside(nonEndingReasons), endingOutside(unfollowedReasons), 'f2.wait_days is not null'];
  // The latest end before it (by start, then id; an open one runs to infinity) and the next start.
  const byStart = (by: string, suffix: string): Array<[string, string]> => [
    [`earlier_end${suffix}`, `max(coalesce(f2.end_date, 'infinity')) over (partition by ${by} order by f2.start_date, f2.trajectory_id rows between unbounded preceding and 1 preceding)`],
    [`later_start${suffix}`, `lead(f2.start_date) over (partition by ${by} order by f2.start_date, f2.trajectory_id)`],
  ];
  // The one before it (by `order`, then id) among those that meet `among`.
  const before = (value: string, by: string, among: string, order: string) =>
    `case when ${among} then lag(${value}) over (partition by ${by}, ${among} order by ${order}, f2.trajectory_id) end`;
  const kept: Array<[column: string, value: string]> = [
    ...byStart('f2.youth', ''),
    ...neighbourCells.flatMap(([by, suffix]): Array<[string, string]> => [
      ...byStart(by, `_${suffix}`),
      [`earlier_ending_${suffix}`, before('f2.end_date', by, counting, 'f2.end_date')],
      [`earlier_followed_ending_${suffix}`, before('f2.end_date', by, followed, 'f2.end_date')],
      [`earlier_waited_start_${suffix}`, before('f2.start_date', by, waited, 'f2.start_date')],
    ]),
  ];
  const neighbours = sql.raw(kept.map(([column, value]) => `${value} as ${column}`).join(',\n        '));
  const columns = kept.map(([column]) => column);
  const list = (prefix: string) => sql.raw(columns.map((c) => `${prefix}.${c}`).join(', '));
  await tx.execute(sql`
    update kpi_trajectory_facts f set next_start = x.next_start, ${sql.join(columns.map((c) => sql`${sql.identifier(c)} = x.${sql.identifier(c)}`), sql`, `)}
    from (
      select f2.trajectory_id,
        (select min(n.start_date) from kpi_trajectory_facts n where n.youth = f2.youth and n.start_date > f2.end_date) as next_start,
        ${neighbours}
      from kpi_trajectory_facts f2 join kpi_touched_youths y on y.youth = f2.youth left join municipalities m on m.cbs_code = f2.municipality_code) x
    where f.trajectory_id = x.trajectory_id and (f.next_start, ${list('f')}) is distinct from (x.next_start, ${list('x')})`);
  const [touched] = await queryRows<{ any: boolean }>(tx, sql`select exists (select 1 from kpi_touched_youths) as any`);
  if (touched?.any) {
    await tx.execute(sql`delete from kpi_data_dates`);
    await tx.execute(sql`
      insert into kpi_data_dates (municipality_code, first_date, last_date)
      select municipality_code, min(start_date), max(greatest(start_date, coalesce(end_date, start_date))) from kpi_trajectory_facts group by 1`);
  }
  await tx.execute(sql`
    insert into kpi_refresh (id, refreshed_up_to, product_lots) select 1, ${trajectoriesChanged}, ${lotsDigest}
    on conflict (id) do update set refreshed_up_to = excluded.refreshed_up_to, product_lots = coalesce(excluded.product_lots, kpi_refresh.product_lots)`);
  return Number(upserted?.n ?? 0);
}

/**
 * The refresh's snapshot and the highest line id in it (one statement, so they belong together), what the last refresh
 * left, whether any other transaction is writing now (idle) and whether all that were writing then have ended (settled).
 */
type LinesState = { snapshot: string; seen: string; previous_seen: string; gaps: string | null; idle: boolean; settled: boolean };

/**
 * Adds the declaration lines the money facts lack. Lines are only ever inserted, with ids from a sequence, but a long
 * import transaction can commit its lines after a refresh has seen higher ids from a shorter one: neither "above the
 * last id seen" nor a fixed overlap is safe. So a refresh reads the ids above the last one seen plus the gaps it left
 * below (ids no line had then), and keeps as gaps the ids it still finds no line for, with its snapshot. A gap can
 * only be filled by a transaction that was then in progress (an import writes its file rows first, so it has a
 * transaction id before it draws line ids): once those have ended, the gaps are final and are dropped. Re-reading a
 * gap's lines is harmless: lines the facts already have are skipped. Then, for every youth with new lines, each line's previous-line
 * dates. Returns the number of rows added.
 */
async function refreshMoneyFacts(tx: Db, s: LinesState): Promise<number> {
  const above = sql`int8multirange(int8range(${s.previous_seen}::bigint, greatest(${s.previous_seen}::bigint, ${s.seen}::bigint), '(]'))`;
  const read = sql`(${s.gaps ?? '{}'}::int8multirange + ${above})`;
  // The lines the facts lack (a gap read again may hold some they have).
  await tx.execute(sql`
    create temporary table kpi_new_lines on commit drop as
    select l.id as line_id, hashtextextended(l.client_pseudonym, 0) as youth, l.municipality_code, d.provider_agb, l.product_category,
      l.product_code, l.municipality_code || '|' || l.allocation_number as allocation, l.period_start, l.amount_cents
    from unnest(${read}) r
    join ijw_declaration_lines l on l.id >= lower(r) and l.id < upper(r)
    join ijw_declarations d on d.id = l.declaration_id
    where not exists (select 1 from kpi_money_facts f where f.line_id = l.id)`);
  // Each youth's lines in order (begin, then id), the new ones among the youth's earlier ones: the previous line's begin
  // overall and within each grouping, so that a youth counts once per cell by counting the lines whose previous one
  // began before the period. New lines are written with them; an earlier line changes only if a new one precedes it.
  // Within the region of the line's municipality (a youth may move), except where the municipality itself is a part.
  const previous = (within: SQL) => sql`lag(a.period_start) over (partition by a.youth, ${within} order by a.period_start, a.line_id)`;
  const [added] = await queryRows<{ n: number }>(tx, sql`
    with lines as (
      select l.*, m.region_id from (
        select n.line_id, n.youth, n.municipality_code, n.provider_agb, n.product_category, n.product_code, n.period_start, true as new
        from kpi_new_lines n
        union all
        select f.line_id, f.youth, f.municipality_code, f.provider_agb, f.product_category, f.product_code, f.period_start, false
        from kpi_money_facts f where f.youth in (select youth from kpi_new_lines)) l
      left join municipalities m on m.cbs_code = l.municipality_code),
    ordered as (
      select a.line_id, a.new, ${previous(sql`a.region_id`)} as previous_start, ${previous(sql`a.municipality_code`)} as previous_in_municipality,
        ${previous(sql`a.region_id, a.provider_agb`)} as previous_at_provider, ${previous(sql`a.region_id, a.product_category`)} as previous_in_category,
        ${previous(sql`a.municipality_code, a.provider_agb, a.product_category, a.product_code`)} as previous_in_cell
      from lines a),
    added as (
      insert into kpi_money_facts (line_id, youth, municipality_code, provider_agb, product_category, product_code, allocation, period_start,
        amount_cents, previous_start, previous_in_municipality, previous_at_provider, previous_in_category, previous_in_cell)
      select n.line_id, n.youth, n.municipality_code, n.provider_agb, n.product_category, n.product_code, n.allocation, n.period_start,
        n.amount_cents, o.previous_start, o.previous_in_municipality, o.previous_at_provider, o.previous_in_category, o.previous_in_cell
      from kpi_new_lines n join ordered o on o.line_id = n.line_id and o.new
      returning 1),
    moved as (
      update kpi_money_facts f set previous_start = o.previous_start, previous_in_municipality = o.previous_in_municipality,
        previous_at_provider = o.previous_at_provider, previous_in_category = o.previous_in_category, previous_in_cell = o.previous_in_cell
      from ordered o
      where not o.new and f.line_id = o.line_id
        and (f.previous_start, f.previous_in_municipality, f.previous_at_provider, f.previous_in_category, f.previous_in_cell)
          is distinct from (o.previous_start, o.previous_in_municipality, o.previous_at_provider, o.previous_in_category, o.previous_in_cell))
    select count(*)::int as n from added`);
  // Nobody writing: every id up to `seen` is final. Otherwise the gaps are the ids read that have no fact yet; the
  // earlier gaps only as long as a transaction then in progress is still running.
  const [gaps] = s.idle ? [{ gaps: null }] : await queryRows<{ gaps: string | null }>(tx, sql`
    with ranges as (select r from unnest(${s.settled ? above : read}) r),
    ids as (
      select r, f.line_id as id from ranges join kpi_money_facts f on f.line_id >= lower(r) and f.line_id < upper(r)
      union all select r, lower(r) - 1 from ranges),
    found as (select id, lead(id, 1, upper(r)) over (partition by r order by id) as next from ids)
    select nullif(range_agg(int8range(id + 1, next)), '{}')::text as gaps from found where next > id + 1`);
  await tx.execute(sql`
    insert into kpi_refresh (id, lines_seen, lines_gaps, lines_snapshot) values (1, ${s.seen}::bigint, ${gaps?.gaps ?? null}, ${s.snapshot})
    on conflict (id) do update set lines_seen = excluded.lines_seen, lines_gaps = excluded.lines_gaps, lines_snapshot = excluded.lines_snapshot`);
  return Number(added?.n ?? 0);
}

/** The region's first start and latest start or end date: the horizon for follow-up windows (herhaald beroep). */
export async function kpiDataRange(db: Db, regionId: string): Promise<{ first: string | null; last: string | null }> {
  const [row] = await queryRows<{ first: string | null; last: string | null }>(db, sql`
    select min(d.first_date)::text as first, max(d.last_date)::text as last
    from kpi_data_dates d join municipalities m on m.cbs_code = d.municipality_code and m.region_id = ${regionId}::uuid`);
  return { first: row?.first ?? null, last: row?.last ?? null };
}
