import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { experienceBatches, experienceTokens, products, providers } from '../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import type { Secrets } from '../../security/secrets.js';
import { experienceLimits, type ExperienceAudience } from '../../../shared/experience.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import { countEndedYouths } from '../exchange/index.js';
import { getRegion } from '../landscape/index.js';
import { currentQuestionnaire } from './questionnaires.service.js';
import { answerPath, hashOf, newSeed, openSeed, tokenAt } from './tokens.js';

export interface BatchCreate {
  providerId: string;
  productId: string;
  audience: ExperienceAudience;
  /** By number, or the youths whose care of this provider and product ended in [endedFrom, endedTo]. */
  source: 'count' | 'ended';
  count?: number | undefined;
  endedFrom?: string | undefined;
  endedTo?: string | undefined;
  validDays?: number | undefined;
}

export interface InvitationBatch {
  id: string;
  provider: { id: string; name: string; agbCode: string };
  product: { id: string; code: string; name: string; category: string };
  audience: ExperienceAudience;
  questionnaireVersion: number;
  source: 'count' | 'ended';
  endedFrom: string | null;
  endedTo: string | null;
  size: number;
  used: number;
  /** False for the demo's batches, which have no links to download (no seed). */
  links: boolean;
  expiresAt: string;
  createdByName: string;
  createdAt: string;
}

/** An aanbieder makes and reads only its own provider's batches; the region's backoffice every provider's. */
function assertProvider(actor: Actor, providerId: string): void {
  if (actor.role === 'aanbieder' && actor.providerId !== providerId)
    throw new AppError(ErrorCode.Forbidden, 'U kunt alleen uitnodigingen voor uw eigen organisatie maken en zien.');
}

async function productInRegion(db: Db, regionId: string, productId: string) {
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  if (!product || product.regionId !== regionId) throw fieldError('productId', 'onbekend product in deze regio');
  if (product.withdrawnAt) throw fieldError('productId', 'dit product is ingetrokken (een vergissing)');
  return product;
}

/**
 * A batch of one-time invitations: the tokens' hashes are written with the batch in the caller's transaction, so a
 * batch is there whole or not at all. Made from ended care, its size is the number of youths (no pseudonym is read).
 */
export async function createBatch(
  db: Db,
  actor: Actor,
  secrets: Secrets,
  regionId: string,
  input: BatchCreate,
): Promise<InvitationBatch> {
  assertProvider(actor, input.providerId);
  const [provider] = await db.select().from(providers).where(eq(providers.id, input.providerId));
  if (!provider) throw fieldError('providerId', 'onbekende aanbieder');
  const product = await productInRegion(db, regionId, input.productId);
  let size = input.count ?? 0;
  let municipalityId: string | null = null;
  if (input.source === 'ended') {
    if (!input.endedFrom || !input.endedTo || input.endedFrom > input.endedTo)
      throw fieldError('endedTo', 'geef een periode: endedFrom tot en met endedTo');
    const region = await getRegion(db, regionId);
    const ended = (codes: string[]) =>
      countEndedYouths(db, {
        municipalityCodes: codes,
        providerAgb: provider.agbCode,
        productCode: product.productCode,
        from: input.endedFrom!,
        to: input.endedTo!,
      });
    size = await ended(region.municipalities.map((m) => m.cbsCode));
    // The batch knows its municipality when all its youths were one municipality's care (results per municipality).
    for (const m of region.municipalities) if (size > 0 && (await ended([m.cbsCode])) === size) municipalityId = m.id;
    if (size === 0)
      throw fieldError('endedFrom', 'in deze periode eindigde bij deze aanbieder geen zorg met dit product');
    if (size > experienceLimits.maxBatchSize)
      throw fieldError('endedFrom', `meer dan ${experienceLimits.maxBatchSize} jeugdigen; kies een kortere periode`);
  } else if (!Number.isInteger(size) || size < 1 || size > experienceLimits.maxBatchSize) {
    throw fieldError('count', `een aantal van 1 tot en met ${experienceLimits.maxBatchSize}`);
  }
  const questionnaire = await currentQuestionnaire(db, regionId, input.audience);
  const validDays = input.validDays ?? experienceLimits.defaultTokenDays;
  const expiresAt = new Date(Date.now() + validDays * 86_400_000);
  const { seed, sealed } = newSeed(secrets);
  const [batch] = await db
    .insert(experienceBatches)
    .values({
      regionId,
      providerId: provider.id,
      productId: product.id,
      questionnaireId: questionnaire.id,
      source: input.source,
      endedFrom: input.source === 'ended' ? input.endedFrom! : null,
      endedTo: input.source === 'ended' ? input.endedTo! : null,
      municipalityId,
      size,
      seedEncrypted: sealed,
      expiresAt,
      createdBy: actor.id,
      createdByName: actor.name,
    })
    .returning();
  const hashes = Array.from({ length: size }, (_, i) => ({ tokenHash: hashOf(tokenAt(seed, i)), batchId: batch!.id }));
  for (let i = 0; i < hashes.length; i += 500) await db.insert(experienceTokens).values(hashes.slice(i, i + 500));
  await recordAudit(db, actor, {
    action: 'create',
    entity: 'invitation-batch',
    entityId: batch!.id,
    regionId,
    label: `${size} uitnodigingen ${provider.name} ${product.productCode}`,
    after: {
      provider: provider.name,
      product: product.productCode,
      audience: input.audience,
      size,
      source: input.source,
    },
  });
  const [made] = await batchRows(db, eq(experienceBatches.id, batch!.id), 1);
  return made!;
}

