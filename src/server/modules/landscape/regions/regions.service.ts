import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { runInOrder, type Db } from '../../../db/client.js';
import { budgetLines, lots, municipalities, regions, tierLevels } from '../../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../../http/errors.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { assertOwnRegion } from '../../../http/permission.js';
import { assertListedMunicipality } from './cbs-list.js';
import type { Region, RegionCreate, RegionReference, TierLevelCreate, TierLevelUpdate } from './regions.schema.js';

/** The two tier schemes of the seeds: by size and risk (Lekstroom) and by role (GRJR), where A and C exclude each other. */
export const defaultTierLevels: TierLevelCreate[] = [
  {
    scheme: 'omvang',
    code: 'hoog',
    name: 'Hoog',
    description: 'Groot budget of hoog risico',
    accountMeetingsPerYear: 3,
  },
  { scheme: 'omvang', code: 'midden', name: 'Midden', accountMeetingsPerYear: 2 },
  { scheme: 'omvang', code: 'basis', name: 'Basis', accountMeetingsPerYear: 2 },
  {
    scheme: 'rol',
    code: 'A',
    name: 'A systeemaanbieder',
    description: 'Brede opdracht, strategisch partner',
    excludesCode: 'C',
  },
  { scheme: 'rol', code: 'B', name: 'B prestatieaanbieder', description: 'Een of meer percelen specifieke zorg' },
  { scheme: 'rol', code: 'C', name: 'C flexaanbieder', description: 'Extra volume op afroep', excludesCode: 'A' },
];

/**
 * Regions with their municipalities, lots, budget lines and tier levels: the frame the rest hangs on. Only the
 * regions named, when named: an actor gets its own.
 */
export async function listRegions(db: Db, regionIds?: string[]): Promise<Region[]> {
  const [rs, ms, ls, bs, ts] = await runInOrder([
    db
      .select()
      .from(regions)
      .where(regionIds ? (regionIds.length ? inArray(regions.id, regionIds) : sql`false`) : undefined)
      .orderBy(asc(regions.name)),
    db.select().from(municipalities).orderBy(asc(municipalities.name)),
    db.select().from(lots).orderBy(asc(lots.name)),
    db.select().from(budgetLines).orderBy(asc(budgetLines.name)),
    db.select().from(tierLevels).orderBy(asc(tierLevels.scheme), asc(tierLevels.sortOrder)),
  ]);
  return rs.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    municipalities: ms
      .filter((m) => m.regionId === r.id)
      .map(({ id, cbsCode, name, retiredAt }) => ({ id, cbsCode, name, retired: retiredAt !== null })),
    lots: ls
      .filter((l) => l.regionId === r.id)
      .map(({ id, code, name, retiredAt }) => ({ id, code, name, retired: retiredAt !== null })),
    budgetLines: bs
      .filter((b) => b.regionId === r.id)
      .map(({ id, code, name, productCategories, retiredAt }) => ({
        id,
        code,
        name,
        productCategories,
        retired: retiredAt !== null,
      })),
    tierLevels: ts
      .filter((t) => t.regionId === r.id)
      .map((t) => ({
        id: t.id,
        scheme: t.scheme as 'omvang' | 'rol',
        code: t.code,
        name: t.name,
        description: t.description,
        accountMeetingsPerYear: t.accountMeetingsPerYear,
        excludesCode: t.excludesCode,
      })),
  }));
}

export async function getRegion(db: Db, id: string): Promise<Region> {
  const region = (await listRegions(db)).find((r) => r.id === id);
  if (!region) throw new AppError(ErrorCode.NotFound, 'Deze regio bestaat niet.');
  return region;
}

/** The first of the actor's regions by name, with only what filters and forms need; 404 without a region. */
export async function getRegionReference(db: Db, regionIds: string[]): Promise<RegionReference> {
  const [region] = await listRegions(db, regionIds);
  if (!region) throw new AppError(ErrorCode.NotFound, 'Uw account hoort bij geen regio.');
  const { id, code, name, municipalities: ms, lots: ls } = region;
  return { id, code, name, municipalities: ms, lots: ls };
}

/** Sets up a region's frame in one transaction; used by the API, the demo seed and test factories. */
export async function createRegion(db: Db, actor: Actor | null, input: RegionCreate): Promise<Region> {
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.code, input.code));
    if (clash) throw fieldError('code', `regiocode ${input.code} is al in gebruik`, ErrorCode.Conflict, 'duplicate');
    const [region] = await tx.insert(regions).values({ code: input.code, name: input.name }).returning();
    const regionId = region!.id;
    for (const m of input.municipalities ?? []) await addMunicipality(tx, null, regionId, m);
    for (const l of input.lots ?? []) await addLot(tx, null, regionId, l);
    for (const b of input.budgetLines ?? []) await addBudgetLine(tx, null, regionId, b);
    for (const t of input.tierLevels ?? defaultTierLevels) await addTierLevel(tx, null, regionId, t);
    const after = await getRegion(tx, regionId);
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, { action: 'create', entity: 'region', entityId: regionId, regionId, after });
    return after;
  });
}

