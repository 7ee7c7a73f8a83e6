import { sql } from 'drizzle-orm';
import { JZ020 } from '../../../shared/codelists/index.js';
import { dutchToday, parsePeriod } from '../../../shared/period.js';
import { queryRows, type Db } from '../../db/client.js';
import { availabilityEntries as e, availabilityEntryEvents as ev, providers, regions } from '../../db/schema/index.js';
import type { Cell } from '../../http/spreadsheet.js';
import type { Actor } from '../auth/index.js';
import { parseQuarter } from '../monitoring/index.js';
import { readScope } from './entries.service.js';

const categoryName = new Map<string, string>(JZ020.map((c) => [c.code, c.name]));

export const nationalReportHeader = [
  'Kwartaal',
  'Peildatum',
  'Aanbieder',
  'AGB-code',
  'Regio',
  'Productcategorie',
  'Vorm van jeugdhulp',
  'Aanmeldwachttijd (weken)',
  'Behandelwachttijd (weken)',
  'Jeugdigen op de wachtlijst',
  'Regels',
];

/**
 * The part of the quarterly report under the Regeling Jeugdwet (art. 8g) that the availability entries hold: per
 * provider, region and form of youth help (productcategorie), the estimated waits and the youths on the waiting list
 * as they stood at the end of the quarter (today, for the running quarter), from each entry's last change or
 * confirmation by then. Over an entry's locations and products: the longest waits and the sum of the waiting lists
 * (docs/availability.md). Rows in the actor's scope: an aanbieder its own, the backoffice its region's.
 */
export async function nationalReport(
  db: Db,
  actor: Actor,
  query: { quarter: string; providerId?: string | undefined },
): Promise<{ quarter: string; rows: Cell[][] }> {
  const quarter = parseQuarter(query.quarter);
  const period = parsePeriod(quarter)!;
  const today = dutchToday();
  const asOf = period.to < today ? period.to : today;
  const provider = query.providerId ? sql`and ${e.providerId} = ${query.providerId}` : sql``;
  const rows = await queryRows<{
    figures: { intakeWaitWeeks: number; treatmentWaitWeeks: number; waitingListCount: number };
    provider_name: string;
    agb_code: string;
    region_name: string;
    product_category: string;
  }>(
    db,
    sql`select distinct on (${ev.entryId}) ${ev.figures} as figures, ${providers.name} as provider_name,
          ${providers.agbCode} as agb_code, ${regions.name} as region_name, ${e.productCategory} as product_category
        from ${ev}
        join ${e} on ${e.id} = ${ev.entryId}
        join ${providers} on ${providers.id} = ${e.providerId}
        join ${regions} on ${regions.id} = ${e.regionId}
        where ${readScope(actor, 'availability.read')} ${provider}
          and ${ev.at} < ((${asOf}::date + 1)::timestamp at time zone 'Europe/Amsterdam')
        order by ${ev.entryId}, ${ev.at} desc, ${ev.id} desc`,
  );
  const cells = new Map<
    string,
    { row: (typeof rows)[number]; intake: number; treatment: number; list: number; n: number }
  >();
  for (const r of rows) {
    const key = `${r.provider_name}|${r.agb_code}|${r.region_name}|${r.product_category}`;
    const cell = cells.get(key) ?? { row: r, intake: 0, treatment: 0, list: 0, n: 0 };
    cell.intake = Math.max(cell.intake, r.figures.intakeWaitWeeks);
    cell.treatment = Math.max(cell.treatment, r.figures.treatmentWaitWeeks);
    cell.list += r.figures.waitingListCount;
    cell.n += 1;
    cells.set(key, cell);
  }
  const body = [...cells.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nl'))
    .map(([, c]) => [
      quarter,
      asOf,
      c.row.provider_name,
      c.row.agb_code,
      c.row.region_name,
      c.row.product_category,
      categoryName.get(c.row.product_category) ?? null,
      c.intake,
      c.treatment,
      c.list,
      c.n,
    ]);
  return { quarter, rows: [nationalReportHeader, ...body] };
}
