import { eq } from 'drizzle-orm';
import { experienceBatches, experienceResponses } from '../db/schema/index.js';
import { submitAnswers } from '../modules/experience/answering.service.js';
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
  return tokenAt(openSeed(ctx.secrets, row!.seedEncrypted!), 0);
}

/** Answers for a provider of a side, each through a token of its own; returns the ids of the answers with an open text. */
async function answered(w: World, ctx: TestContext, side: Side, providerId: string, n: number): Promise<string[]> {
  const batch = await batchOf(w, ctx, side, providerId, n);
  const [row] = await ctx.database.db.select().from(experienceBatches).where(eq(experienceBatches.id, batch.id));
  const seed = openSeed(ctx.secrets, row!.seedEncrypted!);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const open = `Matrix open antwoord ${batch.id} ${i}`;
    await submitAnswers(ctx.database.db, {
      token: tokenAt(seed, i),
      submissionId: `matrix-${batch.id.slice(0, 8)}-${i}`,
      language: 'nl',
      answers: { cijfer_effect: 7, serieus: 4, open },
    });
    const [made] = await ctx.database.db
      .select({ id: experienceResponses.id })
      .from(experienceResponses)
      .where(eq(experienceResponses.openText, open));
    ids.push(made!.id);
  }
  return ids;
}

/** Region A's results hold ten answers of P and ten of Q, once: an aanbieder of P must see none of Q's. */
const resultsReady = new WeakSet<World>();
async function withResults(w: World, ctx: TestContext): Promise<void> {
  if (resultsReady.has(w)) return;
  resultsReady.add(w);
  await answered(w, ctx, w.a, w.own.id, 10);
  await answered(w, ctx, w.a, w.other.id, 10);
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
    // The keys `answered` fills: batches made after this case runs take this version (the matrix runs in any order).
    { key: 'open', kind: 'open', text: { nl: 'Nog iets?', en: 'Anything else?' } },
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
  'GET /experience-results': {
    permission: 'experienceResults.read',
    kind: 'list',
    own: async (w, ctx) => {
      await withResults(w, ctx);
      return { path: '/experience-results', query: region(w.a) };
    },
    otherRegion: (w) => ({ path: '/experience-results', query: region(w.b) }),
  },
  'GET /experience-results/export': {
    permission: 'experienceResults.read',
    kind: 'list',
    own: async (w, ctx) => {
      await withResults(w, ctx);
      return { path: '/experience-results/export', query: { ...region(w.a), format: 'csv' } };
    },
    otherRegion: (w) => ({ path: '/experience-results/export', query: { ...region(w.b), format: 'csv' } }),
  },
  'GET /experience-results/report': {
    permission: 'experienceResults.report',
    kind: 'list',
    own: async (w, ctx) => {
      await withResults(w, ctx);
      return { path: '/experience-results/report', query: region(w.a) };
    },
    otherRegion: (w) => ({ path: '/experience-results/report', query: region(w.b) }),
  },
  'GET /open-answers': {
    permission: 'experienceTexts.moderate',
    kind: 'list',
    own: (w) => ({ path: '/open-answers', query: region(w.a) }),
    otherRegion: async (w, ctx) => {
      await answered(w, ctx, w.b, w.other.id, 1);
      return { path: '/open-answers', query: region(w.b) };
    },
  },
  'PUT /open-answers/{id}/moderation': {
    permission: 'experienceTexts.moderate',
    kind: 'object',
    own: async (w, ctx) => ({
      path: `/open-answers/${(await answered(w, ctx, w.a, w.own.id, 1))[0]}/moderation`,
      body: { decision: 'publiceren', text: 'Fijn geholpen.' },
    }),
    otherRegion: async (w, ctx) => ({
      path: `/open-answers/${(await answered(w, ctx, w.b, w.other.id, 1))[0]}/moderation`,
      body: { decision: 'afwijzen' },
    }),
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
