import { count, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.js';
import { regions } from '../schema/index.js';
import { createUser, updateUser, type Actor } from '../../modules/auth/index.js';
import { seedDemoExperience } from '../../modules/experience/index.js';
import { createBudget } from '../../modules/landscape/index.js';
import { createContract } from '../../modules/landscape/index.js';
import { createProduct } from '../../modules/landscape/index.js';
import { createProvider } from '../../modules/landscape/index.js';
import { createCombination } from '../../modules/landscape/index.js';
import { createRegion, defaultTierLevels } from '../../modules/landscape/index.js';
import type { Role } from '../../../shared/domain.js';
import { dutchToday } from '../../../shared/period.js';
import { seedDemoAvailability } from './demo-availability.js';
import { seedDemoDevelopmentTasks } from './demo-devtasks.js';
import { seedDemoMeetings } from './demo-meetings.js';
import { demoCeilings, demoExtensions } from './demo-contracts.js';
import { seedDemoFaq } from './demo-faq.js';
import { seedDemoPostcodes } from './demo-postcodes.js';
import { demoCombination, demoContracts, demoProducts, demoProviders, lekstroom, switchDates } from './demo-data.js';

/** One password for all demo accounts; printed at start and in the README. Never use the demo in production. */
export const demoPassword = 'Lekstroom-demo-2026';
export const demoUsers: Array<{ role: Role; email: string; name: string }> = [
  { role: 'beheerder', email: 'beheerder@lekstroom.example.nl', name: 'Bea Beheerder' },
  { role: 'contractmanager', email: 'contractmanager@lekstroom.example.nl', name: 'Cas Contractmanager' },
  { role: 'beleid', email: 'beleid@lekstroom.example.nl', name: 'Bo Beleid' },
  { role: 'verwijzer', email: 'verwijzer@lekstroom.example.nl', name: 'Vera Verwijzer (sociaal team)' },
  { role: 'aanbieder', email: 'aanbieder@lekstroom.example.nl', name: 'Adam Aanbieder (Jeugdhulp De Lekoever)' },
];
const demoAanbiederAgb = '99000011';

/** Seeds Regio Lekstroom when the database has no region yet; returns the log-ins, or null when it did nothing. */
export async function seedDemoRegionIfEmpty(db: Db) {
  const [existing] = await db.select({ n: count() }).from(regions);
  if (Number(existing?.n ?? 0) > 0) return null;
  await seedDemoRegion(db);
  return { password: demoPassword, users: demoUsers };
}

/** Builds the demo region through the same services the API uses, so it obeys every rule and leaves an audit trail. */
export async function seedDemoRegion(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const keeper = await createUser(tx, { ...demoUsers[0]!, password: demoPassword });
    const region = await createRegion(tx, keeper, { ...lekstroom, tierLevels: defaultTierLevels });
    // The demo's beheerder is Lekstroom's own keeper, so it works in that region like the other demo accounts.
    const actor: Actor = await updateUser(tx, keeper, keeper.id, { regionId: region.id });
    const tierId = (scheme: string, code: string) =>
      region.tierLevels.find((t) => t.scheme === scheme && t.code === code)!.id;

    const providerIds = new Map<string, string>();
    for (const p of demoProviders) {
      const created = await createProvider(tx, actor, {
        agbCode: p.agbCode,
        kvkNumber: p.kvkNumber,
        name: p.name,
        domains: p.domains,
        specialisations: p.specialisations,
        website: null,
        active: true,
        locations: p.locations,
        tierLevelIds: [tierId('omvang', p.omvang), ...p.rol.map((r) => tierId('rol', r))],
      });
      providerIds.set(p.agbCode, created.id);
    }
    const combination = await createCombination(tx, actor, {
      regionId: region.id,
      name: demoCombination.name,
      leadProviderId: providerIds.get(demoCombination.lead)!,
      subcontractorIds: demoCombination.members.map((agb) => providerIds.get(agb)!),
    });

    const lotId = (code: string) => region.lots.find((l) => l.code === code)!.id;
    const today = dutchToday();
    for (const [i, c] of demoContracts.entries()) {
      const start = switchDates[c.lot]!;
      await createContract(tx, actor, {
        regionId: region.id,
        reference: `LEK-2023-${String(i + 1).padStart(3, '0')}`,
        providerId: providerIds.get(c.agb)!,
        combinationId: c.combination ? combination.id : null,
        lotId: lotId(c.lot),
        startDate: start,
        endDate: contractEnd(2026, start),
        procedure: c.lot === 'GZV' || c.lot === 'CRI' ? 'europese-aanbesteding' : 'open-house',
        fundingVariant: c.lot === 'CRI' ? 'outputgericht' : 'inspanningsgericht',
        budgetCeiling: demoCeilings[c.lot] ?? null,
        notes: null,
        extensions: demoExtensions(i, contractEnd(2028, start), contractEnd(2030, start), today),
      });
    }

    const thisYear = new Date().getFullYear();
    const productIds = new Map<string, string>();
    for (const p of demoProducts) {
      const tariffs = [];
      for (let year = 2023, tariff = p.tariff2023; year <= thisYear + 1; year++, tariff *= 1.035)
        tariffs.push({ year, tariff: Math.round(tariff * 100) / 100 });
      const product = await createProduct(tx, actor, {
        regionId: region.id,
        lotId: lotId(p.lot),
        productCategory: p.productCategory,
        productCode: p.productCode,
        name: p.name,
        unit: p.unit,
        fundingVariant: p.fundingVariant,
        withStay: p.withStay,
        stayForm: p.stayForm ?? null,
        intensity: p.intensity ?? null,
        travelHoursPerFte: p.travelHoursPerFte ?? null,
        validFrom: switchDates[p.lot]!,
        validTo: null,
        tariffs,
      });
      productIds.set(p.productCode, product.id);
    }
    await seedDemoPostcodes(tx, actor);
    await seedDemoAvailability(tx, actor, providerIds, productIds);
    await seedDemoFaq(tx, actor, region.id);
    // The Ervaringwijzer's answers for every contracted provider's products in its lots (no client is linked to them).
    const offers = demoContracts.flatMap((c) =>
      demoProducts
        .filter((p) => p.lot === c.lot)
        .map((p) => ({ providerId: providerIds.get(c.agb)!, productId: productIds.get(p.productCode)! })),
    );
    const inhabitants = new Map(lekstroom.municipalities.map((m) => [m.cbsCode, m.inhabitants]));
    const municipalities = region.municipalities.map((m) => ({ id: m.id, inhabitants: inhabitants.get(m.cbsCode)! }));
    await seedDemoExperience(tx, region.id, offers, municipalities, today);
    await seedDemoMeetings(tx, actor, region.id, providerIds);
    await seedDemoDevelopmentTasks(tx, actor, region.id, providerIds);

    // The demo's iJw messages run from three years back (seedDemoMessages), so the budgets do too.
    for (const year of [thisYear - 3, thisYear - 2, thisYear - 1, thisYear]) {
      const growth = 1 + 0.06 * (year - (thisYear - 3));
      for (const m of lekstroom.municipalities) {
        const municipalityId = region.municipalities.find((x) => x.cbsCode === m.cbsCode)!.id;
        for (const line of lekstroom.budgetLines) {
          const budgetLineId = region.budgetLines.find((b) => b.code === line.code)!.id;
          const amount = Math.round((m.inhabitants * line.perInhabitant * growth) / 1000) * 1000;
          await createBudget(tx, actor, { municipalityId, budgetLineId, year, amount });
        }
      }
    }

    for (const u of demoUsers.slice(1)) {
      await createUser(tx, {
        ...u,
        password: demoPassword,
        regionId: region.id,
        providerId: u.role === 'aanbieder' ? providerIds.get(demoAanbiederAgb) : undefined,
      });
    }
  });
}

