import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { combinationMembers, combinations, contracts, providers, regions } from '../../../db/schema/index.js';
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
    endedOn: r.endedOn,
    endReason: r.endReason,
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

export interface CombinationUpdate {
  name: string;
  leadProviderId: string;
  subcontractorIds: string[];
  /** Its last day; with a reason. Null: it exists (again). */
  endedOn: string | null;
  endReason: string | null;
}

/**
 * Changes a combination's name and members, or ends it. Members count for the contracts the combination holds (the
 * figures read them as they are now, as for a provider's contracts); ending it is refused while one of its contracts
 * runs past that day, so no contract is left held by a combination that no longer exists.
 */
export async function updateCombination(db: Db, actor: Actor, id: string, input: CombinationUpdate) {
  return db.transaction(async (tx) => {
    const before = (await listCombinations(tx, actor)).find((c) => c.id === id);
    if (!before) throw new AppError(ErrorCode.NotFound, 'Deze combinatie bestaat niet.');
    if ((input.endedOn === null) !== (input.endReason === null || input.endReason.trim() === ''))
      throw input.endedOn
        ? fieldError('endReason', 'geef een reden voor het beëindigen')
        : fieldError('endedOn', 'geef de laatste dag van de combinatie');
    const memberIds = [...new Set([input.leadProviderId, ...input.subcontractorIds])];
    const found = await tx.select({ id: providers.id }).from(providers).where(inArray(providers.id, memberIds));
    if (found.length !== memberIds.length) throw fieldError('subcontractorIds', 'een of meer aanbieders bestaan niet');
    const [clash] = await tx
      .select()
      .from(combinations)
      .where(and(eq(combinations.regionId, before.regionId), eq(combinations.name, input.name)));
    if (clash && clash.id !== id)
      throw fieldError('name', 'er is al een combinatie met deze naam', ErrorCode.Conflict, 'duplicate');
    if (input.endedOn) {
      const [running] = await tx
        .select({ reference: contracts.reference, endDate: contracts.endDate })
        .from(contracts)
        .where(and(eq(contracts.combinationId, id), sql`${contracts.endDate} > ${input.endedOn}`))
        .limit(1);
      if (running)
        throw fieldError(
          'endedOn',
          `contract ${running.reference} van deze combinatie loopt tot ${running.endDate}: beëindig of wijzig eerst het contract`,
        );
    }
    await tx
      .update(combinations)
      .set({
        name: input.name,
        leadProviderId: input.leadProviderId,
        endedOn: input.endedOn,
        endReason: input.endedOn ? input.endReason!.trim() : null,
      })
      .where(eq(combinations.id, id));
    await tx.delete(combinationMembers).where(eq(combinationMembers.combinationId, id));
    await tx.insert(combinationMembers).values(memberIds.map((providerId) => ({ combinationId: id, providerId })));
    const after = (await listCombinations(tx, actor)).find((c) => c.id === id)!;
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'combination',
      entityId: id,
      regionId: after.regionId,
      before,
      after,
    });
    return after;
  });
}
