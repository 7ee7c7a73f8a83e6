import { and, arrayContains, asc, count, eq, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import { runInOrder, type Db } from '../../../db/client.js';
import { providerLocations, providers, providerTiers, tierLevels } from '../../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../../http/errors.js';
import type { PageQuery } from '../../../http/openapi.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { providerScope } from '../../../http/permission.js';
import { sortOrder } from '../../../http/sorting.js';
import { assertMayEditProvider, assertMayReadProvider } from '../landscape.policy.js';
import type { Provider, ProviderCreate, ProviderQuery, ProviderUpdate } from './providers.schema.js';

/** Lists providers visible to the actor, filtered and paged, sorted by name. */
export async function listProviders(db: Db, actor: Actor, query: ProviderQuery & PageQuery) {
  const filters: SQL[] = [];
  const scope = providerScope(actor);
  if (scope) filters.push(eq(providers.id, scope));
  if (query.q) filters.push(or(ilike(providers.name, `%${query.q}%`), ilike(providers.agbCode, `${query.q}%`))!);
  if (query.domain) filters.push(arrayContains(providers.domains, [query.domain]));
  if (query.active) filters.push(eq(providers.active, query.active === 'true'));
  if (query.tierLevelId) {
    const ids = db
      .select({ id: providerTiers.providerId })
      .from(providerTiers)
      .where(eq(providerTiers.tierLevelId, query.tierLevelId));
    filters.push(inArray(providers.id, ids));
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await runInOrder([
    db
      .select({ id: providers.id })
      .from(providers)
      .where(where)
      .orderBy(
        ...sortOrder(query.sort, { name: providers.name, agbCode: providers.agbCode, kvkNumber: providers.kvkNumber }, [
          asc(providers.name),
          asc(providers.agbCode),
        ]),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(providers).where(where),
  ]);
  return {
    items: await presentProviders(
      db,
      rows.map((r) => r.id),
    ),
    total: Number(total?.n ?? 0),
  };
}

export async function getProvider(db: Db, actor: Actor, id: string): Promise<Provider> {
  assertMayReadProvider(actor, id);
  const [provider] = await presentProviders(db, [id]);
  if (!provider) throw new AppError(ErrorCode.NotFound, 'Deze aanbieder bestaat niet.');
  return provider;
}

export async function createProvider(db: Db, actor: Actor, input: ProviderCreate): Promise<Provider> {
  assertMayEditProvider(actor, '', Object.keys(input));
  return db.transaction(async (tx) => {
    await assertUniqueAgb(tx, input.agbCode);
    await assertValidTiers(tx, input.tierLevelIds);
    const [row] = await tx
      .insert(providers)
      .values({
        agbCode: input.agbCode,
        kvkNumber: input.kvkNumber ?? null,
        name: input.name,
        domains: input.domains,
        specialisations: input.specialisations,
        website: input.website ?? null,
        active: input.active,
      })
      .returning({ id: providers.id });
    await replaceLocations(tx, row!.id, input.locations);
    await replaceTiers(tx, row!.id, input.tierLevelIds);
    const [after] = await presentProviders(tx, [row!.id]);
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'provider',
      entityId: row!.id,
      regionId: null,
      after,
    });
    return after!;
  });
}

export async function updateProvider(db: Db, actor: Actor, id: string, input: ProviderUpdate): Promise<Provider> {
  const changed = Object.keys(input).filter((k) => input[k as keyof ProviderUpdate] !== undefined);
  assertMayReadProvider(actor, id);
  assertMayEditProvider(actor, id, changed);
  return db.transaction(async (tx) => {
    const [before] = await presentProviders(tx, [id]);
    if (!before) throw new AppError(ErrorCode.NotFound, 'Deze aanbieder bestaat niet.');
    if (input.agbCode && input.agbCode !== before.agbCode) await assertUniqueAgb(tx, input.agbCode, id);
    if (input.tierLevelIds) await assertValidTiers(tx, input.tierLevelIds);
    const { locations, tierLevelIds, ...columns } = input;
    await tx
      .update(providers)
      .set({ ...columns, updatedAt: new Date() })
      .where(eq(providers.id, id));
    if (locations) await replaceLocations(tx, id, locations);
    if (tierLevelIds) await replaceTiers(tx, id, tierLevelIds);
    const [after] = await presentProviders(tx, [id]);
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, { action: 'update', entity: 'provider', entityId: id, regionId: null, before, after });
    return after!;
  });
}