/**
 * Adds a municipality; CBS codes are unique across the installation (a municipality is in one region). With CBS's
 * list loaded the code must be on it, unless the input says it is not yet (`unlisted`, see cbs-list.ts).
 */
export async function addMunicipality(
  db: Db,
  actor: Actor | null,
  regionId: string,
  { unlisted, ...input }: { cbsCode: string; name: string; unlisted?: boolean },
) {
  await assertRegion(db, regionId);
  await assertListedMunicipality(db, input.cbsCode, unlisted);
  const [clash] = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.cbsCode, input.cbsCode));
  if (clash)
    throw fieldError(
      'cbsCode',
      `gemeentecode ${input.cbsCode} is al in gebruik voor ${clash.name}`,
      ErrorCode.Conflict,
      'duplicate',
    );
  const [row] = await db
    .insert(municipalities)
    .values({ ...input, regionId })
    .returning();
  await bumpDataVersion(db, 'landscape');
  if (actor)
    await recordAudit(db, actor, { action: 'create', entity: 'municipality', entityId: row!.id, regionId, after: row });
  return { id: row!.id, cbsCode: row!.cbsCode, name: row!.name, retired: false };
}

export async function addLot(db: Db, actor: Actor | null, regionId: string, input: { code: string; name: string }) {
  await assertRegion(db, regionId);
  const [clash] = await db
    .select({ id: lots.id })
    .from(lots)
    .where(and(eq(lots.regionId, regionId), eq(lots.code, input.code)));
  if (clash)
    throw fieldError('code', `perceelcode ${input.code} bestaat al in deze regio`, ErrorCode.Conflict, 'duplicate');
  const [row] = await db
    .insert(lots)
    .values({ ...input, regionId })
    .returning();
  await bumpDataVersion(db, 'landscape');
  if (actor) await recordAudit(db, actor, { action: 'create', entity: 'lot', entityId: row!.id, regionId, after: row });
  return { id: row!.id, code: row!.code, name: row!.name, retired: false };
}

export async function addBudgetLine(
  db: Db,
  actor: Actor | null,
  regionId: string,
  input: { code: string; name: string; productCategories?: string[] },
) {
  await assertRegion(db, regionId);
  const [clash] = await db
    .select({ id: budgetLines.id })
    .from(budgetLines)
    .where(and(eq(budgetLines.regionId, regionId), eq(budgetLines.code, input.code)));
  if (clash)
    throw fieldError('code', `postcode ${input.code} bestaat al in deze regio`, ErrorCode.Conflict, 'duplicate');
  const [row] = await db
    .insert(budgetLines)
    .values({ ...input, regionId })
    .returning();
  await bumpDataVersion(db, 'landscape');
  if (actor)
    await recordAudit(db, actor, { action: 'create', entity: 'budget-line', entityId: row!.id, regionId, after: row });
  return { id: row!.id, code: row!.code, name: row!.name, productCategories: row!.productCategories, retired: false };
}

export async function addTierLevel(db: Db, actor: Actor | null, regionId: string, input: TierLevelCreate) {
  await assertRegion(db, regionId);
  const [clash] = await db
    .select({ id: tierLevels.id })
    .from(tierLevels)
    .where(
      and(eq(tierLevels.regionId, regionId), eq(tierLevels.scheme, input.scheme), eq(tierLevels.code, input.code)),
    );
  if (clash)
    throw fieldError('code', `niveau ${input.code} bestaat al in deze indeling`, ErrorCode.Conflict, 'duplicate');
  const existing = await db
    .select({ id: tierLevels.id })
    .from(tierLevels)
    .where(and(eq(tierLevels.regionId, regionId), eq(tierLevels.scheme, input.scheme)));
  const [row] = await db
    .insert(tierLevels)
    .values({
      regionId,
      scheme: input.scheme,
      code: input.code,
      name: input.name,
      description: input.description ?? null,
      accountMeetingsPerYear: input.accountMeetingsPerYear ?? null,
      excludesCode: input.excludesCode ?? null,
      sortOrder: existing.length,
    })
    .returning();
  await bumpDataVersion(db, 'landscape');
  if (actor)
    await recordAudit(db, actor, { action: 'create', entity: 'tier-level', entityId: row!.id, regionId, after: row });
  return (await getRegion(db, regionId)).tierLevels.find((t) => t.id === row!.id)!;
}

export async function updateTierLevel(db: Db, actor: Actor, id: string, input: TierLevelUpdate) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tierLevels).where(eq(tierLevels.id, id));
    if (!before) throw new AppError(ErrorCode.NotFound, 'Dit niveau bestaat niet.');
    assertOwnRegion(actor, before.regionId, 'Dit niveau bestaat niet.');
    const [after] = await tx.update(tierLevels).set(input).where(eq(tierLevels.id, id)).returning();
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'tier-level',
      entityId: id,
      regionId: before.regionId,
      before,
      after,
    });
    return (await getRegion(tx, before.regionId)).tierLevels.find((t) => t.id === id)!;
  });
}

async function assertRegion(db: Db, regionId: string) {
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
  if (!region) throw new AppError(ErrorCode.NotFound, 'Deze regio bestaat niet.');
}
