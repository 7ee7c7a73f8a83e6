import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { combinationMembers, combinations, providers, regions } from '../../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../../http/errors.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { assertOwnRegionField, inOwnRegions, providerScope } from '../../../http/permission.js';

/**
 * The combinations of the actor's regions; an actor scoped to its own provider gets only those its provider is a
 * member of (the others' members, names and AGB codes are not its business).
 */
export async function listCombinations(db: Db, actor: Actor) {
  const own = providerScope(actor, 'combinations.read');
  const rows = await db
    .select()
    .from(combinations)
    .where(
      and(
        inOwnRegions(combinations.regionId, actor),
        own
          ? sql`${combinations.id} in (select ${combinationMembers.combinationId} from ${combinationMembers} where ${combinationMembers.providerId} = ${own})`
          : undefined,
      ),
    )
    .orderBy(asc(combinations.name));
  const members = rows.length
    ? await db
        .select({
          combinationId: combinationMembers.combinationId,
          id: providers.id,
          name: providers.name,
          agbCode: providers.agbCode,
        })
        .from(combinationMembers)
        .innerJoin(providers, eq(providers.id, combinationMembers.providerId))
        .where(
          inArray(
            combinationMembers.combinationId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(providers.name))
    : [];
  return rows.map((r) => ({
    id: r.id,
    regionId: r.regionId,
    name: r.name,
    leadProviderId: r.leadProviderId,
    members: members
      .filter((m) => m.combinationId === r.id)
      .map(({ id, name, agbCode }) => ({
        providerId: id,
        name,
        agbCode,
        role: id === r.leadProviderId ? ('hoofdaannemer' as const) : ('onderaannemer' as const),
      })),
  }));
}

export interface CombinationInput {
  regionId: string;
  name: string;
  leadProviderId: string;
  subcontractorIds: string[];
}

/** A combination is its lead provider plus subcontractors; the lead is always a member. */
export async function createCombination(db: Db, actor: Actor, input: CombinationInput) {
  assertOwnRegionField(actor, input.regionId);
  return db.transaction(async (tx) => {
    const [region] = await tx.select().from(regions).where(eq(regions.id, input.regionId));
    if (!region) throw fieldError('regionId', 'onbekende regio');
    const memberIds = [...new Set([input.leadProviderId, ...input.subcontractorIds])];
    const found = await tx.select({ id: providers.id }).from(providers).where(inArray(providers.id, memberIds));
    if (found.length !== memberIds.length) throw fieldError('subcontractorIds', 'een of meer aanbieders bestaan niet');
    const [clash] = await tx.select().from(combinations).where(eq(combinations.name, input.name));
    if (clash && clash.regionId === input.regionId)
      throw fieldError('name', 'er is al een combinatie met deze naam', ErrorCode.Conflict, 'duplicate');
    const [row] = await tx
      .insert(combinations)
      .values({ regionId: input.regionId, name: input.name, leadProviderId: input.leadProviderId })
      .returning();
    await tx.insert(combinationMembers).values(memberIds.map((providerId) => ({ combinationId: row!.id, providerId })));
    const after = (await listCombinations(tx, actor)).find((c) => c.id === row!.id);
    if (!after) throw new AppError(ErrorCode.Internal);
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'combination',
      entityId: row!.id,
      regionId: after.regionId,
      after,
    });
    return after;
  });
}
