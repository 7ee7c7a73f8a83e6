import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { budgetLines, lots, municipalities, regions } from '../../../db/schema/index.js';
import { AppError, ErrorCode } from '../../../http/errors.js';
import { assertOwnRegion } from '../../../http/permission.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import type { BudgetLineUpdate, CodedUpdate } from './regions.schema.js';
import { getRegion } from './regions.service.js';

/** Renames a region; its code stays, since addresses such as the public waiting-times page use it. */
export async function renameRegion(db: Db, actor: Actor, id: string, input: { name: string }) {
  assertOwnRegion(actor, id, 'Deze regio bestaat niet.');
  return db.transaction(async (tx) => {
    const before = await getRegion(tx, id);
    await tx.update(regions).set({ name: input.name }).where(eq(regions.id, id));
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'region',
      entityId: id,
      regionId: id,
      before: { name: before.name },
      after: { name: input.name },
    });
    return getRegion(tx, id);
  });
}

/** What `retired` sets: the moment of retiring (kept when already retired), or none to restore. */
const retiredAtFor = (retired: boolean | undefined) =>
  retired === undefined ? {} : { retiredAt: retired ? sql`coalesce(retired_at, now())` : null };

type Part = 'municipality' | 'lot' | 'budget-line';
const tables = { municipality: municipalities, lot: lots, 'budget-line': budgetLines } as const;
const unknown: Record<Part, string> = {
  municipality: 'Deze gemeente bestaat niet.',
  lot: 'Dit perceel bestaat niet.',
  'budget-line': 'Deze begrotingspost bestaat niet.',
};

/**
 * Renames, retires or restores a municipality, lot or budget line (a budget line also its productcategorieën). The
 * code never changes and nothing is deleted: contracts, budgets, messages and figures keep referring to it, and a
 * retired one only leaves the choice lists (docs/decisions.md). Another region's is as unknown as a missing one.
 */
export async function updateRegionPart(
  db: Db,
  actor: Actor,
  part: Part,
  id: string,
  input: CodedUpdate | BudgetLineUpdate,
) {
  const table = tables[part];
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(table).where(eq(table.id, id));
    if (!before) throw new AppError(ErrorCode.NotFound, unknown[part]);
    assertOwnRegion(actor, before.regionId, unknown[part]);
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...retiredAtFor(input.retired),
      ...('productCategories' in input && input.productCategories !== undefined
        ? { productCategories: input.productCategories }
        : {}),
    };
    const [after] = Object.keys(changes).length
      ? await tx.update(table).set(changes).where(eq(table.id, id)).returning()
      : [before];
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'update',
      entity: part,
      entityId: id,
      regionId: before.regionId,
      before,
      after,
    });
    const region = await getRegion(tx, before.regionId);
    const list = part === 'municipality' ? region.municipalities : part === 'lot' ? region.lots : region.budgetLines;
    return list.find((x) => x.id === id)!;
  });
}
