import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { experienceBatches, experienceResponses, experienceTokens } from '../../db/schema/index.js';
import { queryRows } from '../../db/client.js';
import { call, createTestContext, type TestContext } from '../../testing/harness.js';
import { buildExperienceWorld, makeTokens } from './testing/experience-world.js';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof buildExperienceWorld>>;
const q = (path: string) => `${path}?region=${w.region.code}`;
let serial = 0;
const submissionId = () => `apparaat-${(serial += 1)}-abcdef`;
const goodAnswers = { snel_hulp: 4, serieus: 5, cijfer_effect: 8, open: 'Fijn geholpen.' };
const responsesCount = async () =>
  Number((await queryRows<{ n: string }>(ctx.database.db, sql`select count(*) as n from experience_responses`))[0]!.n);

beforeAll(async () => {
  ctx = await createTestContext();
  w = await buildExperienceWorld(ctx);
});
afterAll(() => ctx.close());

describe('questionnaires', () => {
  it('a region starts with the default versions: young people and parents, nine questions or fewer, in Dutch and English', async () => {
    const res = await call(ctx, w.manager.token, 'GET', q('/questionnaires'));
    expect(res.status).toBe(200);
    expect(res.body.map((v: { audience: string; version: number }) => `${v.audience} ${v.version}`).sort()).toEqual([
      'jongere 1',
      'ouder 1',
    ]);
    for (const v of res.body) {
      expect(v.questions.length).toBeLessThanOrEqual(9);
      expect(
        new Set(v.questions.filter((x: { theme?: string }) => x.theme).map((x: { theme: string }) => x.theme)),
      ).toEqual(new Set(['toegang', 'kwaliteit', 'effect']));
      expect(v.questions.filter((x: { kind: string }) => x.kind === 'score')).toHaveLength(1);
      expect(v.questions.every((x: { text: { nl: string; en: string } }) => x.text.nl && x.text.en)).toBe(true);
    }
  });

  it('the contract manager changes questions by adding a version; the earlier one stays as it was', async () => {
    const [before] = (await call(ctx, w.manager.token, 'GET', q('/questionnaires'))).body.filter(
      (v: { audience: string }) => v.audience === 'jongere',
    );
    const questions = [
      ...before.questions.slice(0, 6),
      {
        key: 'plek',
        kind: 'smiley',
        theme: 'toegang',
        text: { nl: 'De plek was goed te bereiken.', en: 'The place was easy to reach.' },
      },
      ...before.questions.slice(6),
    ];
    const made = await call(ctx, w.manager.token, 'POST', q('/questionnaires'), { audience: 'jongere', questions });
    expect(made.status).toBe(201);
    expect(made.body.version).toBe(2);
    const all = (await call(ctx, w.manager.token, 'GET', q('/questionnaires'))).body;
    expect(all.find((v: { id: string }) => v.id === before.id).questions).toEqual(before.questions);
    const tooMany = await call(ctx, w.manager.token, 'POST', q('/questionnaires'), {
      audience: 'jongere',
      questions: [...questions, { ...questions[0], key: 'extra1' }, { ...questions[0], key: 'extra2' }],
    });
    expect(tooMany.status).toBe(400);
    const noMark = await call(ctx, w.manager.token, 'POST', q('/questionnaires'), {
      audience: 'ouder',
      questions: questions.filter((x) => x.kind !== 'score'),
    });
    expect(noMark.status).toBe(400);
    expect(noMark.body.invalidParams[0].reason).toMatch(/cijfer/);
  });

  it('a provider may read the questionnaires but not change them', async () => {
    expect((await call(ctx, w.aanbieder.token, 'GET', q('/questionnaires'))).status).toBe(200);
    const res = await call(ctx, w.aanbieder.token, 'POST', q('/questionnaires'), { audience: 'ouder', questions: [] });
    expect(res.status).toBe(403);
  });
});

