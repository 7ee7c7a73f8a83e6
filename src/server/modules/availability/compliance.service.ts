import { sql } from 'drizzle-orm';
import { addMonths, dutchToday } from '../../../shared/period.js';
import { queryRows, type Db } from '../../db/client.js';
import { assertOwnRegion } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';
import type { Compliance } from './availability.schema.js';
import { readScope } from './entries.service.js';
import { settingsOf } from './settings.service.js';

/**
 * How well each provider keeps its entries current, now and at the end of each of the last twelve months: of the
 * entries that existed then, how many had been changed or confirmed within the region's term (its current term; the
 * term a region had before is not kept). For the contract manager, and for supplier management; an aanbieder sees
 * its own.
 */
export async function compliance(db: Db, actor: Actor, regionId: string): Promise<Compliance> {
  if (!actor.providerId) assertOwnRegion(actor, regionId, 'Deze regio bestaat niet.');
  const { confirmEveryWeeks } = await settingsOf(db, regionId);
  const today = dutchToday();
  const from = `${addMonths(today, -11).slice(0, 7)}-01`;
  const rows = await queryRows<{
    provider_id: string;
    name: string;
    month: string;
    entries: number;
    current: number;
    last: Date | string | null;
  }>(
    db,
    sql`select availability_entries.provider_id, pr.name, to_char(m.d, 'YYYY-MM') as month, count(*)::int as entries,
          count(*) filter (where last.at + make_interval(days => ${confirmEveryWeeks} * 7) >= m.until)::int as current,
          max(last.at) as last
        from (select d, least(now(), (d + interval '1 month')::timestamp at time zone 'Europe/Amsterdam') as until
              from generate_series(${from}::date, ${today}::date, interval '1 month') d) m
        join availability_entries on availability_entries.region_id = ${regionId}
          and ${readScope(actor, 'availability.read')}
        join providers pr on pr.id = availability_entries.provider_id
        join lateral (select ev.at from availability_entry_events ev
          where ev.entry_id = availability_entries.id and ev.at < m.until order by ev.at desc, ev.id desc limit 1) last on true
        group by 1, 2, 3
        order by 2, 1, 3`,
  );
  const months: string[] = [];
  for (let m = from; m <= today; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  const providers = new Map<string, Compliance['providers'][number]>();
  const thisMonth = today.slice(0, 7);
  for (const r of rows) {
    const p = providers.get(r.provider_id) ?? {
      provider: { id: r.provider_id, name: r.name },
      entries: 0,
      stale: 0,
      lastConfirmedAt: null,
      months: months.map((month) => ({ month, entries: 0, current: 0 })),
    };
    const month = p.months.find((m) => m.month === r.month)!;
    month.entries = Number(r.entries);
    month.current = Number(r.current);
    if (r.month === thisMonth) {
      p.entries = Number(r.entries);
      p.stale = Number(r.entries) - Number(r.current);
      p.lastConfirmedAt = r.last ? new Date(r.last).toISOString() : null;
    }
    providers.set(r.provider_id, p);
  }
  return { regionId, confirmEveryWeeks, providers: [...providers.values()] };
}
