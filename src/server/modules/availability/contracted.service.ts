import { inArray } from 'drizzle-orm';
import { dutchToday } from '../../../shared/period.js';
import type { Db } from '../../db/client.js';
import { products } from '../../db/schema/index.js';
import { AppError, ErrorCode, fieldError } from '../../http/errors.js';
import { providerScope } from '../../http/permission.js';
import type { Actor } from '../auth/index.js';
import type { ContractedProduct } from './availability.schema.js';
import { contractedOf } from './entries.service.js';

/**
 * The products a provider may add entries for: what it holds a running contract for today (the landscape's
 * `contractedProducts` rule, the same the entry's check uses), in the actor's regions. An aanbieder gets its own only.
 */
export async function listContractedProducts(
  db: Db,
  actor: Actor,
  providerId: string | undefined,
): Promise<ContractedProduct[]> {
  const own = providerScope(actor, 'availability.edit');
  if (own && providerId && providerId !== own)
    throw new AppError(ErrorCode.Forbidden, 'U ziet alleen de contracten van uw eigen organisatie.');
  const id = own ?? providerId;
  if (!id) throw fieldError('providerId', 'kies een aanbieder');
  let contracted = await contractedOf(db, id, dutchToday());
  if (!own) contracted = contracted.filter((c) => actor.regionIds.includes(c.region_id));
  if (contracted.length === 0) return [];
  const rows = await db
    .select({ id: products.id, code: products.productCode, name: products.name })
    .from(products)
    .where(inArray(products.id, [...new Set(contracted.map((c) => c.product_id))]));
  const named = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const result: ContractedProduct[] = [];
  for (const c of contracted) {
    const key = `${c.region_id}|${c.product_id}`;
    const product = named.get(c.product_id);
    if (seen.has(key) || !product) continue;
    seen.add(key);
    result.push({ ...product, productCategory: c.product_category, withStay: c.with_stay, regionId: c.region_id });
  }
  return result.sort((a, b) => a.code.localeCompare(b.code) || a.regionId.localeCompare(b.regionId));
}
