import { randomBytes } from 'node:crypto';
import { createProduct } from '../../landscape/index.js';
import { buildAdmin, buildProvider, buildRegion } from '../../../testing/factories.js';
import { buildUser, call, type TestContext } from '../../../testing/harness.js';

/** A region with a product, a provider with its aanbieder account, another provider, and a contract manager. */
export async function buildExperienceWorld(ctx: TestContext) {
  const region = await buildRegion(ctx);
  const { actor } = await buildAdmin(ctx);
  const product = await createProduct(ctx.database.db, actor, {
    regionId: region.id,
    lotId: region.lots[0]!.id,
    productCategory: '45',
    productCode: `E${randomBytes(2).toString('hex')}`,
    name: 'Ambulante begeleiding',
    unit: '04',
    fundingVariant: 'inspanningsgericht',
    withStay: false,
    stayForm: null,
    intensity: null,
    travelHoursPerFte: null,
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    tariffs: [{ year: 2025, tariff: 90 }],
  } as Parameters<typeof createProduct>[2]);
  const provider = await buildProvider(ctx);
  const other = await buildProvider(ctx);
  const manager = await buildUser(ctx, 'contractmanager', undefined, region.id);
  const aanbieder = await buildUser(ctx, 'aanbieder', provider.id, region.id);
  return { region, product, provider, other, manager, aanbieder };
}

/** Makes a batch through the API and returns its tokens, read from the CSV download as a provider would. */
export async function makeTokens(
  ctx: TestContext,
  sessionToken: string,
  body: Record<string, unknown>,
): Promise<{ batchId: string; tokens: string[] }> {
  const made = await call(ctx, sessionToken, 'POST', '/invitation-batches', {
    source: 'count',
    audience: 'ouder',
    ...body,
  });
  if (made.status !== 201) throw new Error(`batch: ${made.status} ${JSON.stringify(made.body)}`);
  const res = await ctx.app.request(`/api/v1/invitation-batches/${made.body.id}/links`, {
    headers: { Authorization: `Bearer ${sessionToken}` },
  });
  const csv = await res.text();
  const tokens = [...csv.matchAll(/\/ervaring\/([A-Za-z0-9_-]{24})/g)].map((m) => m[1]!);
  return { batchId: made.body.id, tokens };
}
