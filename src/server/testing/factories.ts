import { randomBytes, randomInt } from 'node:crypto';
import { toActor, withScope, type Actor } from '../modules/auth/auth.service.js';
import { createContract } from '../modules/landscape/contracts/contracts.service.js';
import type { ContractCreate } from '../modules/landscape/contracts/contracts.schema.js';
import { createProvider } from '../modules/landscape/providers/providers.service.js';
import type { ProviderCreate } from '../modules/landscape/providers/providers.schema.js';
import { createRegion, defaultTierLevels } from '../modules/landscape/regions/regions.service.js';
import { buildUser, type TestContext } from './harness.js';

/** A unique 8-digit AGB code, so tests never collide on the unique index even on a shared server. */
export function uniqueAgb(): string {
  return String(randomInt(10_000_000, 99_999_999));
}

/**
 * The acting beheerder for factory writes: the installation's keeper, so it works in every region there is when it
 * is made. Each call makes its own, so tests stand alone.
 */
export async function buildAdmin(ctx: TestContext): Promise<{ actor: Actor; token: string }> {
  const { user, token } = await buildUser(ctx, 'beheerder');
  return { actor: await withScope(ctx.database.db, toActor(user)), token };
}

/** Municipality codes for test regions: above every real CBS code (< 2000), and never the same one twice in a test file. */
let nextMunicipalityCode = randomInt(5000, 8000);
/** Two fresh municipality codes (see above), for every test region whoever builds it. */
export function freshMunicipalityCodes(): [string, string] {
  const base = nextMunicipalityCode;
  nextMunicipalityCode += 2;
  return [String(base), String(base + 1)];
}

/** A region with its own municipalities, lots and budget lines (codes made unique per call). */
export async function buildRegion(ctx: TestContext) {
  const { actor } = await buildAdmin(ctx);
  const tag = randomBytes(3).toString('hex');
  const [a, b] = freshMunicipalityCodes();
  return createRegion(ctx.database.db, actor, {
    code: `regio-${tag}`,
    name: `Testregio ${tag}`,
    // Not real codes: a test that loads CBS's list still builds its regions.
    municipalities: [
      { cbsCode: a, name: `Gemeente A ${tag}`, unlisted: true },
      { cbsCode: b, name: `Gemeente B ${tag}`, unlisted: true },
    ],
    lots: [
      { code: 'AMB', name: 'Ambulant' },
      { code: 'GZV', name: 'Gezinsvormen' },
    ],
    budgetLines: [
      { code: 'ZIN', name: 'Zorg in natura' },
      { code: 'GI', name: 'Gecertificeerde instellingen' },
    ],
    tierLevels: defaultTierLevels,
  });
}

export async function buildProvider(ctx: TestContext, overrides: Partial<ProviderCreate> = {}) {
  const { actor } = await buildAdmin(ctx);
  return createProvider(ctx.database.db, actor, {
    agbCode: uniqueAgb(),
    kvkNumber: null,
    name: `Aanbieder ${randomBytes(3).toString('hex')}`,
    domains: ['JO'],
    specialisations: [],
    website: null,
    active: true,
    locations: [],
    tierLevelIds: [],
    ...overrides,
  });
}

/** A contract with its own region and provider unless given. */
export async function buildContract(ctx: TestContext, overrides: Partial<ContractCreate> = {}) {
  const region = overrides.regionId ? null : await buildRegion(ctx);
  const providerId = overrides.providerId ?? (await buildProvider(ctx)).id;
  const { actor } = await buildAdmin(ctx);
  return createContract(ctx.database.db, actor, {
    regionId: region?.id ?? overrides.regionId!,
    reference: `C-${randomBytes(3).toString('hex')}`,
    providerId,
    combinationId: null,
    lotId: overrides.lotId ?? region!.lots[0]!.id,
    startDate: '2024-01-01',
    endDate: '2025-12-31',
    procedure: 'open-house',
    fundingVariant: 'inspanningsgericht',
    budgetCeiling: null,
    notes: null,
    extensions: [],
    ...overrides,
  });
}
