import { and, eq, inArray } from 'drizzle-orm';
import type { Permission } from '../../shared/permissions.js';
import { ijwTrajectories, mailOutbox } from '../db/schema/index.js';
import { queueMail } from '../mail/index.js';
import { createCombination } from '../modules/landscape/index.js';
import { accountOperations } from './matrix-account.js';
import { availabilityOperations } from './matrix-availability.js';
import { faqOperations } from './matrix-faq.js';
import {
  budgetTransferOperations,
  bulkOperations,
  contractTransferOperations,
  listExportOperations,
  providerTransferOperations,
} from './matrix-bulk.js';
import { experienceOperations } from './matrix-experience.js';
import { moneyOperations } from './matrix-money.js';
import { monitoringOperations } from './matrix-monitoring.js';
import { outcomesOperations } from './matrix-outcomes.js';
import { meetingsOperations } from './matrix-meetings.js';
import { suppliersOperations } from './matrix-suppliers.js';
import { withdrawalOperations } from './matrix-withdrawals.js';
import type { TestContext } from './harness.js';
import type { World } from './matrix-world.js';

/** One request of the matrix: the path with its ids filled in, and a valid query and body where the operation has them. */
export interface Probe {
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as multipart/form-data (the iJw upload). */
  form?: FormData;
  /** Sent as text/csv (the PC4 centroids). */
  csv?: string;
}

type ProbeOf = (w: World, ctx: TestContext) => Probe | Promise<Probe>;

/**
 * How the matrix asks one operation about objects of the actor's own and of another provider and region.
 * - `object`: the path names one object; another's object is refused (404, or 403), never answered.
 * - `create`: the body names the region or provider the new object belongs to; another's is refused (400, 403, 404).
 * - `list`: a read whose answer is filtered; another's data may be refused or left out, never shown.
 */
export interface OperationCase {
  permission: Permission;
  kind: 'object' | 'create' | 'list';
  own: ProbeOf;
  /** Region A's object of provider Q: refused to an aanbieder of P, answered to a region-scoped actor of A. */
  otherProvider?: ProbeOf;
  /** Region B's object: refused to a region-scoped actor of A (and to an aanbieder when it belongs to Q). */
  otherRegion?: ProbeOf;
  /** Region B's object belongs to provider Q, so an aanbieder of P is refused it as well. */
  otherRegionOfQ?: boolean;
  /** What a holder gets for its own probe when that is not a 2xx (the operation refuses the input for other reasons). */
  ownStatus?: number;
  /** The operation ends the session it is called with: the matrix gives it a session of its own. */
  endsSession?: boolean;
}

/** The trajectory the world's imported allocation made for this provider in this side's region. */
async function trajectoryOf(ctx: TestContext, side: World['a'], agbCode: string): Promise<number> {
  const codes = side.region.municipalities.map((m) => m.cbsCode);
  const [row] = await ctx.database.db
    .select({ id: ijwTrajectories.id })
    .from(ijwTrajectories)
    .where(and(eq(ijwTrajectories.providerAgb, agbCode), inArray(ijwTrajectories.municipalityCode, codes)));
  if (!row) throw new Error(`matrix world: no trajectory of ${agbCode}`);
  return row.id;
}

let serial = 0;

/** A combination of its own for each probe, renamed by the probe. */
async function combinationChange(w: World, ctx: TestContext, side: World['a'], leadProviderId: string): Promise<Probe> {
  const made = await createCombination(ctx.database.db, w.admin, {
    regionId: side.region.id,
    name: `Matrixcombinatie ${next()}`,
    leadProviderId,
    subcontractorIds: [],
  });
  return { path: `/combinations/${made.id}`, body: { name: `Matrixcombinatie ${next()}`, leadProviderId } };
}
/** A number no other probe of this run uses, for codes and dates that must be unique. */
const next = () => (serial += 1);

