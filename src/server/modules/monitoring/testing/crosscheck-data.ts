import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.js';

/**
 * The input of the reference KPIs (crosscheck-reference.ts): its own date arithmetic and period notation, and the raw
 * rows (ijw_trajectories, ijw_declaration_lines, products, lots, contracts, budgets) read with plain SELECTs. Like the
 * reference it shares no code with the engine in kpis/.
 */

// ---------------------------------------------------------------------------------------------------------------
// Dates, as whole day numbers since 1970-01-01 (UTC), written out here rather than borrowed from period.ts.

const MS_PER_DAY = 86_400_000;
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}
/** The last day of the month `month1` (1–12) of `year`, as ISO. */
export function monthEndIso(year: number, month1: number): string {
  return `${year}-${String(month1).padStart(2, '0')}-${String(daysInMonth(year, month1)).padStart(2, '0')}`;
}
/** Calendar months added to a date, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb), as PostgreSQL does. */
export function plusMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month1 = (index % 12) + 1;
  return `${year}-${String(month1).padStart(2, '0')}-${String(Math.min(d, daysInMonth(year, month1))).padStart(2, '0')}`;
}

export interface RefPeriod {
  from: string;
  to: string;
  label: string;
}

/** The period notations of docs/kpi.md: 2025, 2025Q3, 2025-07, 2025-01-01/2025-06-30. */
export function refPeriod(label: string): RefPeriod {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(label))) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label };
  if ((m = /^(\d{4})Q([1-4])$/.exec(label))) {
    const year = Number(m[1]);
    const lastMonth = Number(m[2]) * 3;
    return { from: `${year}-${String(lastMonth - 2).padStart(2, '0')}-01`, to: monthEndIso(year, lastMonth), label };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(label)))
    return { from: `${m[1]}-${m[2]}-01`, to: monthEndIso(Number(m[1]), Number(m[2])), label };
  if ((m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(label))) return { from: m[1]!, to: m[2]!, label };
  throw new Error(`not a period: ${label}`);
}

/**
 * docs/kpi.md, provisional periods: a period is provisional until `lagMonths` calendar months after the day after its
 * last day (that day is `finalOn`), judged on `today`. Counted here on the calendar parts, not with the engine's helpers.
 */
export function refMarked(
  p: RefPeriod,
  lagMonths: number,
  today: string,
): RefPeriod & { provisional: boolean; finalOn: string } {
  const next = new Date(
    Date.UTC(Number(p.to.slice(0, 4)), Number(p.to.slice(5, 7)) - 1, Number(p.to.slice(8, 10)) + 1),
  );
  const [y, m, d] = [next.getUTCFullYear(), next.getUTCMonth() + lagMonths, next.getUTCDate()];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const finalOn = new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10);
  return { ...p, provisional: today < finalOn, finalOn };
}

/** Same length, ending the day before: the previous year, quarter or month; an interval shifts by its own length. */
export function refPreviousPeriod(p: RefPeriod): RefPeriod {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(p.label))) return refPeriod(String(Number(m[1]) - 1));
  if ((m = /^(\d{4})Q([1-4])$/.exec(p.label))) {
    const q = Number(m[2]);
    return refPeriod(q === 1 ? `${Number(m[1]) - 1}Q4` : `${m[1]}Q${q - 1}`);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(p.label))) {
    const month = Number(m[2]);
    return refPeriod(month === 1 ? `${Number(m[1]) - 1}-12` : `${m[1]}-${String(month - 1).padStart(2, '0')}`);
  }
  const length = dayOf(p.to) - dayOf(p.from) + 1;
  const to = isoOf(dayOf(p.from) - 1);
  const from = isoOf(dayOf(to) - length + 1);
  return { from, to, label: `${from}/${to}` };
}

// ---------------------------------------------------------------------------------------------------------------
// The raw data, read with plain SELECTs.

export interface RefTrajectory {
  key: string;
  municipality: string;
  provider: string;
  client: string;
  birthYear: number | null;
  birthMonth: number | null;
  allocationNumber: string | null;
  category: string | null;
  productCode: string | null;
  requestDate: string | null;
  allocationDate: string | null;
  allocationEnd: string | null;
  start: string | null;
  end: string | null;
  reason: string | null;
}