/** The day before the switch date's anniversary: a contract from 1 August runs to 31 July. */
function contractEnd(year: number, start: string): string {
  const d = new Date(`${year}-${start.slice(5)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Scales the demo budgets to the demo's care: the generated youths are far fewer than a real region of this size
 * has, so per-inhabitant budgets would dwarf what is declared. One factor for all lines and municipalities keeps
 * their differences: the declared Zorg in natura of the complete years with data against its budget.
 */
export async function scaleDemoBudgetsToCare(db: Db): Promise<void> {
  const [row] = await queryRows<{ declared: number | null; budget: number | null }>(
    db,
    sql`
    with years as (
      select extract(year from period_start)::int as year from ijw_declaration_lines
      group by 1 having count(distinct extract(month from period_start)) = 12)
    select (select sum(l.amount_cents) / 100.0 from ijw_declaration_lines l where extract(year from l.period_start)::int in (select year from years))::float8 as declared,
      (select sum(b.amount) from budgets b join budget_lines bl on bl.id = b.budget_line_id
        where bl.code = 'ZIN' and b.year in (select year from years))::float8 as budget`,
  );
  if (!row?.declared || !row.budget) return;
  const factor = row.declared / row.budget;
  await db.execute(sql`update budgets set amount = round(amount * ${factor} / 1000) * 1000`);
}