async function assertUniqueAgb(db: Db, agbCode: string, exceptId?: string) {
  const where = exceptId
    ? and(eq(providers.agbCode, agbCode), ne(providers.id, exceptId))
    : eq(providers.agbCode, agbCode);
  const [clash] = await db.select({ name: providers.name }).from(providers).where(where);
  if (clash)
    throw fieldError(
      'agbCode',
      `AGB-code ${agbCode} is al in gebruik door ${clash.name}`,
      ErrorCode.Conflict,
      'duplicate',
    );
}

/**
 * A provider has at most one level per region in the omvang scheme, and never two levels that exclude each other
 * (A systeemaanbieder and C flexaanbieder, GRJR §3.4).
 */
async function assertValidTiers(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  const levels = await db.select().from(tierLevels).where(inArray(tierLevels.id, ids));
  if (levels.length !== new Set(ids).size) throw fieldError('tierLevelIds', 'onbekend niveau gekozen');
  for (const level of levels) {
    const sameScheme = levels.filter((l) => l.regionId === level.regionId && l.scheme === level.scheme);
    if (level.scheme === 'omvang' && sameScheme.length > 1) {
      throw fieldError(
        'tierLevelIds',
        'kies één niveau (hoog, midden of basis) per regio',
        ErrorCode.Validation,
        'single-tier',
      );
    }
    const excluded = sameScheme.find((l) => l.code === level.excludesCode);
    if (excluded) {
      throw fieldError(
        'tierLevelIds',
        `${level.name} en ${excluded.name} sluiten elkaar uit`,
        ErrorCode.Validation,
        'exclusive-tiers',
      );
    }
  }
}

/**
 * Makes the provider's locations the given list. A location keeps its row (and what refers to it, such as its
 * availability entries) when it comes back with its id, or without one at the same name and postcode; the rest are
 * removed and new ones added.
 */
async function replaceLocations(db: Db, providerId: string, locations: ProviderCreate['locations']) {
  const existing = await db.select().from(providerLocations).where(eq(providerLocations.providerId, providerId));
  const kept = new Set<string>();
  const toInsert: Array<typeof providerLocations.$inferInsert> = [];
  for (const l of locations) {
    const values = {
      providerId,
      name: l.name,
      postcode: normalisePostcode(l.postcode),
      city: l.city ?? null,
      latitude: l.latitude ?? null,
      longitude: l.longitude ?? null,
    };
    const same =
      existing.find((e) => e.id === l.id && !kept.has(e.id)) ??
      existing.find((e) => !kept.has(e.id) && e.name === values.name && e.postcode === values.postcode);
    if (!same) {
      toInsert.push(values);
      continue;
    }
    kept.add(same.id);
    // Coordinates left out (not null) keep what the location had: a client that does not know them clears nothing.
    const keepPoint = l.latitude === undefined && l.longitude === undefined;
    await db
      .update(providerLocations)
      .set(keepPoint ? { ...values, latitude: same.latitude, longitude: same.longitude } : values)
      .where(eq(providerLocations.id, same.id));
  }
  const gone = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
  if (gone.length) await db.delete(providerLocations).where(inArray(providerLocations.id, gone));
  if (toInsert.length) await db.insert(providerLocations).values(toInsert);
}

async function replaceTiers(db: Db, providerId: string, ids: string[]) {
  await db.delete(providerTiers).where(eq(providerTiers.providerId, providerId));
  if (ids.length)
    await db.insert(providerTiers).values([...new Set(ids)].map((tierLevelId) => ({ providerId, tierLevelId })));
}

function normalisePostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

