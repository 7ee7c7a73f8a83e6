import { z } from '@hono/zod-openapi';
import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { lots, products, productTariffs } from '../../../db/schema/index.js';
import { fieldError } from '../../../http/errors.js';
import { assertOwnRegionField, inOwnRegions } from '../../../http/permission.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import { indexAmount, roundingRules, ZPercent, ZRounding } from '../bulk/indexation.js';

const ZYear = z.number().int().min(2015, 'jaar vanaf 2015').max(2100);

export const ZTariffIndexation = z
  .object({
    regionId: z.uuid({ message: 'kies een regio' }),
    lotId: z.uuid({ message: 'kies een perceel' }).nullable().default(null).describe('Leeg: alle producten'),
    fromYear: ZYear.describe('Het jaar waarvan het tarief wordt geïndexeerd'),
    toYear: ZYear.describe('Het jaar van het nieuwe tarief'),
    percent: ZPercent.describe('Indexatie in procenten (2,5 → 2.5)'),
    rounding: ZRounding,
  })
  .refine((v) => v.toYear !== v.fromYear, { message: 'kies een ander jaar dan het bronjaar', path: ['toYear'] })
  .openapi('TariffIndexation');
export type TariffIndexation = z.infer<typeof ZTariffIndexation>;

export const ZTariffIndexationResult = z
  .object({
    regionId: z.uuid(),
    lotId: z.uuid().nullable(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    percent: z.number(),
    rounding: z.enum(roundingRules),
    applied: z.boolean().describe('false: alleen een voorbeeld, er is niets opgeslagen'),
    created: z.number().int().describe('Vastgelegde tarieven (0 in een voorbeeld)'),
    rows: z.array(
      z.object({
        productId: z.uuid(),
        productCode: z.string(),
        name: z.string(),
        lotName: z.string().nullable(),
        fromTariff: z.number().nullable().describe('Tarief in het bronjaar; leeg: geen tarief, dus niet te indexeren'),
        tariff: z.number().nullable().describe('Het geïndexeerde tarief'),
        existing: z.number().nullable().describe('Het tarief dat het nieuwe jaar al heeft; dat blijft staan'),
        action: z.enum(['create', 'keep', 'missing']),
      }),
    ),
  })
  .openapi('TariffIndexationResult');
export type TariffIndexationResult = z.infer<typeof ZTariffIndexationResult>;

/** Products of the region (and lot) that are valid on some day of the year. */
const validIn = (year: number): SQL =>
  and(lte(products.validFrom, `${year}-12-31`), or(isNull(products.validTo), gte(products.validTo, `${year}-01-01`)))!;

/**
 * The yearly tariff indexation: every product of a lot (or of the region) valid in the new year gets the tariff of
 * the source year raised by the percentage and rounded by the rule. A product that already has a tariff for the new
 * year keeps it (`keep`); one without a tariff in the source year is listed (`missing`) and left alone. `apply`
 * false is the preview; true stores the new tariffs in one transaction, one audit event per product.
 */
export async function indexTariffs(
  db: Db,
  actor: Actor,
  input: TariffIndexation,
  apply: boolean,
): Promise<TariffIndexationResult> {
  assertOwnRegionField(actor, input.regionId);
  const run = async (tx: Db) => {
    if (input.lotId) {
      const [lot] = await tx.select().from(lots).where(eq(lots.id, input.lotId));
      if (!lot || lot.regionId !== input.regionId) throw fieldError('lotId', 'dit perceel hoort niet bij de regio');
    }
    const found = await tx
      .select({ id: products.id, productCode: products.productCode, name: products.name, lotName: lots.name })
      .from(products)
      .leftJoin(lots, eq(lots.id, products.lotId))
      .where(
        and(
          eq(products.regionId, input.regionId),
          input.lotId ? eq(products.lotId, input.lotId) : undefined,
          validIn(input.toYear),
          isNull(products.withdrawnAt),
        ),
      )
      .orderBy(asc(products.productCode));
    const ids = found.map((p) => p.id);
    const tariffs = ids.length
      ? await tx
          .select()
          .from(productTariffs)
          .where(
            and(inArray(productTariffs.productId, ids), inArray(productTariffs.year, [input.fromYear, input.toYear])),
          )
      : [];
    const tariffOf = (id: string, year: number) =>
      tariffs.find((t) => t.productId === id && t.year === year)?.tariff ?? null;
    const rows = found.map((p) => {
      const from = tariffOf(p.id, input.fromYear);
      const had = tariffOf(p.id, input.toYear);
      const indexed = from === null ? null : indexAmount(from, input.percent, input.rounding);
      return {
        productId: p.id,
        productCode: p.productCode,
        name: p.name,
        lotName: p.lotName,
        fromTariff: from === null ? null : Number(from),
        tariff: indexed === null ? null : Number(indexed),
        stored: indexed,
        existing: had === null ? null : Number(had),
        action: had !== null ? ('keep' as const) : indexed === null ? ('missing' as const) : ('create' as const),
      };
    });
    let created = 0;
    if (apply) {
      for (const row of rows) {
        if (row.action !== 'create' || row.stored === null) continue;
        await tx.insert(productTariffs).values({ productId: row.productId, year: input.toYear, tariff: row.stored });
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'product',
          entityId: row.productId,
          regionId: input.regionId,
          label: `${row.productCode} ${row.name}`,
          before: { tariffs: [{ year: input.fromYear, tariff: row.fromTariff }] },
          after: {
            tariffs: [{ year: input.toYear, tariff: row.tariff }],
            indexation: { percent: input.percent, rounding: input.rounding, fromYear: input.fromYear },
          },
        });
        created += 1;
      }
      if (created) await bumpDataVersion(tx, 'landscape');
    }
    return {
      regionId: input.regionId,
      lotId: input.lotId,
      fromYear: input.fromYear,
      toYear: input.toYear,
      percent: input.percent,
      rounding: input.rounding,
      applied: apply,
      created,
      rows: rows.map(({ stored: _stored, ...r }) => r),
    };
  };
  return apply ? db.transaction((tx) => run(tx)) : run(db);
}

