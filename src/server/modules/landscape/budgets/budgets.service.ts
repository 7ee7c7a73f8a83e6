import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { budgetLines, budgets, municipalities } from '../../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../../http/errors.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { assertOwnRegion, inOwnRegions } from '../../../http/permission.js';
import type { Budget, BudgetCreate, BudgetQuery } from './budgets.schema.js';

const columns = {
  id: budgets.id,
  municipalityId: budgets.municipalityId,
  municipalityName: municipalities.name,
  cbsCode: municipalities.cbsCode,
  budgetLineId: budgets.budgetLineId,
  budgetLineCode: budgetLines.code,
  budgetLineName: budgetLines.name,
  regionId: municipalities.regionId,
  year: budgets.year,
  amount: budgets.amount,
};

function baseQuery(db: Db) {
  return db
    .select(columns)
    .from(budgets)
    .innerJoin(municipalities, eq(municipalities.id, budgets.municipalityId))
    .innerJoin(budgetLines, eq(budgetLines.id, budgets.budgetLineId));
}

function present(row: Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]): Budget {
  return { ...row, amount: Number(row.amount) };
}

/** All budget cells matching the filter; a region has few enough (municipalities × lines × years) to send whole. */
export async function listBudgets(db: Db, actor: Actor, query: BudgetQuery): Promise<Budget[]> {
  const filters: SQL[] = [inOwnRegions(municipalities.regionId, actor)];
  if (query.year) filters.push(eq(budgets.year, query.year));
  if (query.municipalityId) filters.push(eq(budgets.municipalityId, query.municipalityId));
  if (query.budgetLineId) filters.push(eq(budgets.budgetLineId, query.budgetLineId));
  if (query.regionId) filters.push(eq(municipalities.regionId, query.regionId));
  const rows = await baseQuery(db)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(asc(budgets.year), asc(municipalities.name), asc(budgetLines.name));
  return rows.map(present);
}

export async function createBudget(db: Db, actor: Actor, input: BudgetCreate): Promise<Budget> {
  return db.transaction(async (tx) => {
    const [municipality] = await tx.select().from(municipalities).where(eq(municipalities.id, input.municipalityId));
    if (!municipality || !actor.regionIds.includes(municipality.regionId))
      throw fieldError('municipalityId', 'onbekende gemeente');
    const [line] = await tx.select().from(budgetLines).where(eq(budgetLines.id, input.budgetLineId));
    if (!line) throw fieldError('budgetLineId', 'onbekende begrotingspost');
    if (line.regionId !== municipality.regionId)
      throw fieldError('budgetLineId', 'deze post hoort bij een andere regio');
    if (line.retiredAt) throw fieldError('budgetLineId', `${line.name} is niet meer in gebruik: geen nieuwe budgetten`);
    if (municipality.retiredAt)
      throw fieldError('municipalityId', `${municipality.name} is niet meer in gebruik: geen nieuwe budgetten`);
    const [existing] = await tx
      .select({ id: budgets.id })
      .from(budgets)
      .where(
        and(
          eq(budgets.municipalityId, input.municipalityId),
          eq(budgets.budgetLineId, input.budgetLineId),
          eq(budgets.year, input.year),
        ),
      );
    if (existing) {
      throw fieldError(
        'year',
        `${municipality.name} heeft voor ${line.name} al een budget in ${input.year}`,
        ErrorCode.Conflict,
        'duplicate',
      );
    }
    const [row] = await tx
      .insert(budgets)
      .values({ ...input, amount: input.amount.toFixed(2) })
      .returning({ id: budgets.id });
    const [after] = await baseQuery(tx).where(eq(budgets.id, row!.id));
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'budget',
      entityId: row!.id,
      regionId: after!.regionId,
      after: present(after!),
    });
    return present(after!);
  });
}

export async function updateBudget(db: Db, actor: Actor, id: string, amount: number): Promise<Budget> {
  return db.transaction(async (tx) => {
    const [before] = await baseQuery(tx).where(eq(budgets.id, id));
    if (!before) throw new AppError(ErrorCode.NotFound, 'Dit budget bestaat niet.');
    assertOwnRegion(actor, before.regionId, 'Dit budget bestaat niet.');
    await tx
      .update(budgets)
      .set({ amount: amount.toFixed(2) })
      .where(eq(budgets.id, id));
    const [after] = await baseQuery(tx).where(eq(budgets.id, id));
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'budget',
      entityId: id,
      regionId: before.regionId,
      before: present(before),
      after: present(after!),
    });
    return present(after!);
  });
}
