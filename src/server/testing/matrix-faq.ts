import { createFaqEntry } from '../modules/faq/index.js';
import type { TestContext } from './harness.js';
import type { OperationCase, Probe } from './matrix-operations.js';
import type { World } from './matrix-world.js';

let serial = 0;
const write = () => ({
  theme: 'Matrix',
  question: `Matrixvraag ${(serial += 1)}?`,
  answer: 'Een antwoord.',
  published: true,
});

/** A published entry of the side's region, made for this probe alone (a withdrawal removes it). */
async function entry(w: World, ctx: TestContext, side: World['a'], method: 'put' | 'delete'): Promise<Probe> {
  const made = await ctx.database.db.transaction((tx) => createFaqEntry(tx, w.admin, side.region.id, write()));
  return { path: `/faq/${made.id}`, ...(method === 'put' ? { body: write() } : {}) };
}

const region = (side: World['a']) => ({ region: side.region.code });

/**
 * How the permission matrix asks the FAQ: texts of the whole region, so an aanbieder reads its own region's and is
 * refused another region's like everyone scoped to a region; only the backoffice writes.
 */
export const faqOperations: Record<string, OperationCase> = {
  'GET /faq': {
    permission: 'faq.read',
    kind: 'list',
    own: (w) => ({ path: '/faq', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/faq', query: region(w.b) }),
  },
  'POST /faq/visits': {
    permission: 'faq.read',
    kind: 'create',
    own: (w) => ({ path: '/faq/visits', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/faq/visits', query: region(w.b) }),
  },
  'POST /faq': {
    permission: 'faq.manage',
    kind: 'create',
    own: (w) => ({ path: '/faq', query: region(w.a), body: write() }),
    otherRegion: (w) => ({ path: '/faq', query: region(w.b), body: write() }),
  },
  'PUT /faq/{id}': {
    permission: 'faq.manage',
    kind: 'object',
    own: (w, ctx) => entry(w, ctx, w.a, 'put'),
    otherRegion: (w, ctx) => entry(w, ctx, w.b, 'put'),
  },
  'DELETE /faq/{id}': {
    permission: 'faq.manage',
    kind: 'object',
    own: (w, ctx) => entry(w, ctx, w.a, 'delete'),
    otherRegion: (w, ctx) => entry(w, ctx, w.b, 'delete'),
  },
};
