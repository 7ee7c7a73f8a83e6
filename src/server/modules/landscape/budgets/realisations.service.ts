import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { budgetLines, budgetRealisations, budgets, municipalities } from '../../../db/schema/index.js';
import { fieldError } from '../../../http/errors.js';
import { inOwnRegions } from '../../../http/permission.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import type { Realisation, RealisationQuery, RealisationSet } from './realisations.schema.js';

const columns = {
  id: budgetRealisations.id,
  municipalityId: budgetRealisations.municipalityId,
  municipalityName: municipalities.name,
  cbsCode: municipalities.cbsCode,
  budgetLineId: budgetRealisations.budgetLineId,
  budgetLineCode: budgetLines.code,
  budgetLineName: budgetLines.name,
  regionId: municipalities.regionId,
  month: budgetRealisations.month,
  amount: budgetRealisations.amount,
};

function baseQuery(db: Db) {
  return db
    .select(columns)
    .from(budgetRealisations)
    .innerJoin(municipalities, eq(municipalities.id, budgetRealisations.municipalityId))
    .innerJoin(budgetLines, eq(budgetLines.id, budgetRealisations.budgetLineId));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];
const present = ({ id: _id, ...row }: Row): Realisation => ({
  ...row,
  month: row.month.slice(0, 7),
  amount: Number(row.amount),
});

const inYear = (year: number): SQL =>
  and(gte(budgetRealisations.month, `${year}-01-01`), lte(budgetRealisations.month, `${year}-12-01`))!;

/** The realisation of a year as the ledger booked it, per municipality, line and month, in the actor's regions. */
export async function listRealisations(db: Db, actor: Actor, query: RealisationQuery): Promise<Realisation[]> {
  const filters: SQL[] = [inOwnRegions(municipalities.regionId, actor), inYear(query.year)];
  if (query.budgetLineId) filters.push(eq(budgetRealisations.budgetLineId, query.budgetLineId));
  if (query.regionId) filters.push(eq(municipalities.regionId, query.regionId));
  const rows = await baseQuery(db)
    .where(and(...filters))
    .orderBy(asc(budgetLines.name), asc(municipalities.name), asc(budgetRealisations.month));
  return rows.map(present);
}

/**
 * A region's budget master data of one year, for the money per budget line (monitoring): its lines, municipalities,
 * budgets and the ledger's realisation per month. No actor: the caller has scoped the region.
 */
export async function budgetYearOfRegion(db: Db, regionId: string, year: number) {
  const lines = await db
    .select({ code: budgetLines.code, name: budgetLines.name, categories: budgetLines.productCategories })
    .from(budgetLines)
    .where(eq(budgetLines.regionId, regionId))
    .orderBy(asc(budgetLines.name));
  const places = await db
    .select({ cbsCode: municipalities.cbsCode, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId))
    .orderBy(asc(municipalities.name));
  const amounts = await db
    .select({ cbsCode: municipalities.cbsCode, lineCode: budgetLines.code, amount: budgets.amount })
    .from(budgets)
    .innerJoin(municipalities, eq(municipalities.id, budgets.municipalityId))
    .innerJoin(budgetLines, eq(budgetLines.id, budgets.budgetLineId))
    .where(and(eq(municipalities.regionId, regionId), eq(budgets.year, year)));
  const realised = await baseQuery(db).where(and(eq(municipalities.regionId, regionId), inYear(year)));
  return {
    lines,
    municipalities: places,
    budgets: amounts.map((b) => ({ ...b, amount: Number(b.amount) })),
    realisations: realised.map((r) => ({
      cbsCode: r.cbsCode,
      lineCode: r.budgetLineCode,
      month: r.month.slice(0, 7),
      amount: Number(r.amount),
    })),
  };
}

/** A budget line of the actor's regions; another region's line is refused as unknown. */
export async function ownBudgetLine(db: Db, actor: Actor, budgetLineId: string, field = 'budgetLineId') {
  const [line] = await db.select().from(budgetLines).where(eq(budgetLines.id, budgetLineId));
  if (!line || !actor.regionIds.includes(line.regionId)) throw fieldError(field, 'onbekende begrotingspost');
  return line;
}

