import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvider, buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';

let ctx: TestContext;
let manager: string;
let provider: { token: string };
const other = { manager: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  const region = await buildRegion(ctx);
  manager = (await buildUser(ctx, 'contractmanager', undefined, region.id)).token;
  const p = await buildProvider(ctx);
  const user = await buildUser(ctx, 'aanbieder', p.id, region.id);
  provider = { token: user.token };
  other.manager = (await buildUser(ctx, 'contractmanager', undefined, (await buildRegion(ctx)).id)).token;
});
afterAll(async () => {
  await ctx.close();
});

const write = (question: string, extra: Partial<Record<string, unknown>> = {}) => ({
  theme: 'Declareren',
  question,
  answer: 'Binnen drie maanden na de maand van levering.',
  published: true,
  ...extra,
});
const questions = (body: { entries: Array<{ question: string }> }) => body.entries.map((e) => e.question);

describe('the FAQ for providers', () => {
  it('shows providers what is published, staff the concepts too, and searches on every word', async () => {
    expect((await call(ctx, manager, 'POST', '/faq', write('Wanneer declareer ik?'))).status).toBe(201);
    await call(ctx, manager, 'POST', '/faq', write('Hoe vraag ik een verlenging aan?', { theme: 'Toewijzingen' }));
    await call(ctx, manager, 'POST', '/faq', write('Nog niet af', { published: false }));

    const forProvider = await call(ctx, provider.token, 'GET', '/faq');
    expect(forProvider.status).toBe(200);
    expect(questions(forProvider.body)).toEqual(['Wanneer declareer ik?', 'Hoe vraag ik een verlenging aan?']);
    expect(forProvider.body.themes).toEqual(['Declareren', 'Toewijzingen']);
    expect(questions((await call(ctx, manager, 'GET', '/faq')).body)).toContain('Nog niet af');

    expect(questions((await call(ctx, provider.token, 'GET', '/faq?search=VERLENGING%20vraag')).body)).toEqual([
      'Hoe vraag ik een verlenging aan?',
    ]);
    // Every word must occur; a percent sign is a character, not a wildcard.
    expect(questions((await call(ctx, provider.token, 'GET', '/faq?search=verlenging%20declareer')).body)).toEqual([]);
    expect(questions((await call(ctx, provider.token, 'GET', '/faq?search=%25')).body)).toEqual([]);
    expect(questions((await call(ctx, provider.token, 'GET', '/faq?theme=Toewijzingen')).body)).toEqual([
      'Hoe vraag ik een verlenging aan?',
    ]);
    // Another region's staff see none of it.
    expect(questions((await call(ctx, other.manager, 'GET', '/faq')).body)).toEqual([]);
  });

  it('marks what is new or changed since the reader’s previous visit', async () => {
    const list = async () => (await call(ctx, provider.token, 'GET', '/faq')).body;
    const first = await list();
    // A first visit marks nothing: everything is new to this reader.
    expect(first.previousVisit).toBeNull();
    expect(first.entries.every((e: { since: unknown }) => e.since === null)).toBe(true);
    expect((await call(ctx, provider.token, 'POST', '/faq/visits')).status).toBe(204);

    const created = (await call(ctx, manager, 'POST', '/faq', write('Hoe lang is een toewijzing geldig?'))).body;
    const declare = first.entries.find((e: { question: string }) => e.question === 'Wanneer declareer ik?');
    const changed = await call(ctx, manager, 'PUT', `/faq/${declare.id}`, {
      ...write('Wanneer declareer ik?'),
      answer: 'Binnen twee maanden na de maand van levering.',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.changedAt).not.toBeNull();
    // Publishing a concept later makes it new, not changed.
    const concept = (await call(ctx, manager, 'GET', '/faq')).body.entries.find(
      (e: { question: string }) => e.question === 'Nog niet af',
    );
    await call(ctx, manager, 'PUT', `/faq/${concept.id}`, write('Nu wel af'));

    const second = await list();
    const since = Object.fromEntries(
      second.entries.map((e: { question: string; since: string }) => [e.question, e.since]),
    );
    expect(since).toEqual({
      'Wanneer declareer ik?': 'changed',
      'Hoe vraag ik een verlenging aan?': null,
      'Hoe lang is een toewijzing geldig?': 'new',
      'Nu wel af': 'new',
    });
    expect(created.publishedAt).not.toBeNull();

    // Withdrawn: gone for every reader.
    expect((await call(ctx, manager, 'DELETE', `/faq/${created.id}`)).status).toBe(204);
    expect(questions(await list())).not.toContain('Hoe lang is een toewijzing geldig?');
    expect((await call(ctx, manager, 'PUT', `/faq/${created.id}`, write('Terug?'))).status).toBe(404);
  });

  it('refuses empty and oversized texts and anything that may be a BSN, saving nothing', async () => {
    const before = questions((await call(ctx, manager, 'GET', '/faq')).body).length;
    const empty = await call(ctx, manager, 'POST', '/faq', write('  '));
    expect(empty.status).toBe(400);
    expect(empty.body.invalidParams).toContainEqual(
      expect.objectContaining({ name: 'question', reason: 'vul dit in' }),
    );
    const long = await call(ctx, manager, 'POST', '/faq', { ...write('Lang?'), answer: 'x'.repeat(5001) });
    expect(long.status).toBe(400);
    // 111222333 passes the 11-proef: it may be someone's BSN, and every provider reads the FAQ.
    const bsn = await call(ctx, manager, 'POST', '/faq', { ...write('Wat met cliënt 111222333?') });
    expect(bsn.status).toBe(400);
    expect(bsn.body.invalidParams[0]).toMatchObject({ name: 'question', code: 'personal-data' });
    expect(JSON.stringify(bsn.body)).not.toContain('111222333');
    // A provider cannot write.
    expect((await call(ctx, provider.token, 'POST', '/faq', write('Van een aanbieder?'))).status).toBe(403);
    expect(questions((await call(ctx, manager, 'GET', '/faq')).body).length).toBe(before);
  });
});