export const ZMissingTariffQuery = z.object({
  regionId: z.uuid().optional(),
  lotId: z.uuid().optional(),
  throughYear: z.coerce
    .number()
    .int()
    .min(2015)
    .max(2100)
    .optional()
    .describe('Tot en met dit jaar (standaard: dit jaar); een product zonder einddatum geldt tot dan'),
});

export const ZMissingTariff = z
  .object({
    productId: z.uuid(),
    productCode: z.string(),
    name: z.string(),
    lotName: z.string().nullable(),
    missingYears: z.array(z.number().int()),
  })
  .openapi('MissingTariff');
export type MissingTariff = z.infer<typeof ZMissingTariff>;

/**
 * Products without a tariff for a year they are valid in, up to `throughYear`: what the indexation could not fill
 * (no tariff in the source year) and what was never entered. An open-ended product counts as valid through that year.
 */
export async function listMissingTariffs(
  db: Db,
  actor: Actor,
  query: z.infer<typeof ZMissingTariffQuery>,
  today = new Date(),
): Promise<MissingTariff[]> {
  const through = query.throughYear ?? today.getFullYear();
  const found = await db
    .select({
      id: products.id,
      productCode: products.productCode,
      name: products.name,
      lotName: lots.name,
      validFrom: products.validFrom,
      validTo: products.validTo,
    })
    .from(products)
    .leftJoin(lots, eq(lots.id, products.lotId))
    .where(
      and(
        inOwnRegions(products.regionId, actor),
        query.regionId ? eq(products.regionId, query.regionId) : undefined,
        query.lotId ? eq(products.lotId, query.lotId) : undefined,
        lte(products.validFrom, `${through}-12-31`),
        isNull(products.withdrawnAt),
      ),
    )
    .orderBy(asc(products.productCode));
  const ids = found.map((p) => p.id);
  const tariffs = ids.length
    ? await db
        .select({ productId: productTariffs.productId, year: productTariffs.year })
        .from(productTariffs)
        .where(inArray(productTariffs.productId, ids))
    : [];
  return found.flatMap((p) => {
    const first = Number(p.validFrom.slice(0, 4));
    const last = Math.min(through, p.validTo ? Number(p.validTo.slice(0, 4)) : through);
    const have = new Set(tariffs.filter((t) => t.productId === p.id).map((t) => t.year));
    const missingYears: number[] = [];
    for (let year = first; year <= last; year += 1) if (!have.has(year)) missingYears.push(year);
    if (!missingYears.length) return [];
    return [{ productId: p.id, productCode: p.productCode, name: p.name, lotName: p.lotName, missingYears }];
  });
}