/** Each probe's contract runs in a month of its own (requests take years up to 2100), so no two overlap. */
const contractBody = (regionId: string, lotId: string, providerId: string) => {
  const n = next();
  const [year, month] = [2030 + Math.floor(n / 12), String((n % 12) + 1).padStart(2, '0')];
  return {
    regionId,
    reference: `M-${year}-${n}`,
    providerId,
    combinationId: null,
    lotId,
    startDate: `${year}-${month}-01`,
    endDate: `${year}-${month}-28`,
    procedure: 'open-house',
    fundingVariant: 'inspanningsgericht',
    budgetCeiling: null,
    notes: null,
    extensions: [],
  };
};
const productBody = (regionId: string) => ({
  regionId,
  productCategory: '45',
  productCode: `M${next()}`,
  name: 'Matrixproduct',
  unit: '04',
  fundingVariant: 'inspanningsgericht',
  validFrom: '2025-01-01',
  validTo: '2025-12-31',
  tariffs: [{ year: 2025, tariff: 90 }],
});
let budgetYear = 2030;
/** Budgets are unique per municipality, line and year, and a year ends at 2100: each probe takes the next year. */
const budgetBody = (w: World['a']) => ({
  municipalityId: w.region.municipalities[1]!.id,
  budgetLineId: w.region.budgetLines[0]!.id,
  year: (budgetYear += 1),
  amount: 1000,
});
const regionProbes = (sub: string, body: () => unknown, permission: Permission): OperationCase => ({
  permission,
  kind: 'object',
  own: (w) => ({ path: `/regions/${w.a.region.id}/${sub}`, body: body() }),
  otherRegion: (w) => ({ path: `/regions/${w.b.region.id}/${sub}`, body: body() }),
});

/**
 * A mail of the side's region in the outbox, failed (so a retry is allowed): each probe gets its own, since a retry
 * puts it back in the queue. Its region's id is in every answer about it, which the matrix looks for.
 */
async function failedMail(ctx: TestContext, side: World['a']): Promise<Probe> {
  const mail = await queueMail(ctx.database.db, {
    regionId: side.region.id,
    to: `contact-${next()}@matrix.example.nl`,
    subject: `Herinnering ${side.region.name}`,
    text: 'Bevestig uw gegevens.',
    kind: 'matrix-test',
  });
  await ctx.database.db.update(mailOutbox).set({ status: 'failed' }).where(eq(mailOutbox.id, mail!.id));
  return { path: `/mails/${mail!.id}` };
}

/**
 * Every operation of the OpenAPI document, by "METHOD path": its permission (which must equal the document's
 * `x-permission`) and how to ask it. An operation missing here fails the matrix, so a new route cannot skip it.
 */
