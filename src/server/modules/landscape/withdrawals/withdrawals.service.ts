import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.js';
import { bumpDataVersion } from '../../../db/data-versions.js';
import { contracts, products } from '../../../db/schema/index.js';
import { AppError, ErrorCode } from '../../../http/errors.js';
import { assertOwnRegion } from '../../../http/permission.js';
import type { Actor } from '../../auth/index.js';
import { recordAudit } from '../../audit/index.js';
import type { Contract } from '../contracts/contracts.schema.js';
import { assertConsistent, presentContracts, projectFor } from '../contracts/contracts.service.js';
import type { Product } from '../products/products.schema.js';
import { presentProducts } from '../products/products.service.js';
import { runsWithWithdrawn } from '../rules.js';
import type { Withdrawal } from './withdrawals.schema.js';

/**
 * The trajectories that ran under a contract: care of one of its holders (its provider, or a member of its
 * combination) in a municipality of its region, for a product of its lot, starting (or, without a start, allocated)
 * on a day the contract ran — `findCareContract`'s rule, as a set. Reads the iJw trajectories as a count only: which
 * care a contract covers is the landscape's rule, and the exchange depends on the landscape, not the other way.
 */
export async function countContractTrajectories(db: Db, contractId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct t.id)::int as n
      from (${runsWithWithdrawn}) h
      join providers pr on pr.id = h.provider_id
      join municipalities m on m.region_id = h.region_id
      join products p on p.region_id = h.region_id and p.lot_id = h.lot_id
      join ijw_trajectories t on t.municipality_code = m.cbs_code and t.provider_agb = pr.agb_code and t.product_code = p.product_code
      where h.id = ${contractId}::uuid
        and coalesce(t.start_date, t.allocation_start) between h.start_date and h.end_date`,
  );
  return row?.n ?? 0;
}

const trajectoriesText = (n: number) => (n === 1 ? '1 traject' : `${n} trajecten`);

async function lockedContract(tx: Db, actor: Actor, id: string): Promise<Contract> {
  await tx.execute(sql`select 1 from contracts where id = ${id}::uuid for update`);
  const [contract] = await presentContracts(tx, [id]);
  if (!contract) throw new AppError(ErrorCode.NotFound, 'Dit contract bestaat niet.');
  assertOwnRegion(actor, contract.regionId, 'Dit contract bestaat niet.');
  return contract;
}

/**
 * Withdraws a contract made by mistake. One with trajectories under it is withdrawn only when the request confirms
 * it (409 with their number otherwise): their care stays in history and money, but no longer counts as contracted.
 */
export async function withdrawContract(db: Db, actor: Actor, id: string, input: Withdrawal): Promise<Contract> {
  return db.transaction(async (tx) => {
    const before = await lockedContract(tx, actor, id);
    if (before.withdrawn) throw new AppError(ErrorCode.Conflict, 'Dit contract is al ingetrokken.');
    const n = await countContractTrajectories(tx, id);
    if (n > 0 && input.confirm !== true) {
      const reason = `Onder contract ${before.reference} vallen ${trajectoriesText(n)}. Hun berichten en declaraties blijven in de geschiedenis en in de geldcijfers, maar de zorg telt niet meer als gecontracteerd. Bevestig om het contract toch in te trekken.`;
      throw new AppError(ErrorCode.Conflict, reason, [{ name: 'confirm', code: 'trajectories', reason }]);
    }
    await tx
      .update(contracts)
      .set({ withdrawnAt: new Date(), withdrawnBy: actor.name, withdrawalReason: input.reason })
      .where(eq(contracts.id, id));
    return finishContract(tx, actor, before);
  });
}

/** Undoes a withdrawal; refused (409) when a standing contract of the same provider and lot now overlaps it. */
export async function restoreContract(db: Db, actor: Actor, id: string): Promise<Contract> {
  return db.transaction(async (tx) => {
    const before = await lockedContract(tx, actor, id);
    if (!before.withdrawn) throw new AppError(ErrorCode.Conflict, 'Dit contract is niet ingetrokken.');
    await assertConsistent(
      tx,
      { ...before, extensions: before.extensions.map((e) => ({ ...e, note: e.note ?? null })) },
      id,
    );
    await tx
      .update(contracts)
      .set({ withdrawnAt: null, withdrawnBy: null, withdrawalReason: null })
      .where(eq(contracts.id, id));
    return finishContract(tx, actor, before);
  });
}

async function finishContract(tx: Db, actor: Actor, before: Contract): Promise<Contract> {
  const [after] = await presentContracts(tx, [before.id]);
  await bumpDataVersion(tx, 'landscape');
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'contract',
    entityId: before.id,
    regionId: before.regionId,
    before,
    after,
  });
  return projectFor(actor, after!);
}

async function lockedProduct(tx: Db, actor: Actor, id: string): Promise<Product> {
  await tx.execute(sql`select 1 from products where id = ${id}::uuid for update`);
  const [product] = await presentProducts(tx, [id]);
  if (!product) throw new AppError(ErrorCode.NotFound, 'Dit product bestaat niet.');
  assertOwnRegion(actor, product.regionId, 'Dit product bestaat niet.');
  return product;
}

/** Withdraws a product made by mistake: messages that name its code later are care under an unknown product. */
export async function withdrawProduct(db: Db, actor: Actor, id: string, input: Withdrawal): Promise<Product> {
  return db.transaction(async (tx) => {
    const before = await lockedProduct(tx, actor, id);
    if (before.withdrawn) throw new AppError(ErrorCode.Conflict, 'Dit product is al ingetrokken.');
    await tx
      .update(products)
      .set({ withdrawnAt: new Date(), withdrawnBy: actor.name, withdrawalReason: input.reason })
      .where(eq(products.id, id));
    return finishProduct(tx, actor, before);
  });
}

export async function restoreProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  return db.transaction(async (tx) => {
    const before = await lockedProduct(tx, actor, id);
    if (!before.withdrawn) throw new AppError(ErrorCode.Conflict, 'Dit product is niet ingetrokken.');
    await tx
      .update(products)
      .set({ withdrawnAt: null, withdrawnBy: null, withdrawalReason: null })
      .where(eq(products.id, id));
    return finishProduct(tx, actor, before);
  });
}

async function finishProduct(tx: Db, actor: Actor, before: Product): Promise<Product> {
  const [after] = await presentProducts(tx, [before.id]);
  await bumpDataVersion(tx, 'landscape');
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'product',
    entityId: before.id,
    regionId: before.regionId,
    before,
    after,
  });
  return after!;
}
