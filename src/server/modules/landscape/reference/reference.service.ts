import { asc, eq, inArray } from 'drizzle-orm';
import { runInOrder, type Db } from '../../../db/client.js';
import { budgetLines, combinationMembers, combinations, lots, municipalities, providers, regions, tierLevels } from '../../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../../http/errors.js';
import type { Actor } from '../../auth/auth.service.js';
import { recordAudit } from '../../audit/audit.service.js';

/** Regions with their municipalities, lots, budget lines and tier levels: the frame the rest hangs on. */
export async function listRegions(db: Db) {
  const [rs, ms, ls, bs, ts] = await runInOrder([
    db.select().from(regions).orderBy(asc(regions.name)),
    db.select().from(municipalities).orderBy(asc(municipalities.name)),
    db.select().from(lots).orderBy(asc(lots.name)),
    db.select().from(budgetLines).orderBy(asc(budgetLines.name)),
    db.select().from(tierLevels).orderBy(asc(tierLevels.scheme), asc(tierLevels.sortOrder)),
  ]);
  return rs.map((r) => ({
    id: r.id, code: r.code, name: r.name,
    municipalities: ms.filter((m) => m.regionId === r.id).map(({ id, cbsCode, name }) => ({ id, cbsCode, name })),
    lots: ls.filter((l) => l.regionId === r.id).map(({ id, code, name }) => ({ id, code, name })),
    budgetLines: bs.filter((b) => b.regionId === r.id).map(({ id, code, name }) => ({ id, code, name })),
    tierLevels: ts.filter((t) => t.regionId === r.id).map((t) => ({
      id: t.id, scheme: t.scheme as 'omvang' | 'rol', code: t.code, name: t.name, description: t.description,
      accountMeetingsPerYear: t.accountMeetingsPerYear, excludesCode: t.excludesCode,
    })),
  }));
}

export async function listCombinations(db: Db) {
  const rows = await db.select().from(combinations).orderBy(asc(combinations.name));
  const members = rows.length
    ? await db.select({ combinationId: combinationMembers.combinationId, id: providers.id, name: providers.name, agbCode: providers.agbCode })
      .from(combinationMembers).innerJoin(providers, eq(providers.id, combinationMembers.providerId))
      .where(inArray(combinationMembers.combinationId, rows.map((r) => r.id))).orderBy(asc(providers.name))
    : [];
  return rows.map((r) => ({
    id: r.id, regionId: r.regionId, name: r.name, leadProviderId: r.leadProviderId,
    members: members.filter((m) => m.combinationId === r.id).map(({ id, name, agbCode }) => ({
      providerId: id, name, agbCode, role: id === r.leadProviderId ? 'hoofdaannemer' as const : 'onderaannemer' as const,
    })),
  }));
}

export interface CombinationInput { regionId: string; name: string; leadProviderId: string; subcontractorIds: string[] }

/** A combination is its lead provider plus subcontractors; the lead is always a member. */
export async function createCombination(db: Db, actor: Actor, input: CombinationInput) {
  return db.transaction(async (tx) => {
    const [region] = await tx.select().from(regions).where(eq(regions.id, input.regionId));
    if (!region) throw fieldError('regionId', 'onbekende regio');
    const memberIds = [...new Set([input.leadProviderId, ...input.subcontractorIds])];
    const found = await tx.select({ id: providers.id }).from(providers).where(inArray(providers.id, memberIds));
    if (found.length !== memberIds.length) throw fieldError('subcontractorIds', 'een of meer aanbieders bestaan niet');
    const [clash] = await tx.select().from(combinations).where(eq(combinations.name, input.name));
    if (clash && clash.regionId === input.regionId) throw fieldError('name', 'er is al een combinatie met deze naam', ErrorCode.Conflict, 'duplicate');
    const [row] = await tx.insert(combinations).values({ regionId: input.regionId, name: input.name, leadProviderId: input.leadProviderId }).returning();
    await tx.insert(combinationMembers).values(memberIds.map((providerId) => ({ combinationId: row!.id, providerId })));
    const after = (await listCombinations(tx)).find((c) => c.id === row!.id);
    if (!after) throw new AppError(ErrorCode.Internal);
    await recordAudit(tx, actor, { action: 'create', entity: 'combination', entityId: row!.id, after });
    return after;
  });
}

export interface RegionInput {
  code: string;
  name: string;
  municipalities: Array<{ cbsCode: string; name: string }>;
  lots: Array<{ code: string; name: string }>;
  budgetLines: Array<{ code: string; name: string }>;
  tierLevels: Array<{ scheme: 'omvang' | 'rol'; code: string; name: string; description?: string; accountMeetingsPerYear?: number; excludesCode?: string }>;
}

/** Sets up a region's frame in one transaction; used by the demo seed, the CLI and test factories. */
export async function createRegion(db: Db, actor: Actor | null, input: RegionInput) {
  return db.transaction(async (tx) => {
    const [region] = await tx.insert(regions).values({ code: input.code, name: input.name }).returning();
    const regionId = region!.id;
    if (input.municipalities.length) await tx.insert(municipalities).values(input.municipalities.map((m) => ({ ...m, regionId })));
    if (input.lots.length) await tx.insert(lots).values(input.lots.map((l) => ({ ...l, regionId })));
    if (input.budgetLines.length) await tx.insert(budgetLines).values(input.budgetLines.map((b) => ({ ...b, regionId })));
    if (input.tierLevels.length) {
      await tx.insert(tierLevels).values(input.tierLevels.map((t, i) => ({
        regionId, scheme: t.scheme, code: t.code, name: t.name, description: t.description ?? null,
        accountMeetingsPerYear: t.accountMeetingsPerYear ?? null, excludesCode: t.excludesCode ?? null, sortOrder: i,
      })));
    }
    const [after] = (await listRegions(tx)).filter((r) => r.id === regionId);
    await recordAudit(tx, actor, { action: 'create', entity: 'region', entityId: regionId, after });
    return after!;
  });
}

/** The two tier schemes of the seeds: by size and risk (Lekstroom) and by role (GRJR), where A and C exclude each other. */
export const defaultTierLevels: RegionInput['tierLevels'] = [
  { scheme: 'omvang', code: 'hoog', name: 'Hoog', description: 'Groot budget of hoog risico', accountMeetingsPerYear: 3 },
  { scheme: 'omvang', code: 'midden', name: 'Midden', accountMeetingsPerYear: 2 },
  { scheme: 'omvang', code: 'basis', name: 'Basis', accountMeetingsPerYear: 2 },
  { scheme: 'rol', code: 'A', name: 'A systeemaanbieder', description: 'Brede opdracht, strategisch partner', excludesCode: 'C' },
  { scheme: 'rol', code: 'B', name: 'B prestatieaanbieder', description: 'Een of meer percelen specifieke zorg' },
  { scheme: 'rol', code: 'C', name: 'C flexaanbieder', description: 'Extra volume op afroep', excludesCode: 'A' },
];
