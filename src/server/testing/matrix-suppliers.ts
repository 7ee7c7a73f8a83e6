import { createContract } from '../modules/landscape/index.js';
import type { TestContext } from './harness.js';
import type { OperationCase, Probe } from './matrix-operations.js';
import type { World } from './matrix-world.js';

let serial = 0;

/** A contract of the side's lead with an extension option, in a month of its own (years from 2060): a decision each. */
async function freshOption(w: World, ctx: TestContext, side: World['a'], providerId: string): Promise<Probe> {
  const n = (serial += 1);
  const [year, month] = [2060 + Math.floor(n / 12), String((n % 12) + 1).padStart(2, '0')];
  const contract = await ctx.database.db.transaction((tx) =>
    createContract(tx, w.admin, {
      regionId: side.region.id,
      reference: `MX-${year}-${n}`,
      providerId,
      combinationId: null,
      lotId: side.region.lots[0]!.id,
      startDate: `${year}-${month}-01`,
      endDate: `${year}-${month}-20`,
      procedure: 'open-house',
      fundingVariant: 'inspanningsgericht',
      budgetCeiling: null,
      notes: null,
      extensions: [{ newEndDate: `${year}-${month}-25`, status: 'option', decideBy: `${year}-${month}-10` }],
    }),
  );
  return {
    path: `/contracts/${contract.id}/extensions/${contract.extensions[0]!.id}/decision`,
    body: { status: 'declined', decidedOn: '2026-01-15', note: 'Matrix' },
  };
}

/**
 * How the permission matrix asks supplier management's operations: the contract calendar and its NZa list, the tier
 * overview, the region's weights and a provider's tier decisions. None is granted to an aanbieder (its own tier it
 * reads on its provider record); region B's answer is refused to region A's actors.
 */
const region = (side: World['a'], extra: Record<string, string> = {}) => ({ region: side.region.code, ...extra });
const weights = { spendShare: 0.4, youths: 0.3, lots: 0.2, signals: 0.1, hoog: 0.5, midden: 0.2 };
const basisOf = (side: World['a']) =>
  side.region.tierLevels.find((t) => t.scheme === 'omvang' && t.code === 'basis')!.id;

/**
 * The provider pack: P's own for its aanbieder and any provider's for the region's roles; Q's is refused to P's
 * aanbieder (403), and region B's to region A's actors (404).
 */
function packCase(operation: string, tail: string): Record<string, OperationCase> {
  const probe = (side: (w: World) => World['a'], provider: (w: World) => { id: string }) => (w: World) => ({
    path: `/providers/${provider(w).id}/pack${tail}`,
    query: region(side(w), { quarter: '2025Q1' }),
  });
  return {
    [operation]: {
      permission: 'providerPack.read',
      kind: 'object',
      own: probe(
        (w) => w.a,
        (w) => w.own,
      ),
      otherProvider: probe(
        (w) => w.a,
        (w) => w.other,
      ),
      otherRegion: probe(
        (w) => w.b,
        (w) => w.other,
      ),
      otherRegionOfQ: true,
    },
  };
}

export const suppliersOperations: Record<string, OperationCase> = {
  'POST /contracts/{id}/extensions/{extensionId}/decision': {
    permission: 'contracts.edit',
    kind: 'object',
    own: (w, ctx) => freshOption(w, ctx, w.a, w.own.id),
    otherRegion: (w, ctx) => freshOption(w, ctx, w.b, w.other.id),
  },
  'GET /contract-calendar': {
    permission: 'contractCalendar.read',
    kind: 'list',
    own: (w) => ({ path: '/contract-calendar', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/contract-calendar', query: region(w.b) }),
  },
  'GET /contract-calendar/nza-list': {
    permission: 'contractCalendar.read',
    kind: 'list',
    own: (w) => ({ path: '/contract-calendar/nza-list', query: region(w.a, { year: '2026' }) }),
    otherRegion: (w) => ({ path: '/contract-calendar/nza-list', query: region(w.b, { year: '2026' }) }),
  },
  'GET /provider-tiers': {
    permission: 'tiers.read',
    kind: 'list',
    own: (w) => ({ path: '/provider-tiers', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/provider-tiers', query: region(w.b) }),
  },
  'GET /provider-tiers/weights': {
    permission: 'tiers.read',
    kind: 'list',
    own: (w) => ({ path: '/provider-tiers/weights', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/provider-tiers/weights', query: region(w.b) }),
  },
  'PUT /provider-tiers/weights': {
    permission: 'tiers.edit',
    kind: 'create',
    own: (w) => ({ path: '/provider-tiers/weights', query: region(w.a), body: weights }),
    otherRegion: (w) => ({ path: '/provider-tiers/weights', query: region(w.b), body: weights }),
  },
  'POST /providers/{id}/tier-decisions': {
    permission: 'tiers.edit',
    kind: 'create',
    own: (w) => ({
      path: `/providers/${w.own.id}/tier-decisions`,
      body: { regionId: w.a.region.id, tierLevelIds: [basisOf(w.a)], reason: 'Matrix: klein volume' },
    }),
    otherRegion: (w) => ({
      path: `/providers/${w.other.id}/tier-decisions`,
      body: { regionId: w.b.region.id, tierLevelIds: [basisOf(w.b)], reason: 'Matrix: klein volume' },
    }),
  },
  'GET /providers/{id}/tier-decisions': {
    permission: 'tiers.read',
    kind: 'list',
    own: (w) => ({ path: `/providers/${w.own.id}/tier-decisions`, query: region(w.a) }),
    otherRegion: (w) => ({ path: `/providers/${w.other.id}/tier-decisions`, query: region(w.b) }),
  },
  ...packCase('GET /providers/{id}/pack', ''),
  ...packCase('GET /providers/{id}/pack/pdf', '/pdf'),
};