export interface BatchListQuery {
  /** Only this provider's batches (the region's backoffice; an aanbieder sees only its own anyway). */
  providerId?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * A page of the region's batches (an aanbieder: its own), newest first, with how many invitations were answered. A
 * region has hundreds of batches a year, so the list is paged; the answered count is read for the page's rows only.
 */
export async function listBatches(
  db: Db,
  actor: Actor,
  regionId: string,
  query: BatchListQuery,
): Promise<{ items: InvitationBatch[]; total: number }> {
  const where = and(
    eq(experienceBatches.regionId, regionId),
    actor.role === 'aanbieder' ? eq(experienceBatches.providerId, actor.providerId ?? sql`null`) : undefined,
    query.providerId ? eq(experienceBatches.providerId, query.providerId) : undefined,
  );
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(experienceBatches).where(where);
  const items = await batchRows(db, where, query.pageSize, (query.page - 1) * query.pageSize);
  return { items, total: Number(n) };
}

/** Batches as the API shows them, newest first (the id breaks ties, so pages do not overlap). */
async function batchRows(db: Db, where: SQL | undefined, limit: number, offset = 0): Promise<InvitationBatch[]> {
  const rows = await db
    .select({
      batch: experienceBatches,
      provider: { id: providers.id, name: providers.name, agbCode: providers.agbCode },
      product: { id: products.id, code: products.productCode, name: products.name, category: products.productCategory },
      audience: sql<string>`(select audience from experience_questionnaires q where q.id = ${experienceBatches.questionnaireId})`,
      version: sql<number>`(select version from experience_questionnaires q where q.id = ${experienceBatches.questionnaireId})`,
      used: sql<number>`(select count(*) from experience_tokens t where t.batch_id = ${experienceBatches.id} and t.used_month is not null)`,
    })
    .from(experienceBatches)
    .innerJoin(providers, eq(providers.id, experienceBatches.providerId))
    .innerJoin(products, eq(products.id, experienceBatches.productId))
    .where(where)
    .orderBy(desc(experienceBatches.createdAt), desc(experienceBatches.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({
    id: r.batch.id,
    provider: r.provider,
    product: r.product,
    audience: r.audience as ExperienceAudience,
    questionnaireVersion: Number(r.version),
    source: r.batch.source as 'count' | 'ended',
    endedFrom: r.batch.endedFrom,
    endedTo: r.batch.endedTo,
    size: r.batch.size,
    used: Number(r.used ?? 0),
    links: r.batch.seedEncrypted !== null,
    expiresAt: r.batch.expiresAt.toISOString(),
    createdByName: r.batch.createdByName,
    createdAt: r.batch.createdAt.toISOString(),
  }));
}

/** The batch's links again, for the provider to hand out: one row per invitation, in order. */
export async function batchLinks(
  db: Db,
  actor: Actor,
  secrets: Secrets,
  batchId: string,
  origin: string,
): Promise<{ batch: typeof experienceBatches.$inferSelect; links: string[] }> {
  const [batch] = await db.select().from(experienceBatches).where(eq(experienceBatches.id, batchId));
  if (!batch || !actor.regionIds.includes(batch.regionId))
    throw new AppError(ErrorCode.NotFound, 'Deze reeks uitnodigingen bestaat niet.');
  assertProvider(actor, batch.providerId);
  if (!batch.seedEncrypted)
    throw new AppError(
      ErrorCode.Conflict,
      'Deze reeks hoort bij de demogegevens en heeft geen links om te downloaden. Maak een nieuwe reeks.',
    );
  const seed = openSeed(secrets, batch.seedEncrypted);
  return { batch, links: Array.from({ length: batch.size }, (_, i) => `${origin}${answerPath(tokenAt(seed, i))}`) };
}