/** Turns rows into the API shape, loading locations and tiers in two queries for the whole page. */
async function presentProviders(db: Db, ids: string[]): Promise<Provider[]> {
  if (ids.length === 0) return [];
  const [rows, locations, tiers] = await runInOrder([
    db.select().from(providers).where(inArray(providers.id, ids)),
    db
      .select()
      .from(providerLocations)
      .where(inArray(providerLocations.providerId, ids))
      .orderBy(asc(providerLocations.name)),
    db
      .select({ providerId: providerTiers.providerId, level: tierLevels })
      .from(providerTiers)
      .innerJoin(tierLevels, eq(tierLevels.id, providerTiers.tierLevelId))
      .where(inArray(providerTiers.providerId, ids))
      .orderBy(asc(tierLevels.scheme), asc(tierLevels.sortOrder)),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        agbCode: r.agbCode,
        kvkNumber: r.kvkNumber,
        name: r.name,
        domains: r.domains as Provider['domains'],
        specialisations: r.specialisations,
        website: r.website,
        active: r.active,
        locations: locations
          .filter((l) => l.providerId === id)
          .map((l) => ({
            id: l.id,
            name: l.name,
            postcode: l.postcode,
            city: l.city,
            latitude: l.latitude,
            longitude: l.longitude,
          })),
        tiers: tiers
          .filter((t) => t.providerId === id)
          .map((t) => ({
            id: t.level.id,
            regionId: t.level.regionId,
            scheme: t.level.scheme as 'omvang' | 'rol',
            code: t.level.code,
            name: t.level.name,
          })),
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      },
    ];
  });
}

/**
 * Makes a provider's tier levels in one region the given ones (the other regions' levels stay), under the same rules
 * as the provider form: one omvang level per region, never two levels that exclude each other. Supplier management
 * calls it when a person confirms or overrides a suggested tier, inside its own transaction and audit entry.
 * Returns the level codes before and after, per scheme.
 */
export async function setRegionTiers(
  db: Db,
  providerId: string,
  regionId: string,
  tierLevelIds: string[],
): Promise<{ before: TierCodes; after: TierCodes }> {
  const levels = tierLevelIds.length
    ? await db.select().from(tierLevels).where(inArray(tierLevels.id, tierLevelIds))
    : [];
  if (levels.some((l) => l.regionId !== regionId)) throw fieldError('tierLevelIds', 'niveau hoort niet bij deze regio');
  await assertValidTiers(db, tierLevelIds);
  const current = await db
    .select({ level: tierLevels })
    .from(providerTiers)
    .innerJoin(tierLevels, eq(tierLevels.id, providerTiers.tierLevelId))
    .where(and(eq(providerTiers.providerId, providerId), eq(tierLevels.regionId, regionId)));
  const gone = current.map((c) => c.level.id);
  if (gone.length)
    await db
      .delete(providerTiers)
      .where(and(eq(providerTiers.providerId, providerId), inArray(providerTiers.tierLevelId, gone)));
  if (tierLevelIds.length)
    await db
      .insert(providerTiers)
      .values([...new Set(tierLevelIds)].map((tierLevelId) => ({ providerId, tierLevelId })));
  await bumpDataVersion(db, 'landscape');
  return { before: codesOf(current.map((c) => c.level)), after: codesOf(levels) };
}

export type TierCodes = Partial<Record<'omvang' | 'rol', string[]>>;

function codesOf(levels: Array<{ scheme: string; code: string; sortOrder: number }>): TierCodes {
  const out: TierCodes = {};
  for (const l of [...levels].sort((a, b) => a.sortOrder - b.sortOrder))
    (out[l.scheme as 'omvang' | 'rol'] ??= []).push(l.code);
  return out;
}

/** Every provider's tier levels in a region (provider id, level id, scheme, code), for supplier management. */
export async function listRegionTiers(db: Db, regionId: string) {
  const rows = await db
    .select({
      providerId: providerTiers.providerId,
      tierLevelId: tierLevels.id,
      scheme: tierLevels.scheme,
      code: tierLevels.code,
      name: tierLevels.name,
    })
    .from(providerTiers)
    .innerJoin(tierLevels, eq(tierLevels.id, providerTiers.tierLevelId))
    .where(eq(tierLevels.regionId, regionId))
    .orderBy(asc(tierLevels.scheme), asc(tierLevels.sortOrder));
  return rows.map((r) => ({ ...r, scheme: r.scheme as 'omvang' | 'rol' }));
}
