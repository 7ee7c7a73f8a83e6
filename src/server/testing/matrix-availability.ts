import { readFileSync } from 'node:fs';
import { cbsExcerptName, cbsExcerptPath } from '../modules/landscape/testing/cbs-excerpt.js';
import type { TestContext } from './harness.js';
import type { OperationCase } from './matrix-operations.js';
import { insertAvailabilityEntry, type World } from './matrix-world.js';

let serial = 0;
const next = () => (serial += 1);

/** The test excerpt of CBS's list of municipalities, uploaded as the keeper uploads CBS's file. */
function cbsListImport() {
  const text = readFileSync(cbsExcerptPath);
  const form = new FormData();
  form.append('file', new File([new Uint8Array(text)], cbsExcerptName));
  return { path: '/municipality-list/import', form };
}

/** A new entry's body for the region's current product, at a new location of the provider (so probes never clash). */
async function entryBody(w: World, ctx: TestContext, providerId: string, side: World['a']) {
  const { locationId } = await insertAvailabilityEntry(ctx, side.region.id, providerId, null);
  return {
    providerId,
    locationId,
    productId: side.currentProductId,
    intakeWaitWeeks: 2,
    treatmentWaitWeeks: 4,
    offerForms: ['individueel'],
  };
}

/** How the permission matrix asks the availability finder's operations. */
export const availabilityOperations: Record<string, OperationCase> = {
  'GET /availability/offers': {
    permission: 'availability.search',
    kind: 'list',
    own: () => ({ path: '/availability/offers' }),
    otherRegion: (w) => ({
      path: '/availability/offers',
      query: { municipality: w.b.region.municipalities[0]!.cbsCode },
    }),
  },
  'GET /availability/entries': {
    permission: 'availability.read',
    kind: 'list',
    own: () => ({ path: '/availability/entries' }),
    otherRegion: (w) => ({ path: '/availability/entries', query: { regionId: w.b.region.id } }),
  },
  'POST /availability/entries': {
    permission: 'availability.edit',
    kind: 'create',
    own: async (w, ctx) => ({ path: '/availability/entries', body: await entryBody(w, ctx, w.own.id, w.a) }),
    otherProvider: async (w, ctx) => ({
      path: '/availability/entries',
      body: await entryBody(w, ctx, w.other.id, w.a),
    }),
  },
  'GET /availability/entries/{id}': {
    permission: 'availability.read',
    kind: 'object',
    own: (w) => ({ path: `/availability/entries/${w.a.availabilityEntryId}` }),
    otherProvider: (w) => ({ path: `/availability/entries/${w.aOfQ.availabilityEntryId}` }),
    otherRegion: (w) => ({ path: `/availability/entries/${w.b.availabilityEntryId}` }),
    otherRegionOfQ: true,
  },
  'PATCH /availability/entries/{id}': {
    permission: 'availability.edit',
    kind: 'object',
    own: (w) => ({ path: `/availability/entries/${w.a.availabilityEntryId}`, body: { intakeWaitWeeks: next() % 50 } }),
    otherProvider: (w) => ({
      path: `/availability/entries/${w.aOfQ.availabilityEntryId}`,
      body: { intakeWaitWeeks: 1 },
    }),
    otherRegion: (w) => ({ path: `/availability/entries/${w.b.availabilityEntryId}`, body: { intakeWaitWeeks: 1 } }),
    otherRegionOfQ: true,
  },
  'DELETE /availability/entries/{id}': {
    permission: 'availability.edit',
    kind: 'object',
    // Each probe deletes an entry made for it, so the fixture's entries stay for the reads.
    own: async (w, ctx) => ({
      path: `/availability/entries/${(await insertAvailabilityEntry(ctx, w.a.region.id, w.own.id, null)).id}`,
    }),
    otherProvider: async (w, ctx) => ({
      path: `/availability/entries/${(await insertAvailabilityEntry(ctx, w.a.region.id, w.other.id, null)).id}`,
    }),
    otherRegion: async (w, ctx) => ({
      path: `/availability/entries/${(await insertAvailabilityEntry(ctx, w.b.region.id, w.other.id, null)).id}`,
    }),
    otherRegionOfQ: true,
  },
  'POST /availability/confirmations': {
    permission: 'availability.edit',
    kind: 'object',
    own: (w) => ({ path: '/availability/confirmations', body: { entryIds: [w.a.availabilityEntryId] } }),
    otherProvider: (w) => ({ path: '/availability/confirmations', body: { entryIds: [w.aOfQ.availabilityEntryId] } }),
    otherRegion: (w) => ({ path: '/availability/confirmations', body: { entryIds: [w.b.availabilityEntryId] } }),
    otherRegionOfQ: true,
  },
  'GET /regions/{regionId}/availability-settings': {
    permission: 'regions.reference',
    kind: 'object',
    own: (w) => ({ path: `/regions/${w.a.region.id}/availability-settings` }),
  },
  'PATCH /regions/{regionId}/availability-settings': {
    permission: 'availability.settings',
    kind: 'object',
    own: (w) => ({ path: `/regions/${w.a.region.id}/availability-settings`, body: { confirmEveryWeeks: 4 } }),
    otherRegion: (w) => ({ path: `/regions/${w.b.region.id}/availability-settings`, body: { confirmEveryWeeks: 6 } }),
  },
  'GET /availability/national-reports/{quarter}': {
    permission: 'availability.read',
    kind: 'list',
    own: () => ({ path: '/availability/national-reports/2026Q4' }),
    otherProvider: (w) => ({ path: '/availability/national-reports/2026Q4', query: { providerId: w.other.id } }),
  },
  'GET /availability/region-view': {
    permission: 'availability.search',
    kind: 'list',
    own: () => ({ path: '/availability/region-view' }),
    otherRegion: (w) => ({ path: '/availability/region-view', query: { regionId: w.b.region.id } }),
  },
  'GET /public/regions/{code}/availability': {
    permission: 'availability.public',
    kind: 'list',
    own: (w) => ({ path: `/public/regions/${w.a.region.code}/availability` }),
  },
  'GET /availability/contracted-products': {
    permission: 'availability.edit',
    kind: 'list',
    own: (w) => ({ path: '/availability/contracted-products', query: { providerId: w.own.id } }),
    otherProvider: (w) => ({ path: '/availability/contracted-products', query: { providerId: w.other.id } }),
  },
  // CBS's list of municipalities (the test excerpt); the matrix's municipalities say they are new to it (unlisted).
  'GET /municipality-list': { permission: 'regions.read', kind: 'list', own: () => ({ path: '/municipality-list' }) },
  'POST /municipality-list/import': { permission: 'municipalityList.import', kind: 'object', own: cbsListImport },
  'POST /postcode-centroids': {
    permission: 'postcodes.import',
    kind: 'object',
    own: () => ({ path: '/postcode-centroids', csv: 'postcode4,latitude,longitude\n3991,52.03,5.17\n' }),
  },
  'GET /availability/compliance': {
    permission: 'availability.read',
    kind: 'list',
    own: () => ({ path: '/availability/compliance' }),
    otherRegion: (w) => ({ path: '/availability/compliance', query: { regionId: w.b.region.id } }),
  },
};
