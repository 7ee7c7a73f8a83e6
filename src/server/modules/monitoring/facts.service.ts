import { sql, type SQL } from 'drizzle-orm';
import type { KpiFactsState } from '../../../shared/kpi.js';
import { isoTimestamp, requestJob } from '../../jobs/runner.js';
import { queryRows, type Db } from '../../db/client.js';
import { bumpDataVersion } from '../../db/data-versions.js';
import {
  budgetLinesDigest,
  careWithStay as withStay,
  contractPeriodsDigest as contractsDigest,
  lotContractPeriods,
  municipalityProducts,
  productsDigest,
} from '../landscape/index.js';
import { refreshMoneyFacts, trajectoryOfLine, type LinesState } from './facts-money.js';
import { trajectoryCells, youthNeighbours, type TrajectoryNeighbours } from './fact-cells.js';
import { ambulantCare, nonEndingReasons, unfollowedReasons, youthHelp } from './kpis/kpi-module.js';

/**
 * The first day from trajectory `t`'s start under a contract of its provider for its product's lot `c`
 * (lotContractPeriods), null when none (also when the product book gives its product no lot).
 */
const contractedFrom = (t: string) => sql.raw(`lower(c.periods * datemultirange(daterange(${t}.start_date, null)))`);
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
  ${productsDigest} is distinct from r.products as products,
  ${contractsDigest} is distinct from r.contracts as contracts,
  ${budgetLinesDigest} is distinct from r.budget_line_categories as budget_lines`;
const refreshState = sql`from (select 1) one left join kpi_refresh r on r.id = 1`;

/** The background job that keeps the facts current (src/server/jobs/catalog.ts). */
export const kpiRefreshJobName = 'kpi-refresh';

const isStale = (s: Staleness | undefined) =>
  Boolean(s?.trajectories || s?.lines || s?.products || s?.contracts || s?.budget_lines);

/**
 * Brings the KPI facts up to date: kpi_trajectory_facts with ijw_trajectories and kpi_money_facts with
 * ijw_declaration_lines. Cheap when nothing changed: one index lookup per source. Runs as the background job
 * kpi-refresh (after imports, on a schedule, when a read finds the facts stale) and by `zorglandschap kpi refresh`;
 * never inside a read, which could take minutes after a large import or a migration.
 */
export async function refreshKpiFacts(db: Db): Promise<{ refreshed: boolean }> {
  const [state] = await queryRows<Staleness & { checked_at: string }>(
    db,
    sql`select ${staleness}, now()::text as checked_at ${refreshState}`,
  );
  if (!isStale(state)) {
    await markCompleted(db, state!.checked_at);
    return { refreshed: false };
  }
  const changed = await db.transaction(async (tx) => {
    // One refresh at a time; what is stale is read again after the lock (the refresh before may have done it).
    await tx.execute(sql`select pg_advisory_xact_lock(7710042)`);
    // The neighbours are window functions over all facts of the youths touched: after a large import millions of rows,
    // sorted once by youth and then per youth. The default 4 MB sorts those on disk; JIT costs more than it saves.
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`set local jit = off`);
    // Before this transaction writes anything, so that its snapshot lists only other writers (see refreshMoneyFacts).
    const [now] = await queryRows<
      Staleness & { products_digest: string; contracts_digest: string; budget_lines_digest: string } & LinesState
    >(
      tx,
      sql`
      select ${staleness}, ${productsDigest} as products_digest, ${contractsDigest} as contracts_digest, ${budgetLinesDigest} as budget_lines_digest, pg_current_snapshot()::text as snapshot, coalesce((select max(id) from ijw_declaration_lines), 0)::text as seen,
        coalesce(r.lines_seen, 0)::text as previous_seen, r.lines_gaps as gaps,
        not exists (select 1 from pg_snapshot_xip(pg_current_snapshot())) as idle,
        not exists (select 1 from pg_snapshot_xip(r.lines_snapshot::pg_snapshot) x where x in (select pg_snapshot_xip(pg_current_snapshot()))) as settled
      ${refreshState}`,
    );
    // Trajectories first: new lines take their allocation's trajectory from the facts.
    const trajectories =
      now?.trajectories || now?.products || now?.contracts
        ? await refreshTrajectoryFacts(tx, {
            products: now.products ? now.products_digest : null,
            contracts: now.contracts ? now.contracts_digest : null,
          })
        : 0;
    const result = {
      trajectories,
      lines:
        now?.lines || now?.products || now?.budget_lines
          ? await refreshMoneyFacts(tx, now, {
              lots: now.products,
              budgetLines: now.budget_lines ? now.budget_lines_digest : null,
            })
          : 0,
    };
    await refreshDataDates(tx);
    // As of this transaction's start: what committed before it is in the facts.
    await markCompleted(tx, sql`now()`);
    return result;
  });
  if (changed.lines > 5000) await db.execute(sql`analyze kpi_money_facts`);
  if (changed.lines > 5000) await db.execute(sql`analyze kpi_money_months`);
  return { refreshed: true };
}

/**
 * Keeps when the facts were last known current: the dashboard's "stand per". Last in a refresh's transaction, with the
 * new data version of the facts (the answers cached from them, answer-cache.ts), so their counter is held only briefly.
 */
async function markCompleted(db: Db, at: string | SQL): Promise<void> {
  await db.execute(sql`
    insert into kpi_refresh (id, completed_at) values (1, ${at}::timestamptz)
    on conflict (id) do update set completed_at = greatest(kpi_refresh.completed_at, excluded.completed_at)`);
  await bumpDataVersion(db, 'kpi-facts');
}

/**
 * What a read can promise about the facts, without waiting for them: 'building' while they were never built (a fresh
 * installation, or a migration that emptied them and cleared kpi_refresh.completed_at), else 'ready' as of `asOf`.
 * When the sources changed since, it asks for the refresh job (and does not wait): `refreshing` tells the reader.
 */
export async function kpiFactsState(db: Db): Promise<KpiFactsState> {
  const [row] = await queryRows<Staleness & { as_of: string | null; queued: boolean }>(
    db,
    sql`select ${staleness}, ${isoTimestamp('r.completed_at')} as as_of,
      coalesce(j.running_since is not null or j.requested_at is not null, false) as queued
    ${refreshState} left join background_jobs j on j.name = ${kpiRefreshJobName}`,
  );
  const stale = isStale(row);
  if (stale && !row?.queued) await requestJob(db, kpiRefreshJobName);
  const asOf = row?.as_of ?? null;
  return { state: asOf ? 'ready' : 'building', asOf, refreshing: stale || Boolean(row?.queued) };
}

/** When the facts this transaction sees were last known current; null while they were never built. */
export async function kpiFactsAsOf(db: Db): Promise<string | null> {
  const [row] = await queryRows<{ as_of: string | null }>(
    db,
    sql`select ${isoTimestamp('completed_at')} as as_of from kpi_refresh where id = 1`,
  );
  return row?.as_of ?? null;
}

type Staleness = {
  trajectories: boolean;
  lines: boolean;
  products: boolean;
  contracts: boolean;
  budget_lines: boolean;
};

/**
 * The trajectories changed since the last refresh (with an hour's overlap, so a long import transaction that
 * committed late is never missed; a fact read again unchanged is not written), and drops facts whose trajectory lost
 * its start or was deleted (its tombstone), in the same window. Then, for every youth whose facts changed, each fact's
 * neighbours and next start (herhaald beroep). With `follow.products` (the products' digest: their lots or stay
 * changed) every fact's lot and stay first follow the products; with `follow.contracts` (the contracts' digest) every
 * fact's contracted_from follows the contracts, and the lots (no neighbour depends on it). Those digests are kept. Returns the
 * number of rows written.
 */
async function refreshTrajectoryFacts(
  tx: Db,
  follow: { products: string | null; contracts: string | null },
): Promise<number> {
  // A value, not a subquery: so the planner sees how few trajectories changed and reads them by index after a small
  // import, instead of joining every fact.
  const [window] = await queryRows<{ since: string }>(
    tx,
    sql`
    select coalesce((select refreshed_up_to - interval '1 hour' from kpi_refresh where id = 1), '-infinity')::text as since`,
  );
  const since = sql`${window!.since}::timestamptz`;
  // The youths whose facts change here: those of the facts dropped, a youth a trajectory moved away from (rare), and
  // (below) those of the facts written. A trajectory read again in the hour's overlap, unchanged, touches nobody.
  await tx.execute(sql`create temporary table kpi_touched_youths (youth bigint primary key) on commit drop`);
  // The allocations whose trajectory changed, came or went: their lines in the money facts follow (the forecast).
  await tx.execute(sql`create temporary table kpi_touched_allocations (allocation text primary key) on commit drop`);
  await tx.execute(sql`
    with gone as (
      delete from kpi_trajectory_facts f
      where f.trajectory_id in (
        select t.id from ijw_trajectories t where t.updated_at > ${since} and t.start_date is null
        union all
        select d.trajectory_id from ijw_trajectory_tombstones d where d.deleted_at > ${since})
      returning f.youth, f.allocation),
    allocations as (insert into kpi_touched_allocations select distinct allocation from gone where allocation is not null on conflict do nothing)
    insert into kpi_touched_youths select youth from gone
    union select f.youth from kpi_trajectory_facts f join ijw_trajectories t on t.id = f.trajectory_id
      where t.updated_at > ${since} and f.youth <> hashtextextended(t.client_pseudonym, 0)
    on conflict do nothing`);
  // A product's lot or stay changed (or a product came or went): every fact's lot and stay follow, and its youth's neighbours.
  if (follow.products !== null) {
    await tx.execute(sql`
      with lots as (${municipalityProducts}),
      moved as (
        update kpi_trajectory_facts f set lot = x.code, with_stay = x.with_stay
        from (select f2.trajectory_id, l.code, ${withStay('f2')} as with_stay from kpi_trajectory_facts f2
          left join lots l on l.cbs_code = f2.municipality_code and l.product_code = f2.product_code) x
        where f.trajectory_id = x.trajectory_id and (f.lot, f.with_stay) is distinct from (x.code, x.with_stay)
        returning f.youth)
      insert into kpi_touched_youths select distinct youth from moved on conflict do nothing`);
  }
  // A contract changed, or a product's lot (above): the first day under a contract for the lot follows.
  if (follow.contracts !== null || follow.products !== null) {
    await tx.execute(sql`
      update kpi_trajectory_facts f set contracted_from = x.contracted_from
      from (select f2.trajectory_id, ${contractedFrom('f2')} as contracted_from from kpi_trajectory_facts f2
        left join (${lotContractPeriods}) c on c.cbs_code = f2.municipality_code and c.agb_code = f2.provider_agb and c.lot_code = f2.lot) x
      where f.trajectory_id = x.trajectory_id and f.contracted_from is distinct from x.contracted_from`);
  }
  const [upserted] = await queryRows<{ n: number }>(
    tx,
    sql`
    with book as (${municipalityProducts}), contracts as (${lotContractPeriods}),
    changed as (
    insert into kpi_trajectory_facts (trajectory_id, youth, municipality_code, provider_agb, product_category, product_code, start_date,
      end_date, end_reason, request_wait_days, allocation_wait_days, birth_year, birth_month, allocation, allocation_end, lot, with_stay, contracted_from)
    select t.id, hashtextextended(t.client_pseudonym, 0), t.municipality_code, t.provider_agb, t.product_category, t.product_code, t.start_date,
      t.end_date, t.end_reason,
      -- Two waits, each only where its first date is known (taakgericht care has neither: no wait, not a wait of 0 days;
      -- greatest() would skip a null, hence the case).
      case when t.request_date is not null then greatest(0, t.start_date - t.request_date) end,
      case when t.allocation_date is not null then greatest(0, t.start_date - t.allocation_date) end,
      t.birth_year, t.birth_month,
      -- The allocation's part of the trajectory key (A|municipality|number), as the money facts name it.
      case when t.trajectory_key like 'A|%' then substr(t.trajectory_key, 3) end, t.allocation_end, l.code, ${withStay('t')}, ${contractedFrom('t')}
    from ijw_trajectories t
    left join book l on l.cbs_code = t.municipality_code and l.product_code = t.product_code
    left join contracts c on c.cbs_code = t.municipality_code and c.agb_code = t.provider_agb and c.lot_code = l.code
    where t.updated_at > ${since} and t.start_date is not null
    on conflict (trajectory_id) do update set youth = excluded.youth, municipality_code = excluded.municipality_code,
      provider_agb = excluded.provider_agb, product_category = excluded.product_category, product_code = excluded.product_code,
      start_date = excluded.start_date, end_date = excluded.end_date, end_reason = excluded.end_reason, request_wait_days = excluded.request_wait_days,
      allocation_wait_days = excluded.allocation_wait_days,
      birth_year = excluded.birth_year, birth_month = excluded.birth_month, allocation = excluded.allocation, allocation_end = excluded.allocation_end, lot = excluded.lot,
      with_stay = excluded.with_stay, contracted_from = excluded.contracted_from
    where (kpi_trajectory_facts.youth, kpi_trajectory_facts.municipality_code, kpi_trajectory_facts.provider_agb,
      kpi_trajectory_facts.product_category, kpi_trajectory_facts.product_code, kpi_trajectory_facts.start_date, kpi_trajectory_facts.end_date,
      kpi_trajectory_facts.end_reason, kpi_trajectory_facts.request_wait_days, kpi_trajectory_facts.allocation_wait_days, kpi_trajectory_facts.birth_year, kpi_trajectory_facts.birth_month, kpi_trajectory_facts.allocation,
      kpi_trajectory_facts.allocation_end, kpi_trajectory_facts.lot, kpi_trajectory_facts.with_stay, kpi_trajectory_facts.contracted_from)
      is distinct from (excluded.youth, excluded.municipality_code, excluded.provider_agb,
      excluded.product_category, excluded.product_code, excluded.start_date, excluded.end_date, excluded.end_reason, excluded.request_wait_days, excluded.allocation_wait_days,
      excluded.birth_year, excluded.birth_month, excluded.allocation, excluded.allocation_end, excluded.lot, excluded.with_stay, excluded.contracted_from)
    returning youth, allocation),
    touched as (insert into kpi_touched_youths select distinct youth from changed on conflict do nothing),
    allocations as (insert into kpi_touched_allocations select distinct allocation from changed where allocation is not null on conflict do nothing)
    select count(*)::int as n from changed`,
  );
  // PGlite has no autovacuum, and a PostgreSQL server's may not have come round yet: without fresh statistics after a
  // large import the planner guesses badly, for the neighbours below and the lines' join to their trajectories. On
  // emptied facts (migration 0016) it took the 2.4 M new rows for a few, and sorted them all 26 times in full instead
  // of once: over 40 minutes nationally instead of seconds. ANALYZE in the transaction counts its own new rows.
  if (Number(upserted?.n ?? 0) > 5000) {
    await tx.execute(sql`analyze kpi_trajectory_facts`);
    await tx.execute(sql`analyze kpi_touched_youths`);
  }
  await tx.execute(sql`
    update kpi_money_facts l set trajectory_start = x.trajectory_start, trajectory_stop = x.trajectory_stop, allocation_end = x.allocation_end
    from (select a.allocation, ${trajectoryOfLine}
      from kpi_touched_allocations a left join kpi_trajectory_facts tr on tr.allocation = a.allocation) x
    where l.allocation = x.allocation
      and (l.trajectory_start, l.trajectory_stop, l.allocation_end) is distinct from (x.trajectory_start, x.trajectory_stop, x.allocation_end)`);
  // Herhaald beroep asks whether the youth started care again within a window after an end: the first start after it,
  // of the same form (youth help after youth help: *geen nieuwe start jeugdhulp*).
  // The youth counts read each fact's neighbours (neighbourCells), recomputed for every youth touched.
  const endingOutside = (reasons: string[]) =>
    `(f2.end_date is not null and coalesce(f2.end_reason, '') not in (${reasons.map((r) => `'${r}'`).join(', ')}))`;
  const [counting, followed, requested, allocated] = [
    endingOutside(nonEndingReasons),
    endingOutside(unfollowedReasons),
    'f2.request_wait_days is not null',
    'f2.allocation_wait_days is not null',
  ];
  // The latest end before it (by start, then id; an open one runs to infinity).
  const earlierEnd = (by: string) =>
    `max(coalesce(f2.end_date, 'infinity')) over (partition by ${by} order by f2.start_date, f2.trajectory_id rows between unbounded preceding and 1 preceding)`;
  // The one before it (by `order`, then id) among those that meet `among`.
  const before = (value: string, by: string, among: string, order: string) =>
    `case when ${among} then lag(${value}) over (partition by ${by}, ${among} order by ${order}, f2.trajectory_id) end`;
  // The neighbours a youth is counted by in each kind of cell (fact-cells.ts): per cell the latest end before it (by
  // start, then id) and the next start; for an ending that counts, the end of the one before it (by end, then id); the
  // same among the endings herhaald beroep follows up; for a trajectory with a wait from its request (or allocation),
  // the start of the one before it with one; and the latest end before it among those of the same kind, with or without stay. Over all
  // of the youth's trajectories only the first two.
  // Every partition within one form of care: youth help, or the rest (jeugdbescherming, jeugdreclassering), which the
  // KPIs count apart (kpi-module.ts inScope).
  const inCell = (cell: string, by = `${cell}, ${youthHelp('f2')}`): TrajectoryNeighbours<string> => ({
    earlierEnd: earlierEnd(by),
    laterStart: `lead(f2.start_date) over (partition by ${by} order by f2.start_date, f2.trajectory_id)`,
    earlierEnding: before('f2.end_date', by, counting, 'f2.end_date'),
    earlierFollowedEnding: before('f2.end_date', by, followed, 'f2.end_date'),
    earlierRequestedStart: before('f2.start_date', by, requested, 'f2.start_date'),
    earlierAllocatedStart: before('f2.start_date', by, allocated, 'f2.start_date'),
    // Of the same kind: with stay, ambulant, or neither (crisis without stay, jeugdreclassering, jeugdbescherming).
    earlierEndSameStay: earlierEnd(`${by}, f2.with_stay, ${ambulantCare('f2')}`),
  });
  const valuesOf = <K extends keyof TrajectoryNeighbours>(
    columns: Pick<TrajectoryNeighbours, K>,
    values: Pick<TrajectoryNeighbours<string>, K>,
  ) => (Object.keys(columns) as K[]).map((k): [column: string, value: string] => [columns[k], values[k]]);
  const kept = [
    ...valuesOf(youthNeighbours, inCell('f2.youth')),
    ...Object.values(trajectoryCells).flatMap(({ by, columns }) => valuesOf(columns, inCell(by))),
  ];
  const neighbours = sql.raw(kept.map(([column, value]) => `${value} as ${column}`).join(',\n        '));
  const columns = kept.map(([column]) => column);
  const list = (prefix: string) => sql.raw(columns.map((c) => `${prefix}.${c}`).join(', '));
  await tx.execute(sql`
    update kpi_trajectory_facts f set next_start = x.next_start, ${sql.join(
      columns.map((c) => sql`${sql.identifier(c)} = x.${sql.identifier(c)}`),
      sql`, `,
    )}
    from (
      select f2.trajectory_id,
        (select min(n.start_date) from kpi_trajectory_facts n where n.youth = f2.youth and n.start_date > f2.end_date
          and ${sql.raw(youthHelp('n'))} = ${sql.raw(youthHelp('f2'))}) as next_start,
        ${neighbours}
      from kpi_trajectory_facts f2 join kpi_touched_youths y on y.youth = f2.youth left join municipalities m on m.cbs_code = f2.municipality_code) x
    where f.trajectory_id = x.trajectory_id and (f.next_start, ${list('f')}) is distinct from (x.next_start, ${list('x')})`);
  await tx.execute(sql`
    insert into kpi_refresh (id, refreshed_up_to, products, contracts) select 1, ${trajectoriesChanged}, ${follow.products}, ${follow.contracts}
    on conflict (id) do update set refreshed_up_to = excluded.refreshed_up_to, products = coalesce(excluded.products, kpi_refresh.products),
      contracts = coalesce(excluded.contracts, kpi_refresh.contracts)`);
  return Number(upserted?.n ?? 0);
}

/**
 * How many accepted messages of a municipality must be dated on or after its data date (docs/kpi.md, "Data date"): one
 * message, or a few, dated far ahead cannot move it.
 */
export const dataDateMessages = 10;

/**
 * Per municipality with facts: its first start, and its data date, the day up to which its messages are taken as
 * complete: the latest day on or after which at least dataDateMessages of its accepted messages are dated (their
 * Dagtekening, never after the day the file was received), or its earliest message's day when it has fewer. A message
 * belongs to the municipality that sent it (4-digit code) or received it. Recomputed in full: one scan of the files.
 * (Facts of a municipality without an accepted message cannot arise; were they there, its latest date of care stands in.)
 */
async function refreshDataDates(tx: Db): Promise<void> {
  await tx.execute(sql`delete from kpi_data_dates`);
  await tx.execute(sql`
    with messages as (
      select case when length(f.sender) = 4 then f.sender else f.receiver end as municipality_code,
        least(f.message_date, (f.received_at at time zone 'Europe/Amsterdam')::date) as day
      from ijw_files f where f.status = 'accepted' and f.message_date is not null),
    ranked as (
      select municipality_code, day, row_number() over (partition by municipality_code order by day desc) as n,
        count(*) over (partition by municipality_code) as messages
      from messages),
    dates as (select municipality_code, day from ranked where n = least(${dataDateMessages}, messages))
    insert into kpi_data_dates (municipality_code, first_date, last_date)
    select f.municipality_code, min(f.start_date), coalesce(min(d.day), max(greatest(f.start_date, coalesce(f.end_date, f.start_date))))
    from kpi_trajectory_facts f left join dates d on d.municipality_code = f.municipality_code group by 1`);
}

/** The region's first start and its data date (the latest of its municipalities'): the horizon for follow-up windows. */
export async function kpiDataRange(db: Db, regionId: string): Promise<{ first: string | null; last: string | null }> {
  const [row] = await queryRows<{ first: string | null; last: string | null }>(
    db,
    sql`
    select min(d.first_date)::text as first, max(d.last_date)::text as last
    from kpi_data_dates d join municipalities m on m.cbs_code = d.municipality_code and m.region_id = ${regionId}::uuid`,
  );
  return { first: row?.first ?? null, last: row?.last ?? null };
}