export interface RefLine {
  municipality: string;
  provider: string;
  client: string;
  allocationNumber: string;
  category: string;
  productCode: string | null;
  periodStart: string;
  cents: number;
}

export interface RefData {
  regionId: string;
  /** CBS codes of the region's municipalities. */
  municipalities: Set<string>;
  /** Every trajectory of the installation (scope is applied per KPI). */
  trajectories: RefTrajectory[];
  lines: RefLine[];
  products: Map<string, { withStay: boolean; stayForm: string | null; lot: string | null }>;
  /** Per contract of the region: the AGB codes it covers (holder and combination members) and its effective dates. */
  contracts: Array<{ agbs: Set<string>; lot: string; start: string; end: string }>;
  budgetLines: Array<{ code: string; categories: string[] }>;
  budgets: Array<{ year: number; municipality: string; line: string; amount: number }>;
  /** Every accepted message: the municipality that sent or received it, its Dagtekening and the day it was received. */
  messages: Array<{ municipality: string; dagtekening: string; received: string }>;
  /**
   * Per provider (AGB) with locations: each location's municipality by the PC4 table, null where its area has none.
   * Null as a whole when no PC4 area has a municipality.
   */
  locationMunicipalities: Map<string, Array<string | null>> | null;
  /**
   * The region's Ervaringwijzer answers with a mark: the month they came in, provider, productcategorie, the lot of
   * the product and the municipality of the batch (null when unknown), mark.
   */
  answers: Array<{
    month: string;
    provider: string;
    category: string;
    lot: string | null;
    municipality: string | null;
    mark: number;
  }>;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export async function loadRefData(db: Db, regionId: string): Promise<RefData> {
  const municipalities = await queryRows<{ code: string }>(
    db,
    sql`select cbs_code as code from municipalities where region_id = ${regionId}::uuid`,
  );
  const trajectories = await queryRows(
    db,
    sql`
    select trajectory_key, municipality_code, provider_agb, client_pseudonym, birth_year, birth_month, allocation_number, product_category, product_code,
      request_date::text as request_date, allocation_date::text as allocation_date, allocation_end::text as allocation_end,
      start_date::text as start_date, end_date::text as end_date, end_reason
    from ijw_trajectories`,
  );
  const lines = await queryRows(
    db,
    sql`
    select l.municipality_code, d.provider_agb, l.client_pseudonym, l.allocation_number, l.product_category, l.product_code,
      l.period_start::text as period_start, l.amount_cents::text as amount_cents
    from ijw_declaration_lines l join ijw_declarations d on d.id = l.declaration_id`,
  );
  const products = await queryRows(
    db,
    sql`
    select p.product_code, p.with_stay, p.stay_form, lo.code as lot from products p left join lots lo on lo.id = p.lot_id
    where p.region_id = ${regionId}::uuid`,
  );
  const contracts = await queryRows(
    db,
    sql`
    select c.id::text as id, c.combination_id::text as combination_id, c.start_date::text as start_date, c.end_date::text as end_date, pr.agb_code,
      lo.code as lot
    from contracts c join providers pr on pr.id = c.provider_id join lots lo on lo.id = c.lot_id where c.region_id = ${regionId}::uuid`,
  );
  const extensions = await queryRows(
    db,
    sql`select contract_id::text as contract_id, new_end_date::text as new_end_date from contract_extensions`,
  );
  const members = await queryRows(
    db,
    sql`
    select cm.combination_id::text as combination_id, pr.agb_code from combination_members cm join providers pr on pr.id = cm.provider_id`,
  );
  const budgetLines = await queryRows(
    db,
    sql`
    select code, array_to_string(product_categories, ',') as categories from budget_lines where region_id = ${regionId}::uuid`,
  );
  const budgets = await queryRows(
    db,
    sql`
    select b.year, m.cbs_code, bl.code as line, b.amount::text as amount
    from budgets b join municipalities m on m.id = b.municipality_id join budget_lines bl on bl.id = b.budget_line_id
    where m.region_id = ${regionId}::uuid`,
  );
  const messages = await queryRows(
    db,
    sql`select sender, receiver, message_date::text as message_date, received_at from ijw_files where status = 'accepted'`,
  );
  const locations = await queryRows<{ agb: string; municipality: string | null }>(
    db,
    sql`select p.agb_code as agb, c.municipality_code as municipality
      from provider_locations l join providers p on p.id = l.provider_id
      left join postcode_centroids c on c.postcode4 = substr(l.postcode, 1, 4)`,
  );
  const placesKnown = await queryRows(db, sql`select 1 from postcode_centroids where municipality_code is not null`);
  const locationMunicipalities = new Map<string, Array<string | null>>();
  for (const l of locations)
    locationMunicipalities.set(l.agb, [...(locationMunicipalities.get(l.agb) ?? []), l.municipality]);
  const answers = await queryRows(
    db,
    sql`select r.submitted_month::text as month, pr.agb_code, p.product_category, lo.code as lot,
      m.cbs_code as municipality, r.effect_score
    from experience_responses r join providers pr on pr.id = r.provider_id join products p on p.id = r.product_id
    left join lots lo on lo.id = p.lot_id left join municipalities m on m.id = r.municipality_id
    where r.region_id = ${regionId}::uuid and r.effect_score is not null`,
  );
  // The day in the Netherlands of a moment, as the import's clock saw it.
  const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

  return {
    regionId,
    answers: answers.map((a) => ({
      month: String(a.month),
      provider: String(a.agb_code),
      category: String(a.product_category),
      lot: text(a.lot),
      municipality: text(a.municipality),
      mark: Number(a.effect_score),
    })),
    municipalities: new Set(municipalities.map((m) => m.code)),
    trajectories: trajectories.map((r) => ({
      key: String(r.trajectory_key),
      municipality: String(r.municipality_code),
      provider: String(r.provider_agb),
      client: String(r.client_pseudonym),
      birthYear: r.birth_year === null ? null : Number(r.birth_year),
      birthMonth: r.birth_month === null ? null : Number(r.birth_month),
      allocationNumber: text(r.allocation_number),
      category: text(r.product_category),
      productCode: text(r.product_code),
      requestDate: text(r.request_date),
      allocationDate: text(r.allocation_date),
      allocationEnd: text(r.allocation_end),
      start: text(r.start_date),
      end: text(r.end_date),
      reason: text(r.end_reason),
    })),
    lines: lines.map((r) => ({
      municipality: String(r.municipality_code),
      provider: String(r.provider_agb),
      client: String(r.client_pseudonym),
      allocationNumber: String(r.allocation_number),
      category: String(r.product_category),
      productCode: text(r.product_code),
      periodStart: String(r.period_start),
      cents: Number(r.amount_cents),
    })),
    products: new Map(
      products.map((p) => [
        String(p.product_code),
        { withStay: p.with_stay === true || p.with_stay === 't', stayForm: text(p.stay_form), lot: text(p.lot) },
      ]),
    ),
    contracts: contracts.map((c) => {
      const ends = extensions
        .filter((e) => e.contract_id === c.id)
        .map((e) => String(e.new_end_date))
        .sort();
      const agbs = new Set([
        String(c.agb_code),
        ...members
          .filter((m) => c.combination_id !== null && m.combination_id === c.combination_id)
          .map((m) => String(m.agb_code)),
      ]);
      return { agbs, lot: String(c.lot), start: String(c.start_date), end: ends.at(-1) ?? String(c.end_date) };
    }),
    budgetLines: budgetLines.map((b) => ({
      code: String(b.code),
      categories: b.categories ? String(b.categories).split(',') : [],
    })),
    budgets: budgets.map((b) => ({
      year: Number(b.year),
      municipality: String(b.cbs_code),
      line: String(b.line),
      amount: Number(b.amount),
    })),
    messages: messages
      .filter((m) => m.message_date !== null)
      .map((m) => ({
        // A municipality's code has 4 digits, an AGB code 8.
        municipality: String(/^\d{4}$/.test(String(m.sender)) ? m.sender : m.receiver),
        dagtekening: String(m.message_date),
        received: dutchDay.format(new Date(m.received_at as string)),
      })),
    locationMunicipalities: placesKnown.length > 0 ? locationMunicipalities : null,
  };
}
