import { sql } from 'drizzle-orm';
import { addDays, addMonths } from '../../../shared/period.js';
import type { ExtensionStatus } from '../../../shared/domain.js';
import type { Db } from '../client.js';

/**
 * The demo's contract terms for the contract calendar: each contract's budget ceiling per year and its extensions
 * with their statuses, around the day the demo is seeded, so the calendar shows decisions due soon, one overdue, one
 * beyond the default horizon, a declined option and a contract that ends within the year.
 */

/** Yearly ceilings per lot before the demo's care is known (scaleDemoCeilingsToCare sets them from the care). */
export const demoCeilings: Record<string, number> = {
  AMB: 1_500_000,
  JIO: 600_000,
  CRI: 900_000,
  GZV: 4_800_000,
  FOR: 2_000_000,
};

interface DemoExtension {
  newEndDate: string;
  decidedOn: string | null;
  note: string;
  status: ExtensionStatus;
  decideBy: string | null;
}

const monthEnd = (iso: string) => addDays(addMonths(`${iso.slice(0, 7)}-01`, 1), -1);

/**
 * The extensions of the demo's `index`-th contract (demoContracts' order), ending `end` (its first term) with the first
 * two-year extension to `firstExtension`: decided for all but one, which was extended only until the new tender, and
 * a second option to `secondExtension` whose decision is due at a day relative to `today`.
 */
export function demoExtensions(
  index: number,
  firstExtension: string,
  secondExtension: string,
  today: string,
): DemoExtension[] {
  const first: DemoExtension = {
    newEndDate: firstExtension,
    decidedOn: '2025-11-15',
    note: 'Eerste verlenging met twee jaar',
    status: 'decided',
    decideBy: '2025-12-31',
  };
  // The day a decision is due, at most a month before the end it would extend.
  const due = (months: number) => {
    const day = addMonths(today, months);
    const latest = addMonths(firstExtension, -1);
    return day < latest ? day : latest;
  };
  const option = (months: number, note: string): DemoExtension => ({
    newEndDate: secondExtension,
    decidedOn: null,
    note,
    status: 'option',
    decideBy: due(months),
  });
  switch (index) {
    case 0:
    case 1:
      return [first, option(2, 'Tweede verlenging: evaluatie van de resultaten loopt')];
    case 2:
      return [first, option(7, 'Tweede verlenging')];
    case 3:
      return [
        first,
        {
          newEndDate: secondExtension,
          decidedOn: addMonths(today, -2),
          note: 'Niet verlengd: het perceel wordt opnieuw ingekocht',
          status: 'declined',
          decideBy: addMonths(today, -1),
        },
      ];
    case 6:
      return [first, option(-1, 'Tweede verlenging: besluit is te laat')];
    case 7:
      return [first, option(14, 'Tweede verlenging')];
    case 9:
      // Extended only until the new tender: it ends within the year, with no option left.
      return [{ ...first, newEndDate: monthEnd(addMonths(today, 5)), note: 'Verlengd tot de nieuwe aanbesteding' }];
    default:
      return [first, option(10, 'Tweede verlenging')];
  }
}

/**
 * Scales the demo's ceilings to its care, as scaleDemoBudgetsToCare does the budgets: each contract's ceiling is what
 * its provider declared in its lot this year so far, as a whole year at the same monthly pace, with a margin of 25%;
 * but 10% under it for the first contract, so its forecast runs over and the calendar shows a ceiling signal.
 * Contracts without care this year keep their ceiling.
 */
export async function scaleDemoCeilingsToCare(db: Db): Promise<void> {
  const year = new Date().getFullYear();
  await db.execute(sql`
    with lines as (
      select d.provider_agb, p.lot_id, l.period_start, l.amount_cents
      from ijw_declaration_lines l
      join ijw_declarations d on d.id = l.declaration_id
      join products p on p.product_code = l.product_code
      where extract(year from l.period_start)::int = ${year} and p.lot_id is not null),
    months as (select max(extract(month from period_start))::int as n from lines),
    spend as (
      select provider_agb, lot_id, sum(amount_cents) / 100.0 * 12 / (select n from months) as euros
      from lines group by 1, 2)
    update contracts c
    set budget_ceiling = greatest(1000, round(s.euros * (case when c.reference like '%-001' then 0.9 else 1.25 end) / 1000) * 1000)
    from spend s join providers pr on pr.agb_code = s.provider_agb
    where c.provider_id = pr.id and c.lot_id = s.lot_id and s.euros > 0`);
}