/**
 * Writes the months given, each replacing what was booked for its municipality, line and month (null clears it), in
 * the caller's transaction, with one audit event per line that says what changed. Returns how many months changed.
 * The event names the line as the budget pages do (its name, not its code).
 */
export async function writeRealisations(
  tx: Db,
  actor: Actor,
  line: { id: string; regionId: string; code: string; name: string },
  months: Array<{ municipalityId: string; month: string; amount: number | null }>,
): Promise<{ saved: number; unchanged: number }> {
  const existing = await baseQuery(tx).where(eq(budgetRealisations.budgetLineId, line.id));
  const key = (municipalityId: string, month: string) => `${municipalityId}|${month.slice(0, 7)}`;
  const before = new Map(existing.map((r) => [key(r.municipalityId, r.month), r]));
  const changes: Array<{ municipalityId: string; month: string; before: number | null; after: number | null }> = [];
  let unchanged = 0;
  for (const m of months) {
    const old = before.get(key(m.municipalityId, m.month));
    const oldAmount = old ? Number(old.amount) : null;
    if (oldAmount === m.amount) {
      unchanged += 1;
      continue;
    }
    const month = `${m.month.slice(0, 7)}-01`;
    if (m.amount === null) {
      await tx.delete(budgetRealisations).where(eq(budgetRealisations.id, old!.id));
    } else {
      await tx
        .insert(budgetRealisations)
        .values({ municipalityId: m.municipalityId, budgetLineId: line.id, month, amount: m.amount.toFixed(2) })
        .onConflictDoUpdate({
          target: [budgetRealisations.municipalityId, budgetRealisations.budgetLineId, budgetRealisations.month],
          set: { amount: m.amount.toFixed(2) },
        });
    }
    changes.push({ municipalityId: m.municipalityId, month: month.slice(0, 7), before: oldAmount, after: m.amount });
  }
  if (changes.length) {
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'budget-realisation',
      entityId: line.id,
      regionId: line.regionId,
      label: line.name,
      before: { budgetLine: line.code, budgetLineName: line.name, months: changes.map((c) => monthOf(c, c.before)) },
      after: { budgetLine: line.code, budgetLineName: line.name, months: changes.map((c) => monthOf(c, c.after)) },
    });
  }
  return { saved: changes.length, unchanged };
}

const monthOf = (c: { municipalityId: string; month: string }, amount: number | null) => ({
  municipalityId: c.municipalityId,
  month: c.month,
  amount,
});

/** Enters (or clears, with null) one month's realisation of a municipality and line. */
export async function setRealisation(db: Db, actor: Actor, input: RealisationSet): Promise<{ saved: number }> {
  return db.transaction(async (tx) => {
    const line = await ownBudgetLine(tx, actor, input.budgetLineId);
    const [municipality] = await tx.select().from(municipalities).where(eq(municipalities.id, input.municipalityId));
    if (!municipality || municipality.regionId !== line.regionId)
      throw fieldError('municipalityId', 'deze gemeente hoort niet bij de regio van de begrotingspost');
    const { saved } = await writeRealisations(tx, actor, line, [
      { municipalityId: municipality.id, month: input.month, amount: input.amount },
    ]);
    return { saved };
  });
}

/**
 * Whether the budget `b` (a row of budgets) of line `bl` is paid through iJw: the line holds productcategorieën and no
 * ledger realisation is booked for it in the region in the budget's year (then the ledger is the line's source).
 */
export const paidByIjw = (b: string, bl: string) =>
  sql`cardinality(${sql.raw(bl)}.product_categories) > 0 and not exists (
    select 1 from budget_realisations br join municipalities brm on brm.id = br.municipality_id
    where br.budget_line_id = ${sql.raw(bl)}.id and brm.region_id = ${sql.raw(bl)}.region_id
      and br.month >= make_date(${sql.raw(b)}.year, 1, 1) and br.month < make_date(${sql.raw(b)}.year + 1, 1, 1))`;