describe('invitations', () => {
  it('a provider makes a batch for itself; the CSV holds that many distinct links of at least 128 bits', async () => {
    const { batchId, tokens } = await makeTokens(ctx, w.aanbieder.token, {
      providerId: w.provider.id,
      productId: w.product.id,
      count: 25,
    });
    expect(tokens).toHaveLength(25);
    expect(new Set(tokens).size).toBe(25);
    // 24 base64url characters carry 144 bits.
    for (const t of tokens) expect(Buffer.from(t, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await ctx.database.db.select().from(experienceTokens).where(eq(experienceTokens.batchId, batchId));
    expect(stored).toHaveLength(25);
    // Only hashes are stored: no token appears in the table, nor in the batch row.
    const dump = JSON.stringify(stored) + JSON.stringify(await ctx.database.db.select().from(experienceBatches));
    for (const t of tokens) expect(dump).not.toContain(t);
    const list = await call(ctx, w.aanbieder.token, 'GET', q('/invitation-batches'));
    expect(list.body.data.find((b: { id: string }) => b.id === batchId)).toMatchObject({ size: 25, used: 0 });
  });

  it("a provider cannot make or download another provider's batches", async () => {
    const res = await call(ctx, w.aanbieder.token, 'POST', q('/invitation-batches'), {
      providerId: w.other.id,
      productId: w.product.id,
      audience: 'ouder',
      source: 'count',
      count: 3,
    });
    expect(res.status).toBe(403);
    const theirs = await makeTokens(ctx, w.manager.token, {
      providerId: w.other.id,
      productId: w.product.id,
      count: 2,
    });
    const download = await call(ctx, w.aanbieder.token, 'GET', `/invitation-batches/${theirs.batchId}/links`);
    expect(download.status).toBe(403);
    const list = await call(ctx, w.aanbieder.token, 'GET', q('/invitation-batches'));
    expect(list.body.data.some((b: { id: string }) => b.id === theirs.batchId)).toBe(false);
  });

  it('lists the batches a page at a time, newest first, and by provider', async () => {
    const v = await buildExperienceWorld(ctx);
    const make = (token: string, providerId: string) =>
      makeTokens(ctx, token, { providerId, productId: v.product.id, count: 1 }).then((b) => b.batchId);
    const made = [
      await make(v.manager.token, v.other.id),
      await make(v.aanbieder.token, v.provider.id),
      await make(v.manager.token, v.other.id),
    ];
    type Listed = { data: { id: string }[]; page: { totalElements: number; totalPages: number }; _links: object };
    const list = async (token: string, query: string) => {
      const res = await call(ctx, token, 'GET', `/invitation-batches?region=${v.region.code}&${query}`);
      expect(res.status).toBe(200);
      return res.body as Listed;
    };
    const first = await list(v.manager.token, 'pageSize=2');
    expect(first.page).toMatchObject({ totalElements: 3, totalPages: 2 });
    expect(first.data.map((b) => b.id)).toEqual([made[2], made[1]]);
    expect(first._links).toHaveProperty('next');
    expect((await list(v.manager.token, 'pageSize=2&page=2')).data.map((b) => b.id)).toEqual([made[0]]);
    const theirs = await list(v.manager.token, `providerId=${v.other.id}`);
    expect(theirs.data.map((b) => b.id)).toEqual([made[2], made[0]]);
    // An aanbieder asking for another provider's batches gets none: its own only, whatever it filters on.
    expect((await list(v.aanbieder.token, `providerId=${v.other.id}`)).page.totalElements).toBe(0);
    expect((await list(v.aanbieder.token, '')).data.map((b) => b.id)).toEqual([made[1]]);
    const wrong = await call(ctx, v.manager.token, 'GET', `/invitation-batches?region=${v.region.code}&providerId=x`);
    expect(wrong.status).toBe(400);
  });

  it('a batch from ended care gets one invitation per youth whose care with the product ended (JW307), nothing else', async () => {
    const municipality = w.region.municipalities[0]!.cbsCode;
    const trajectory = (
      key: string,
      client: string,
      end: string | null,
      reason: string | null,
      product = w.product.productCode,
    ) =>
      sql`insert into ijw_trajectories (trajectory_key, municipality_code, provider_agb, client_pseudonym, product_code, start_date, end_date, end_reason)
        values (${key}, ${municipality}, ${w.provider.agbCode}, ${client}, ${product}, '2025-01-01', ${end}, ${reason})`;
    for (const row of [
      trajectory('e1', 'jeugdige-1', '2025-05-10', '31'),
      trajectory('e2', 'jeugdige-1', '2025-06-10', '33'), // the same youth twice: asked once
      trajectory('e3', 'jeugdige-2', '2025-06-30', '35'),
      trajectory('e4', 'jeugdige-3', '2025-06-15', '20'), // a temporary stop ends nothing
      trajectory('e5', 'jeugdige-4', null, null), // still in care
      trajectory('e6', 'jeugdige-5', '2025-07-01', '31'), // after the period
      trajectory('e7', 'jeugdige-6', '2025-05-01', '31', 'ANDER'), // another product
    ])
      await ctx.database.db.execute(row);
    const res = await call(ctx, w.aanbieder.token, 'POST', q('/invitation-batches'), {
      providerId: w.provider.id,
      productId: w.product.id,
      audience: 'jongere',
      source: 'ended',
      endedFrom: '2025-04-01',
      endedTo: '2025-06-30',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ size: 2, source: 'ended', endedFrom: '2025-04-01', endedTo: '2025-06-30' });
    const stored = JSON.stringify(await ctx.database.db.select().from(experienceBatches));
    expect(stored).not.toContain('jeugdige-');
  });

  it('a batch from ended care without endings in the period is refused by name, and a count out of range too', async () => {
    const ended = await call(ctx, w.manager.token, 'POST', q('/invitation-batches'), {
      providerId: w.provider.id,
      productId: w.product.id,
      audience: 'jongere',
      source: 'ended',
      endedFrom: '2025-01-01',
      endedTo: '2025-03-31',
    });
    expect(ended.status).toBe(400);
    expect(ended.body.invalidParams[0].reason).toMatch(/geen zorg/);
    const big = await call(ctx, w.manager.token, 'POST', q('/invitation-batches'), {
      providerId: w.provider.id,
      productId: w.product.id,
      audience: 'ouder',
      source: 'count',
      count: 5000,
    });
    expect(big.status).toBe(400);
  });
});

describe('answering', () => {
  let tokens: string[];
  beforeAll(async () => {
    ({ tokens } = await makeTokens(ctx, w.manager.token, {
      providerId: w.provider.id,
      productId: w.product.id,
      count: 12,
    }));
  });

  it('a token shows the parents’ questions without an account, and answers once', async () => {
    const check = await call(ctx, null, 'POST', '/invitation-checks', { token: tokens[0] });
    expect(check.status).toBe(200);
    expect(check.body.audience).toBe('ouder');
    expect(check.body.providerName).toBe(w.provider.name);
    const before = await responsesCount();
    const sent = await call(ctx, null, 'POST', '/experience-responses', {
      token: tokens[0],
      submissionId: submissionId(),
      answers: goodAnswers,
    });
    expect(sent.status).toBe(201);
    expect(await responsesCount()).toBe(before + 1);
    const again = await call(ctx, null, 'POST', '/experience-responses', {
      token: tokens[0],
      submissionId: submissionId(),
      answers: goodAnswers,
    });
    expect(again.status).toBe(410);
    expect(again.body.detail).toMatch(/al gebruikt/);
    expect((await call(ctx, null, 'POST', '/invitation-checks', { token: tokens[0] })).status).toBe(410);
    expect(await responsesCount()).toBe(before + 1);
  });

  it('the same submission sent twice is stored once and told it arrived', async () => {
    const id = submissionId();
    const before = await responsesCount();
    const first = await call(ctx, null, 'POST', '/experience-responses', {
      token: tokens[1],
      submissionId: id,
      answers: goodAnswers,
    });
    const replay = await call(ctx, null, 'POST', '/experience-responses', {
      token: tokens[1],
      submissionId: id,
      answers: goodAnswers,
    });
    expect([first.status, replay.status]).toEqual([201, 200]);
    expect(replay.body.status).toBe('already-stored');
    expect(await responsesCount()).toBe(before + 1);
  });

  it('two copies of one submission at once store one answer', async () => {
    const id = submissionId();
    const before = await responsesCount();
    const body = { token: tokens[2], submissionId: id, answers: goodAnswers };
    const answers = await Promise.all([1, 2].map(() => call(ctx, null, 'POST', '/experience-responses', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(await responsesCount()).toBe(before + 1);
  });

  it('an unknown token is 404, an expired one 410, each with a friendly Dutch message', async () => {
    const unknown = await call(ctx, null, 'POST', '/invitation-checks', { token: 'A'.repeat(24) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/kennen we niet/);
    expect((await call(ctx, null, 'POST', '/invitation-checks', { token: 'kort' })).status).toBe(404);
    const { batchId, tokens: old } = await makeTokens(ctx, w.manager.token, {
      providerId: w.provider.id,
      productId: w.product.id,
      count: 1,
      validDays: 1,
    });
    await ctx.database.db
      .update(experienceBatches)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(experienceBatches.id, batchId));
    const expired = await call(ctx, null, 'POST', '/experience-responses', {
      token: old[0],
      submissionId: submissionId(),
      answers: goodAnswers,
    });
    expect(expired.status).toBe(410);
    expect(expired.body.detail).toMatch(/verlopen/);
  });

  it('an answer out of range, an unknown question or a text over 2,000 characters stores nothing and keeps the token', async () => {
    const before = await responsesCount();
    const cases = [
      { ...goodAnswers, cijfer_effect: 11 },
      { ...goodAnswers, snel_hulp: 0 },
      { ...goodAnswers, snel_hulp: 2.5 },
      { ...goodAnswers, verzonnen: 3 },
      { ...goodAnswers, open: 'x'.repeat(2001) },
      {},
    ];
    for (const answers of cases) {
      const res = await call(ctx, null, 'POST', '/experience-responses', {
        token: tokens[3],
        submissionId: submissionId(),
        answers,
      });
      expect(res.status, JSON.stringify(answers).slice(0, 60)).toBe(400);
      expect(res.body.invalidParams.length).toBeGreaterThan(0);
    }
    const oversize = await call(ctx, null, 'POST', '/experience-responses', {
      token: tokens[3],
      submissionId: submissionId(),
      answers: { open: 'x'.repeat(2001) },
    });
    expect(oversize.body.invalidParams[0]).toMatchObject({ name: 'answers.open' });
    expect(oversize.body.invalidParams[0].reason).toMatch(/2000 tekens/);
    expect(await responsesCount()).toBe(before);
    const exactly = await call(ctx, null, 'POST', '/experience-responses', {
      token: tokens[3],
      submissionId: submissionId(),
      answers: { ...goodAnswers, open: 'é'.repeat(2000) },
    });
    expect(exactly.status).toBe(201);
  });

  it('keeps no IP address, token, client or day with an answer, only the month', async () => {
    const before = await responsesCount();
    const res = await ctx.app.request('/api/v1/experience-responses', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.77', 'User-Agent': 'Telefoon/1.0' },
      body: JSON.stringify({ token: tokens[4], submissionId: submissionId(), answers: goodAnswers }),
    });
    expect(res.status).toBe(201);
    expect(await responsesCount()).toBe(before + 1);
    const rows = await ctx.database.db.select().from(experienceResponses);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('203.0.113.77');
    expect(dump).not.toContain('Telefoon');
    expect(dump).not.toContain(tokens[4]);
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'answers',
        'effectScore',
        'id',
        'language',
        'municipalityId',
        'openState',
        'openText',
        'productId',
        'providerId',
        'questionnaireId',
        'regionId',
        'submittedMonth',
      ].sort(),
    );
    for (const r of rows) expect(r.submittedMonth).toMatch(/^\d{4}-\d{2}-01$/);
    // The token row keeps the month it was used and a hash of the device's id, never the address.
    const tokenRows = JSON.stringify(await ctx.database.db.select().from(experienceTokens));
    expect(tokenRows).not.toContain('203.0.113.77');
  });
});

describe('a burst from one address', () => {
  it('is refused with 429 and Retry-After past the limit per minute, another address still answers', async () => {
    const config = loadConfig({}, { databaseUrl: undefined, answerRequestsPerMinute: 5, trustProxy: true });
    const app = createApp({ database: ctx.database, config, secrets: ctx.secrets });
    const ask = (address: string) =>
      app.request('/api/v1/invitation-checks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
        body: JSON.stringify({ token: 'B'.repeat(24) }),
      });
    const statuses = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await ask('198.51.100.1')).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    const refused = await ask('198.51.100.1');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await refused.json()).detail).toMatch(/te veel/);
    expect((await ask('198.51.100.2')).status).toBe(404);
  });
});
