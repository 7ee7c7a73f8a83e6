import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { writeRealisations } from '../../modules/landscape/index.js';
import type { Actor } from '../../modules/auth/index.js';
import { cliActorId } from '../../http/cli-token.js';

/**
 * The ledger's share of each line's budget booked per month in the demo: the lines paid outside iJw. Jeugdzorgplus is
 * left without a realisation, so the money per line shows a line its total leaves out.
 */
const demoLedger: Record<string, number> = { GI: 0.97, LTA: 0.96, VT: 0.92 };

/** The seed is no account: the audit log shows the demo's realisation by this name and no user id. */
const seedActor: Actor = {
  id: cliActorId,
  email: 'demoregio (zorglandschap serve)',
  name: 'Demoregio',
  role: 'beheerder',
  providerId: null,
  regionId: null,
  regionIds: [],
  active: true,
};

/**
 * Books a realisation for the demo's lines paid outside iJw: every month of the year before the last declared month's
 * year, and that year up to that month, each month a twelfth of the (scaled) budget × the line's share, varied a
 * little per month so the figures look like a ledger.
 */
export async function seedDemoRealisations(db: Db): Promise<void> {
  const [last] = await queryRows<{ month: string | null }>(
    db,
    sql`select to_char(max(period_start), 'YYYY-MM') as month from ijw_declaration_lines`,
  );
  if (!last?.month) return;
  const year = Number(last.month.slice(0, 4));
  const throughMonth = Number(last.month.slice(5, 7));
  const cells = await queryRows<{
    line_id: string;
    region_id: string;
    code: string;
    name: string;
    municipality_id: string;
    year: number;
    amount: number;
  }>(
    db,
    sql`select bl.id::text as line_id, bl.region_id::text as region_id, bl.code, bl.name,
      b.municipality_id::text as municipality_id,
      b.year, b.amount::float8 as amount
    from budgets b join budget_lines bl on bl.id = b.budget_line_id join regions r on r.id = bl.region_id
    where r.code = 'lekstroom' and bl.code in (${sql.join(
      Object.keys(demoLedger).map((c) => sql`${c}`),
      sql`, `,
    )})
      and b.year in (${year - 1}, ${year})`,
  );
  await db.transaction(async (tx) => {
    for (const code of Object.keys(demoLedger)) {
      const lineCells = cells.filter((c) => c.code === code);
      if (!lineCells.length) continue;
      const months = lineCells.flatMap((c) =>
        Array.from({ length: c.year === year ? throughMonth : 12 }, (_, i) => ({
          municipalityId: c.municipality_id,
          month: `${c.year}-${String(i + 1).padStart(2, '0')}`,
          amount: Math.round((c.amount / 12) * demoLedger[code]! * (1 + 0.02 * Math.sin(i + c.year))),
        })),
      );
      await writeRealisations(
        tx,
        seedActor,
        { id: lineCells[0]!.line_id, regionId: lineCells[0]!.region_id, code, name: lineCells[0]!.name },
        months,
      );
    }
  });
}
