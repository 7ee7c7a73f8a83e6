import { createContract, createProduct } from '../modules/landscape/index.js';
import { withdrawContract, withdrawProduct } from '../modules/landscape/withdrawals/withdrawals.service.js';
import type { TestContext } from './harness.js';
import type { OperationCase, Probe } from './matrix-operations.js';
import type { World } from './matrix-world.js';

let serial = 0;

/** A contract of its own for each probe (no care under it), in a month of its own from 2070, withdrawn when asked. */
async function freshContract(w: World, ctx: TestContext, side: World['a'], providerId: string, withdrawn: boolean) {
  const n = (serial += 1);
  const [year, month] = [2070 + Math.floor(n / 12), String((n % 12) + 1).padStart(2, '0')];
  const db = ctx.database.db;
  const contract = await createContract(db, w.admin, {
    regionId: side.region.id,
    reference: `MW-${year}-${n}`,
    providerId,
    combinationId: null,
    lotId: side.region.lots[0]!.id,
    startDate: `${year}-${month}-01`,
    endDate: `${year}-${month}-20`,
    procedure: 'open-house',
    fundingVariant: 'inspanningsgericht',
    budgetCeiling: null,
    notes: null,
    extensions: [],
  });
  if (withdrawn) await withdrawContract(db, w.admin, contract.id, { reason: 'Matrix: vergissing' });
  return contract.id;
}

/** A product of its own for each probe, withdrawn when asked. */
async function freshProduct(w: World, ctx: TestContext, side: World['a'], withdrawn: boolean) {
  const db = ctx.database.db;
  const product = await createProduct(db, w.admin, {
    regionId: side.region.id,
    productCategory: '45',
    productCode: `W${(serial += 1)}`,
    name: 'Matrixproduct om in te trekken',
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    tariffs: [{ year: 2025, tariff: 90 }],
  });
  if (withdrawn) await withdrawProduct(db, w.admin, product.id, { reason: 'Matrix: vergissing' });
  return product.id;
}

const withdrawal = { reason: 'Matrix: dubbel ingevoerd' };
const withdrawContractProbe = async (w: World, ctx: TestContext, side: World['a'], providerId: string) =>
  ({
    path: `/contracts/${await freshContract(w, ctx, side, providerId, false)}/withdrawal`,
    body: withdrawal,
  }) satisfies Probe;
const restoreContractProbe = async (w: World, ctx: TestContext, side: World['a'], providerId: string) =>
  ({ path: `/contracts/${await freshContract(w, ctx, side, providerId, true)}/withdrawal` }) satisfies Probe;

/**
 * How the permission matrix asks withdrawing and restoring contracts and products: the roles that edit them may, in
 * their own region only; an aanbieder may not, not even for its own contract.
 */
export const withdrawalOperations: Record<string, OperationCase> = {
  'POST /contracts/{id}/withdrawal': {
    permission: 'contracts.edit',
    kind: 'object',
    own: (w, ctx) => withdrawContractProbe(w, ctx, w.a, w.own.id),
    otherRegion: (w, ctx) => withdrawContractProbe(w, ctx, w.b, w.other.id),
  },
  'DELETE /contracts/{id}/withdrawal': {
    permission: 'contracts.edit',
    kind: 'object',
    own: (w, ctx) => restoreContractProbe(w, ctx, w.a, w.own.id),
    otherRegion: (w, ctx) => restoreContractProbe(w, ctx, w.b, w.other.id),
  },
  'POST /products/{id}/withdrawal': {
    permission: 'products.edit',
    kind: 'object',
    own: async (w, ctx) => ({
      path: `/products/${await freshProduct(w, ctx, w.a, false)}/withdrawal`,
      body: withdrawal,
    }),
    otherRegion: async (w, ctx) => ({
      path: `/products/${await freshProduct(w, ctx, w.b, false)}/withdrawal`,
      body: withdrawal,
    }),
  },
  'DELETE /products/{id}/withdrawal': {
    permission: 'products.edit',
    kind: 'object',
    own: async (w, ctx) => ({ path: `/products/${await freshProduct(w, ctx, w.a, true)}/withdrawal` }),
    otherRegion: async (w, ctx) => ({ path: `/products/${await freshProduct(w, ctx, w.b, true)}/withdrawal` }),
  },
};
