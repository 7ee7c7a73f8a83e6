import { and, asc, count, eq, ilike, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import { runInOrder, type Db } from '../../../db/client.js';
import { lots, products, productTariffs, regions } from '../../../db/schema/index.js';
import { describeCode } from '../../../../shared/codelists/index.js';
import { AppError, ErrorCode, fieldError } from '../../../http/errors.js';
import type { PageQuery } from '../../../http/openapi.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { assertOwnRegion, assertOwnRegionField, inOwnRegions } from '../../../http/permission.js';
import { sortOrder } from '../../../http/sorting.js';
import type { Product, ProductCreate, ProductQuery, ProductUpdate } from './products.schema.js';
import { presentWithdrawn } from '../withdrawals/withdrawals.schema.js';

/** The product catalogue is the region's offer: every signed-in role reads its own region's. */
export async function listProducts(db: Db, actor: Actor, query: ProductQuery & PageQuery) {
  const filters: SQL[] = [inOwnRegions(products.regionId, actor)];
  if (query.q) filters.push(or(ilike(products.productCode, `${query.q}%`), ilike(products.name, `%${query.q}%`))!);
  if (query.regionId) filters.push(eq(products.regionId, query.regionId));
  if (query.lotId) filters.push(eq(products.lotId, query.lotId));
  if (query.productCategory) filters.push(eq(products.productCategory, query.productCategory));
  if (query.withStay) filters.push(eq(products.withStay, query.withStay === 'true'));
  if (query.includeWithdrawn !== 'true') filters.push(isNull(products.withdrawnAt));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await runInOrder([
    db
      .select({ id: products.id })
      .from(products)
      .where(where)
      .orderBy(
        ...sortOrder(
          query.sort,
          {
            productCode: products.productCode,
            name: products.name,
            productCategory: products.productCategory,
            unit: products.unit,
            validFrom: products.validFrom,
            validTo: products.validTo,
          },
          [asc(products.productCategory), asc(products.productCode), asc(products.id)],
        ),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(products).where(where),
  ]);
  return {
    items: await presentProducts(
      db,
      rows.map((r) => r.id),
    ),
    total: Number(total?.n ?? 0),
  };
}

export async function getProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  const [product] = await presentProducts(db, [id]);
  if (!product) throw new AppError(ErrorCode.NotFound, 'Dit product bestaat niet.');
  assertOwnRegion(actor, product.regionId, 'Dit product bestaat niet.');
  return product;
}

export async function createProduct(db: Db, actor: Actor, input: ProductCreate): Promise<Product> {
  assertOwnRegionField(actor, input.regionId);
  return db.transaction(async (tx) => {
    await assertConsistent(tx, input);
    const { tariffs, ...columns } = input;
    const [row] = await tx
      .insert(products)
      .values({
        ...columns,
        lotId: columns.lotId ?? null,
        intensity: columns.intensity ?? null,
        stayForm: columns.withStay ? (columns.stayForm ?? null) : null,
        travelHoursPerFte: columns.travelHoursPerFte ?? null,
        validTo: columns.validTo ?? null,
      })
      .returning({ id: products.id });
    await replaceTariffs(tx, row!.id, tariffs);
    const [after] = await presentProducts(tx, [row!.id]);
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'product',
      entityId: row!.id,
      regionId: after!.regionId,
      after,
    });
    return after!;
  });
}

export async function updateProduct(db: Db, actor: Actor, id: string, input: ProductUpdate): Promise<Product> {
  return db.transaction(async (tx) => {
    const [before] = await presentProducts(tx, [id]);
    if (!before) throw new AppError(ErrorCode.NotFound, 'Dit product bestaat niet.');
    assertOwnRegion(actor, before.regionId, 'Dit product bestaat niet.');
    if (before.withdrawn)
      throw new AppError(ErrorCode.Conflict, 'Dit product is ingetrokken. Herstel het eerst als u het wilt wijzigen.');
    const merged = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    } as ProductCreate;
    if (merged.validTo && merged.validTo < merged.validFrom)
      throw fieldError('validTo', 'einddatum ligt voor de begindatum');
    await assertConsistent(tx, merged, id);
    const { tariffs, ...columns } = input;
    // Care without stay has no stay form: turning *met verblijf* off clears it.
    const stayForm = merged.withStay === false ? { stayForm: null } : {};
    await tx
      .update(products)
      .set({ ...columns, ...stayForm, updatedAt: new Date() })
      .where(eq(products.id, id));
    if (tariffs) await replaceTariffs(tx, id, tariffs);
    const [after] = await presentProducts(tx, [id]);
    await bumpDataVersion(tx, 'landscape');
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'product',
      entityId: id,
      regionId: before.regionId,
      before,
      after,
    });
    return after!;
  });
}

