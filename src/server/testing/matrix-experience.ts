import { eq } from 'drizzle-orm';
import { experienceBatches } from '../db/schema/index.js';
import { createBatch } from '../modules/experience/invitations.service.js';
import { openSeed, tokenAt } from '../modules/experience/tokens.js';
import type { TestContext } from './harness.js';
import type { OperationCase, Probe } from './matrix-operations.js';
import type { World } from './matrix-world.js';

type Side = World['a'];

/** A batch of the side's region for a provider, made by the keeper: its id and its first token. */
async function batchOf(w: World, ctx: TestContext, side: Side, providerId: string, size = 1) {
  return ctx.database.db.transaction((tx) =>
    createBatch(tx, w.admin, ctx.secrets, side.region.id, {
      providerId,
      productId: side.currentProductId,
      audience: 'ouder',
      source: 'count',
      count: size,
    }),
  );
}

/** A fresh, unused invitation token of region A's provider P: each probe answers its own. */
async function freshToken(w: World, ctx: TestContext): Promise<string> {
  const batch = await batchOf(w, ctx, w.a, w.own.id);
  const [row] = await ctx.database.db.select().from(experienceBatches).where(eq(experienceBatches.id, batch.id));
  return tokenAt(openSeed(ctx.secrets, row!.seedEncrypted), 0);
}

const region = (side: Side) => ({ region: side.region.code });
const batchBody = (side: Side, providerId: string) => ({
  providerId,
  productId: side.currentProductId,
  audience: 'jongere',
  source: 'count',
  count: 2,
});
const questionnaireBody = {
  audience: 'ouder',
  questions: [
    {
      key: 'serieus',
      kind: 'smiley',
      theme: 'kwaliteit',
      text: { nl: 'Ik werd serieus genomen.', en: 'I was taken seriously.' },
    },
    { key: 'cijfer_effect', kind: 'score', text: { nl: 'Welk cijfer geeft u?', en: 'What mark do you give?' } },
  ],
};
const links = async (w: World, ctx: TestContext, side: Side, providerId: string): Promise<Probe> => ({
  path: `/invitation-batches/${(await batchOf(w, ctx, side, providerId)).id}/links`,
});

/**
 * How the permission matrix asks the Ervaringwijzer's operations: questionnaires are the region's; batches belong to
 * a provider (an aanbieder reaches only its own); answering is for whoever holds a token, with or without an account.
 */
export const experienceOperations: Record<string, OperationCase> = {
  'GET /questionnaires': {
    permission: 'questionnaires.read',
    kind: 'list',
    own: (w) => ({ path: '/questionnaires', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/questionnaires', query: region(w.b) }),
  },
  'POST /questionnaires': {
    permission: 'questionnaires.edit',
    kind: 'create',
    own: (w) => ({ path: '/questionnaires', query: region(w.a), body: questionnaireBody }),
    otherRegion: (w) => ({ path: '/questionnaires', query: region(w.b), body: questionnaireBody }),
  },
  'GET /invitation-batches': {
    permission: 'invitations.read',
    kind: 'list',
    own: async (w, ctx) => {
      await batchOf(w, ctx, w.a, w.other.id);
      return { path: '/invitation-batches', query: region(w.a) };
    },
    otherRegion: (w) => ({ path: '/invitation-batches', query: region(w.b) }),
  },
  'POST /invitation-batches': {
    permission: 'invitations.create',
    kind: 'create',
    own: (w) => ({ path: '/invitation-batches', query: region(w.a), body: batchBody(w.a, w.own.id) }),
    otherProvider: (w) => ({ path: '/invitation-batches', query: region(w.a), body: batchBody(w.a, w.other.id) }),
    otherRegion: (w) => ({ path: '/invitation-batches', query: region(w.b), body: batchBody(w.b, w.other.id) }),
    otherRegionOfQ: true,
  },
  'GET /invitation-batches/{id}/links': {
    permission: 'invitations.read',
    kind: 'object',
    own: (w, ctx) => links(w, ctx, w.a, w.own.id),
    otherProvider: (w, ctx) => links(w, ctx, w.a, w.other.id),
    otherRegion: (w, ctx) => links(w, ctx, w.b, w.other.id),
    otherRegionOfQ: true,
  },
  'POST /invitation-checks': {
    permission: 'experience.answer',
    kind: 'object',
    own: async (w, ctx) => ({ path: '/invitation-checks', body: { token: await freshToken(w, ctx) } }),
  },
  'POST /experience-responses': {
    permission: 'experience.answer',
    kind: 'object',
    own: async (w, ctx) => ({
      path: '/experience-responses',
      body: { token: await freshToken(w, ctx), submissionId: 'matrix-apparaat-1', answers: { cijfer_effect: 7 } },
    }),
  },
};