export const operationCases: Record<string, OperationCase> = {
  'GET /health': { permission: 'health.read', kind: 'list', own: () => ({ path: '/health' }) },
  'POST /sessions': {
    permission: 'auth.signIn',
    kind: 'create',
    own: () => ({ path: '/sessions', body: { email: 'geen-adres', password: '' } }),
    ownStatus: 400,
  },
  'DELETE /sessions/current': {
    permission: 'session.read',
    kind: 'object',
    own: () => ({ path: '/sessions/current' }),
    endsSession: true,
  },
  'GET /auth/methods': { permission: 'auth.signIn', kind: 'list', own: () => ({ path: '/auth/methods' }) },
  'GET /auth/oidc/login': {
    permission: 'auth.signIn',
    kind: 'list',
    own: () => ({ path: '/auth/oidc/login' }),
    ownStatus: 404,
  },
  'GET /auth/oidc/callback': {
    permission: 'auth.signIn',
    kind: 'list',
    own: () => ({ path: '/auth/oidc/callback' }),
    ownStatus: 404,
  },
  'GET /users/me': { permission: 'session.read', kind: 'list', own: () => ({ path: '/users/me' }) },
  'GET /users': { permission: 'users.read', kind: 'list', own: () => ({ path: '/users' }) },
  'POST /users': {
    permission: 'users.manage',
    kind: 'create',
    own: () => ({ path: '/users', body: { email: `nieuw-${next()}@matrix.nl`, name: 'Nieuw', role: 'verwijzer' } }),
  },
  'PATCH /users/{id}': {
    permission: 'users.manage',
    kind: 'object',
    own: (w) => ({ path: `/users/${w.a.userId}`, body: { name: 'Verwijzer Zuid' } }),
    otherRegion: (w) => ({ path: `/users/${w.b.userId}`, body: { name: 'Verwijzer Noord' } }),
  },
  'GET /audit-events': {
    permission: 'audit.read',
    kind: 'list',
    own: () => ({ path: '/audit-events', query: { pageSize: '100' } }),
  },
  // Asked where the list is: later, region A's log holds the trajectory searches its own users made with region B's
  // municipality code as the filter (the otherRegion probe of GET /trajectories), which is A's input, not B's data.
  'GET /audit-events/export': {
    permission: 'audit.read',
    kind: 'list',
    own: () => ({ path: '/audit-events/export', query: { format: 'csv' } }),
  },
  'GET /jobs': { permission: 'jobs.read', kind: 'list', own: () => ({ path: '/jobs' }) },
  // Asking for a KPI refresh only queues a run; no runner is started in the test, so nothing else changes.
  'POST /jobs/{name}/runs': { permission: 'jobs.run', kind: 'object', own: () => ({ path: '/jobs/kpi-refresh/runs' }) },
  // The outbox holds mail of both regions when it is listed; an answer showing B's region id leaks it.
  'GET /mails': {
    permission: 'mail.read',
    kind: 'list',
    own: async (w, ctx) => {
      await failedMail(ctx, w.b);
      await failedMail(ctx, w.a);
      return { path: '/mails', query: { pageSize: '100' } };
    },
  },
  'GET /mails/{id}': {
    permission: 'mail.read',
    kind: 'object',
    own: (w, ctx) => failedMail(ctx, w.a),
    otherRegion: (w, ctx) => failedMail(ctx, w.b),
  },
  'POST /mails/{id}/retries': {
    permission: 'mail.manage',
    kind: 'object',
    own: async (w, ctx) => ({ path: `${(await failedMail(ctx, w.a)).path}/retries` }),
    otherRegion: async (w, ctx) => ({ path: `${(await failedMail(ctx, w.b)).path}/retries` }),
  },

  'GET /regions': { permission: 'regions.read', kind: 'list', own: () => ({ path: '/regions' }) },
  'GET /regions/current/reference': {
    permission: 'regions.reference',
    kind: 'list',
    own: () => ({ path: '/regions/current/reference' }),
  },
  'POST /regions': {
    permission: 'regions.create',
    kind: 'create',
    // Named to sort after region B, which a service that guesses "the first region by name" must keep finding.
    own: () => ({ path: '/regions', body: { code: `matrix-nieuw-${next()}`, name: `Regio Zwolle ${serial}` } }),
  },
  'GET /regions/{id}': {
    permission: 'regions.read',
    kind: 'object',
    own: (w) => ({ path: `/regions/${w.a.region.id}` }),
    otherRegion: (w) => ({ path: `/regions/${w.b.region.id}` }),
  },
  'POST /regions/{id}/municipalities': regionProbes(
    'municipalities',
    () => ({ cbsCode: String(2000 + next()), name: `Matrixgemeente ${serial}`, unlisted: true }),
    'regions.edit',
  ),
  'POST /regions/{id}/lots': regionProbes(
    'lots',
    () => ({ code: `P${next()}`, name: `Perceel ${serial}` }),
    'regions.edit',
  ),
  'POST /regions/{id}/budget-lines': regionProbes(
    'budget-lines',
    () => ({ code: `B${next()}`, name: `Post ${serial}` }),
    'regions.edit',
  ),
  'POST /regions/{id}/tier-levels': regionProbes(
    'tier-levels',
    () => ({ scheme: 'rol', code: `N${next()}`, name: `Niveau ${serial}` }),
    'regions.edit',
  ),
  'PATCH /tier-levels/{id}': {
    permission: 'regions.edit',
    kind: 'object',
    own: (w) => ({ path: `/tier-levels/${w.a.region.tierLevels[0]!.id}`, body: { accountMeetingsPerYear: 3 } }),
    otherRegion: (w) => ({ path: `/tier-levels/${w.b.region.tierLevels[0]!.id}`, body: { accountMeetingsPerYear: 3 } }),
  },
  // Renames to the name it has: the world stays as the other probes expect it.
  'PATCH /regions/{id}': {
    permission: 'regions.edit',
    kind: 'object',
    own: (w) => ({ path: `/regions/${w.a.region.id}`, body: { name: w.a.region.name } }),
    otherRegion: (w) => ({ path: `/regions/${w.b.region.id}`, body: { name: w.b.region.name } }),
  },
  'PATCH /municipalities/{id}': {
    permission: 'regions.edit',
    kind: 'object',
    own: (w) => ({ path: `/municipalities/${w.a.region.municipalities[0]!.id}`, body: { retired: false } }),
    otherRegion: (w) => ({ path: `/municipalities/${w.b.region.municipalities[0]!.id}`, body: { retired: false } }),
  },
  'PATCH /lots/{id}': {
    permission: 'regions.edit',
    kind: 'object',
    own: (w) => ({ path: `/lots/${w.a.region.lots[0]!.id}`, body: { name: w.a.region.lots[0]!.name } }),
    otherRegion: (w) => ({ path: `/lots/${w.b.region.lots[0]!.id}`, body: { name: w.b.region.lots[0]!.name } }),
  },
  'PATCH /budget-lines/{id}': {
    permission: 'regions.edit',
    kind: 'object',
    own: (w) => ({ path: `/budget-lines/${w.a.region.budgetLines[0]!.id}`, body: { retired: false } }),
    otherRegion: (w) => ({ path: `/budget-lines/${w.b.region.budgetLines[0]!.id}`, body: { retired: false } }),
  },
  'GET /code-lists/{name}': { permission: 'codelists.read', kind: 'list', own: () => ({ path: '/code-lists/JZ020' }) },

  'GET /providers': { permission: 'providers.read', kind: 'list', own: () => ({ path: '/providers' }) },
  'POST /providers': {
    permission: 'providers.create',
    kind: 'create',
    own: () => ({
      path: '/providers',
      body: { agbCode: String(30_000_000 + next()), name: `Matrixaanbieder ${serial}`, domains: ['JO'] },
    }),
  },
  'GET /providers/{id}': {
    permission: 'providers.read',
    kind: 'object',
    own: (w) => ({ path: `/providers/${w.own.id}` }),
    otherProvider: (w) => ({ path: `/providers/${w.other.id}` }),
  },
  'PATCH /providers/{id}': {
    permission: 'providers.edit',
    kind: 'object',
    own: (w) => ({ path: `/providers/${w.own.id}`, body: { website: 'https://eigen.example.nl' } }),
    otherProvider: (w) => ({ path: `/providers/${w.other.id}`, body: { website: 'https://ander.example.nl' } }),
  },
  'GET /combinations': { permission: 'combinations.read', kind: 'list', own: () => ({ path: '/combinations' }) },
  'POST /combinations': {
    permission: 'combinations.edit',
    kind: 'create',
    own: (w) => ({
      path: '/combinations',
      body: { regionId: w.a.region.id, name: `Matrixcombinatie ${next()}`, leadProviderId: w.own.id },
    }),
    otherRegion: (w) => ({
      path: '/combinations',
      body: { regionId: w.b.region.id, name: `Matrixcombinatie ${next()}`, leadProviderId: w.other.id },
    }),
  },
  'PUT /combinations/{id}': {
    permission: 'combinations.edit',
    kind: 'object',
    own: (w, ctx) => combinationChange(w, ctx, w.a, w.own.id),
    otherRegion: (w, ctx) => combinationChange(w, ctx, w.b, w.other.id),
  },

  'GET /contracts': {
    permission: 'contracts.read',
    kind: 'list',
    own: () => ({ path: '/contracts', query: { pageSize: '100' } }),
    otherRegion: (w) => ({ path: '/contracts', query: { regionId: w.b.region.id } }),
  },
  'POST /contracts': {
    permission: 'contracts.edit',
    kind: 'create',
    own: (w) => ({ path: '/contracts', body: contractBody(w.a.region.id, w.a.region.lots[0]!.id, w.own.id) }),
    otherRegion: (w) => ({ path: '/contracts', body: contractBody(w.b.region.id, w.b.region.lots[0]!.id, w.other.id) }),
  },
  'GET /contracts/{id}': {
    permission: 'contracts.read',
    kind: 'object',
    own: (w) => ({ path: `/contracts/${w.a.contractId}` }),
    otherProvider: (w) => ({ path: `/contracts/${w.aOfQ.contractId}` }),
    otherRegion: (w) => ({ path: `/contracts/${w.b.contractId}` }),
    otherRegionOfQ: true,
  },
  'PATCH /contracts/{id}': {
    permission: 'contracts.edit',
    kind: 'object',
    own: (w) => ({ path: `/contracts/${w.a.contractId}`, body: { notes: 'Matrix' } }),
    otherRegion: (w) => ({ path: `/contracts/${w.b.contractId}`, body: { notes: 'Matrix' } }),
  },
  'GET /products': {
    permission: 'products.read',
    kind: 'list',
    own: () => ({ path: '/products', query: { pageSize: '100' } }),
  },
  'POST /products': {
    permission: 'products.edit',
    kind: 'create',
    own: (w) => ({ path: '/products', body: productBody(w.a.region.id) }),
    otherRegion: (w) => ({ path: '/products', body: productBody(w.b.region.id) }),
  },
  'GET /products/{id}': {
    permission: 'products.read',
    kind: 'object',
    own: (w) => ({ path: `/products/${w.a.productId}` }),
    otherRegion: (w) => ({ path: `/products/${w.b.productId}` }),
  },
  'PATCH /products/{id}': {
    permission: 'products.edit',
    kind: 'object',
    own: (w) => ({ path: `/products/${w.a.productId}`, body: { name: 'Product Zuid' } }),
    otherRegion: (w) => ({ path: `/products/${w.b.productId}`, body: { name: 'Product Noord' } }),
  },
  'GET /budgets': {
    permission: 'budgets.read',
    kind: 'list',
    own: () => ({ path: '/budgets' }),
    otherRegion: (w) => ({ path: '/budgets', query: { regionId: w.b.region.id } }),
  },
  'POST /budgets': {
    permission: 'budgets.edit',
    kind: 'create',
    own: (w) => ({ path: '/budgets', body: budgetBody(w.a) }),
    otherRegion: (w) => ({ path: '/budgets', body: budgetBody(w.b) }),
  },
  'PATCH /budgets/{id}': {
    permission: 'budgets.edit',
    kind: 'object',
    own: (w) => ({ path: `/budgets/${w.a.budgetId}`, body: { amount: 1_000_000 } }),
    otherRegion: (w) => ({ path: `/budgets/${w.b.budgetId}`, body: { amount: 1_000_000 } }),
  },

  'POST /imports': {
    permission: 'imports.create',
    kind: 'create',
    // A form without a file: a holder is told to choose one (400), and nothing is imported.
    own: () => {
      const form = new FormData();
      form.append('files', 'geen bestand');
      return { path: '/imports', form };
    },
    ownStatus: 400,
  },
  'GET /imports': {
    permission: 'imports.read',
    kind: 'list',
    own: () => ({ path: '/imports', query: { pageSize: '100' } }),
  },
  'GET /imports/{id}': {
    permission: 'imports.read',
    kind: 'object',
    own: (w) => ({ path: `/imports/${w.a.importId}` }),
    otherRegion: (w) => ({ path: `/imports/${w.b.importId}` }),
  },
  'GET /imports/{id}/retour': {
    permission: 'imports.download',
    kind: 'object',
    own: (w) => ({ path: `/imports/${w.a.importId}/retour` }),
    otherRegion: (w) => ({ path: `/imports/${w.b.importId}/retour` }),
  },
  'GET /imports/{id}/original': {
    permission: 'imports.download',
    kind: 'object',
    own: (w) => ({ path: `/imports/${w.a.quarantinedId}/original` }),
    otherRegion: (w) => ({ path: `/imports/${w.b.quarantinedId}/original` }),
  },
  'GET /quarantine/reasons': {
    permission: 'imports.read',
    kind: 'list',
    own: () => ({ path: '/quarantine/reasons' }),
    // Region B's files are never counted: the groups of a filter on B's municipality (as sender) are empty.
    otherRegion: (w) => ({ path: '/quarantine/reasons', query: { sender: w.b.region.municipalities[0]!.cbsCode } }),
  },
  'GET /quarantine/retours': {
    permission: 'imports.download',
    kind: 'list',
    own: () => ({ path: '/quarantine/retours' }),
  },
  'PUT /imports/{id}/handling': {
    permission: 'imports.handle',
    kind: 'object',
    own: (w) => ({
      path: `/imports/${w.a.quarantinedId}/handling`,
      body: { state: 'handled', note: 'Afzender gebeld' },
    }),
    otherRegion: (w) => ({
      path: `/imports/${w.b.quarantinedId}/handling`,
      body: { state: 'handled', note: 'Afzender gebeld' },
    }),
  },
  'GET /trajectories': {
    permission: 'trajectories.read',
    kind: 'list',
    own: () => ({ path: '/trajectories', query: { pageSize: '100' } }),
    otherProvider: (w) => ({ path: '/trajectories', query: { providerAgb: w.other.agbCode } }),
    otherRegion: (w) => ({ path: '/trajectories', query: { municipalityCode: w.b.region.municipalities[0]!.cbsCode } }),
  },
  'GET /trajectories/{id}': {
    permission: 'trajectories.read',
    kind: 'object',
    own: async (w, ctx) => ({ path: `/trajectories/${await trajectoryOf(ctx, w.a, w.own.agbCode)}` }),
    otherProvider: async (w, ctx) => ({ path: `/trajectories/${await trajectoryOf(ctx, w.a, w.other.agbCode)}` }),
    otherRegion: async (w, ctx) => ({ path: `/trajectories/${await trajectoryOf(ctx, w.b, w.other.agbCode)}` }),
    otherRegionOfQ: true,
  },

  ...accountOperations,
  ...monitoringOperations,
  ...availabilityOperations,
  ...moneyOperations,
  ...bulkOperations,
  ...budgetTransferOperations,
  ...listExportOperations,
  ...providerTransferOperations,
  ...contractTransferOperations,
  ...suppliersOperations,
  ...faqOperations,
  ...outcomesOperations,
  ...experienceOperations,
  ...meetingsOperations,
  ...withdrawalOperations,
};