/** The years a product needs a tariff for: each year of its validity, up to this year when it is open-ended. */
export function yearsNeedingTariff(
  validFrom: string,
  validTo: string | null | undefined,
  today = new Date(),
): number[] {
  const first = Number(validFrom.slice(0, 4));
  const last = validTo ? Number(validTo.slice(0, 4)) : Math.max(first, today.getFullYear());
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

async function assertConsistent(db: Db, p: ProductCreate, exceptId?: string) {
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, p.regionId));
  if (!region) throw fieldError('regionId', 'onbekende regio');
  if (p.lotId) {
    const [lot] = await db.select().from(lots).where(eq(lots.id, p.lotId));
    if (!lot || lot.regionId !== p.regionId) throw fieldError('lotId', 'dit perceel hoort niet bij de regio');
    // A retired lot keeps its products (history), but takes no new ones.
    const [current] = exceptId
      ? await db.select({ lotId: products.lotId }).from(products).where(eq(products.id, exceptId))
      : [];
    if (lot.retiredAt && current?.lotId !== p.lotId)
      throw fieldError('lotId', `perceel ${lot.name} is niet meer in gebruik: kies een ander perceel`);
  }
  const years = p.tariffs.map((t) => t.year);
  const double = years.find((y, i) => years.indexOf(y) !== i);
  if (double)
    throw fieldError('tariffs', `het jaar ${double} staat er twee keer in`, ErrorCode.Validation, 'duplicate-year');
  const missing = yearsNeedingTariff(p.validFrom, p.validTo).filter((y) => !years.includes(y));
  if (missing.length) {
    throw fieldError('tariffs', `tarief ontbreekt voor ${missing.join(', ')}`, ErrorCode.Validation, 'tariff-missing');
  }
  const [clash] = await db
    .select({ name: products.name, withdrawnAt: products.withdrawnAt })
    .from(products)
    .where(
      and(
        eq(products.regionId, p.regionId),
        eq(products.productCode, p.productCode),
        exceptId ? ne(products.id, exceptId) : undefined,
      ),
    );
  if (clash)
    throw fieldError(
      'productCode',
      clash.withdrawnAt
        ? `productcode ${p.productCode} is van het ingetrokken product ${clash.name}: herstel dat product`
        : `productcode ${p.productCode} is al in gebruik voor ${clash.name}`,
      ErrorCode.Conflict,
      'duplicate',
    );
}

async function replaceTariffs(db: Db, productId: string, tariffs: ProductCreate['tariffs']) {
  await db.delete(productTariffs).where(eq(productTariffs.productId, productId));
  if (tariffs.length)
    await db
      .insert(productTariffs)
      .values(tariffs.map((t) => ({ productId, year: t.year, tariff: t.tariff.toFixed(2) })));
}

export async function presentProducts(db: Db, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const [rows, tariffs] = await runInOrder([
    db
      .select({ p: products, lotName: lots.name })
      .from(products)
      .leftJoin(lots, eq(lots.id, products.lotId))
      .where(inArray(products.id, ids)),
    db.select().from(productTariffs).where(inArray(productTariffs.productId, ids)).orderBy(asc(productTariffs.year)),
  ]);
  const byId = new Map(rows.map((r) => [r.p.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const p = r.p;
    return [
      {
        id,
        regionId: p.regionId,
        lotId: p.lotId,
        lotName: r.lotName,
        productCategory: p.productCategory,
        productCategoryName: describeCode('JZ020', p.productCategory) ?? p.productCategory,
        productCode: p.productCode,
        name: p.name,
        unit: p.unit,
        unitName: describeCode('WJ756', p.unit) ?? p.unit,
        fundingVariant: p.fundingVariant as Product['fundingVariant'],
        withStay: p.withStay,
        stayForm: p.stayForm as Product['stayForm'],
        intensity: p.intensity as Product['intensity'],
        travelHoursPerFte: p.travelHoursPerFte,
        validFrom: p.validFrom,
        validTo: p.validTo,
        tariffs: tariffs.filter((t) => t.productId === id).map((t) => ({ year: t.year, tariff: Number(t.tariff) })),
        withdrawn: presentWithdrawn(p),
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
      },
    ];
  });
}
