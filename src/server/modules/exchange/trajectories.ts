import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { arrayParam } from './sql-arrays.js';
import type { TouchedKeys } from './store.js';

/**
 * Rebuilds the trajectory rows an import touched, in the same transaction, so the trajectory table is always the
 * linked view of the messages: JW315 request → JW301 allocation → JW305 start → JW307 stop. The request is linked
 * through the provider's reference (ReferentieAanbieder), as TR379 prescribes. The money declared (JW323) is not kept
 * here but summed when read (`declaredCents`): a batch's declaration lines then leave the trajectories alone.
 */
export async function rebuildTrajectories(db: Db, touched: TouchedKeys): Promise<void> {
  const missing = await applyChanges(db, touched);
  const keys = [...touched.allocations, ...missing];
  for (let i = 0; i < keys.length; i += 5000) {
    const chunk = keys.slice(i, i + 5000);
    await db.execute(sql`
      insert into ijw_trajectories (trajectory_key, municipality_code, provider_agb, client_pseudonym, birth_year, birth_month, allocation_number,
        product_category, product_code, referrer_type, request_date, allocation_date, allocation_start, allocation_end, volume, unit,
        frequency, start_date, end_date, end_reason, updated_at)
      select 'A|' || a.municipality_code || '|' || a.allocation_number, a.municipality_code, a.provider_agb, a.client_pseudonym, c.birth_year, c.birth_month,
        a.allocation_number, a.product_category, a.product_code, r.referrer_type, r.request_date, a.allocation_date, a.start_date, a.end_date,
        a.volume, a.unit, a.frequency, s.start_date, st.end_date, st.end_reason, now()
      from ijw_allocations a
      left join ijw_clients c on c.pseudonym = a.client_pseudonym
      left join lateral (
        select q.referrer_type, q.request_date from ijw_requests q
        where a.provider_reference is not null and q.provider_reference = a.provider_reference
          and q.municipality_code = a.municipality_code and q.provider_agb = a.provider_agb
        order by (q.kind = 'toewijzing') desc, q.request_date limit 1) r on true
      left join lateral (
        select min(x.date) as start_date from ijw_deliveries x
        where x.kind = 'start' and x.allocation_number = a.allocation_number and x.municipality_code = a.municipality_code) s on true
      left join lateral (
        select x.end_date, x.end_reason from ijw_deliveries x
        where x.kind = 'stop' and x.allocation_number = a.allocation_number and x.municipality_code = a.municipality_code
        order by x.id desc limit 1) st on true
      where (a.municipality_code, a.allocation_number) in (
        select * from unnest(${arrayParam(chunk.map((k) => k.split('|')[0]!))}, ${arrayParam(chunk.map((k) => k.split('|')[1]!))}))
      on conflict (trajectory_key) do update set
        provider_agb = excluded.provider_agb, client_pseudonym = excluded.client_pseudonym, birth_year = excluded.birth_year, birth_month = excluded.birth_month,
        product_category = excluded.product_category, product_code = excluded.product_code, referrer_type = excluded.referrer_type,
        request_date = excluded.request_date, allocation_date = excluded.allocation_date, allocation_start = excluded.allocation_start,
        allocation_end = excluded.allocation_end, volume = excluded.volume, unit = excluded.unit, frequency = excluded.frequency,
        start_date = excluded.start_date, end_date = excluded.end_date, end_reason = excluded.end_reason, updated_at = now()`);
  }
  const taak = [...touched.taak];
  for (let i = 0; i < taak.length; i += 5000) {
    const clients = taak.slice(i, i + 5000).map((k) => k.split('|')[2]!);
    await db.execute(sql`
      insert into ijw_trajectories (trajectory_key, municipality_code, provider_agb, client_pseudonym, birth_year, birth_month, product_category,
        product_code, start_date, end_date, end_reason, updated_at)
      select 'T|' || s.municipality_code || '|' || s.provider_agb || '|' || s.client_pseudonym || '|' || coalesce(s.product_category, '') || '|'
          || coalesce(s.product_code, '') || '|' || s.date,
        s.municipality_code, s.provider_agb, s.client_pseudonym, c.birth_year, c.birth_month, s.product_category, s.product_code, s.date, st.end_date, st.end_reason, now()
      from ijw_deliveries s
      left join ijw_clients c on c.pseudonym = s.client_pseudonym
      left join lateral (
        select x.end_date, x.end_reason from ijw_deliveries x
        where x.kind = 'stop' and x.allocation_number is null and x.client_pseudonym = s.client_pseudonym and x.provider_agb = s.provider_agb
          and x.municipality_code = s.municipality_code and x.date = s.date
          and x.product_category is not distinct from s.product_category and x.product_code is not distinct from s.product_code
        order by x.id desc limit 1) st on true
      where s.kind = 'start' and s.allocation_number is null and s.client_pseudonym = any(${arrayParam(clients)})
      on conflict (trajectory_key) do update set end_date = excluded.end_date, end_reason = excluded.end_reason, updated_at = now()`);
  }
}

/**
 * Most other keys a batch touches are allocations made in an earlier batch that now got a start or a stop. Their
 * trajectory changes by exactly that, so it is updated in place rather than rebuilt: the start is the earliest start
 * (starts are only ever added), the end and reason those of the last stop (this batch's stops are the newest). The
 * result equals a full rebuild. Returns the keys that have no trajectory row yet, for a full rebuild.
 */
async function applyChanges(db: Db, touched: TouchedKeys): Promise<string[]> {
  const keys = [...new Set([...touched.starts.keys(), ...touched.stops.keys()])].filter(
    (k) => !touched.allocations.has(k),
  );
  const missing: string[] = [];
  for (let i = 0; i < keys.length; i += 5000) {
    const chunk = keys.slice(i, i + 5000);
    const stop = chunk.map((k) => touched.stops.get(k));
    const updated = await queryRows<{ key: string }>(
      db,
      sql`
      update ijw_trajectories t set
        start_date = case when d.start is null then t.start_date else least(coalesce(t.start_date, d.start), d.start) end,
        end_date = case when d.stopped then d.end_date else t.end_date end,
        end_reason = case when d.stopped then d.end_reason else t.end_reason end,
        updated_at = now()
      from unnest(${arrayParam(chunk.map((k) => `A|${k}`))}, ${arrayParam(
        chunk.map((k) => touched.starts.get(k) ?? null),
        'date',
      )},
        ${arrayParam(
          stop.map((x) => x !== undefined),
          'boolean',
        )}, ${arrayParam(
          stop.map((x) => x?.endDate ?? null),
          'date',
        )},
        ${arrayParam(stop.map((x) => x?.endReason ?? null))})
        as d(key, start, stopped, end_date, end_reason)
      where t.trajectory_key = d.key
      returning t.trajectory_key as key`,
    );
    const found = new Set(updated.map((r) => r.key));
    for (const k of chunk) if (!found.has(`A|${k}`)) missing.push(k);
  }
  return missing;
}

/**
 * The net amount declared (JW323, credits negative) for trajectory alias `t`: its allocation's declaration lines,
 * through their index. Taakgericht care has no allocation, so nothing is declared on it.
 */
export function declaredCents(t: SQL): SQL {
  return sql`(select coalesce(sum(l.amount_cents), 0)::bigint from ijw_declaration_lines l
    where l.municipality_code = ${t}.municipality_code and l.allocation_number = ${t}.allocation_number)`;
}
