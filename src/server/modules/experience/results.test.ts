import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { auditEvents, experienceResponses } from '../../db/schema/index.js';
import { buildProvider } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { submitAnswers } from './answering.service.js';
import { buildExperienceWorld, makeTokens } from './testing/experience-world.js';

let ctx: TestContext;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

type World = Awaited<ReturnType<typeof buildExperienceWorld>>;
interface Figures {
  withheld: boolean;
  answers: number | null;
  invitations: number;
  responseRate: number | null;
  mark: number | null;
  themes: Record<string, { positive: number | null; mean: number | null }>;
}
interface Group extends Figures {
  key: string;
  label: string;
}

/** `n` answers for a provider, each through its own token (the service, so the burst limit of one address is no factor). */
async function answer(w: World, providerId: string, marks: number[], extra: Record<string, number | string> = {}) {
  const { tokens } = await makeTokens(ctx, w.manager.token, {
    providerId,
    productId: w.product.id,
    count: marks.length,
  });
  expect(tokens).toHaveLength(marks.length);
  for (const [i, mark] of marks.entries()) {
    const stored = await submitAnswers(ctx.database.db, {
      token: tokens[i]!,
      submissionId: `resultaat-${(serial += 1)}-apparaat`,
      language: 'nl',
      answers: { cijfer_effect: mark, serieus: i % 2 ? 5 : 2, ...extra },
    });
    expect(stored).toBe('stored');
  }
}

async function results(w: World, token: string) {
  const res = await call(ctx, token, 'GET', `/experience-results?region=${w.region.code}`);
  expect(res.status).toBe(200);
  return res.body as {
    year: number;
    view: string;
    region: Figures;
    own: Figures | null;
    byProvider: Group[];
    byProductCategory: Group[];
    quarters: { quarter: string; region: Figures; own: Figures | null }[];
    texts: { text: string; providerName: string }[];
  };
}
const row = (groups: Group[], key: string) => groups.find((g) => g.key === key)!;

describe('results of the Ervaringwijzer: small groups withheld', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildExperienceWorld(ctx);
  });

  it('withholds a provider with 9 answers, and shows it from the 10th, with a computed mark and theme scores', async () => {
    await answer(w, w.provider.id, [8, 7, 9, 6, 7, 8, 5, 9, 7]);
    const nine = await results(w, w.manager.token);
    expect(row(nine.byProvider, w.provider.id)).toMatchObject({ withheld: true, answers: null, mark: null });
    expect(row(nine.byProvider, w.provider.id).themes.kwaliteit).toEqual({ positive: null, mean: null });
    expect(nine.region).toMatchObject({ withheld: true, answers: null });
    const month = new Date().getUTCMonth();
    // Quarters in the app's period notation (2026Q1), which the page and the PDF name "1e kwartaal 2026".
    expect(nine.quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4].map((q) => `${nine.year}Q${q}`));
    const quarter = nine.quarters.find((q) => q.quarter.endsWith(`Q${Math.floor(month / 3) + 1}`))!;
    expect(quarter.region).toMatchObject({ withheld: true, answers: null });

    await answer(w, w.provider.id, [7]);
    const ten = await results(w, w.manager.token);
    const p = row(ten.byProvider, w.provider.id);
    // Ten invitations made, ten used; the mean 7.3 is no mark anyone gave; kwaliteit: four 5s and six 2s.
    expect(p).toMatchObject({ withheld: false, answers: 10, invitations: 10, responseRate: 100, mark: 7.3 });
    expect(p.themes.kwaliteit).toEqual({ positive: 40, mean: 3.2 });
    expect(p.themes.toegang).toEqual({ positive: null, mean: null });
    expect(ten.region.answers).toBe(10);
    // A product category by its name from the iJw code list, as the product and dashboard pages show it.
    expect(ten.byProductCategory.map((g) => [g.key, g.label])).toEqual([['45', '45 – Jeugdhulp ambulant']]);
    // The quarter has the invitations made in it and the share used, as the year has.
    const tenQuarter = ten.quarters.find((q) => q.quarter === quarter.quarter)!;
    expect(tenQuarter.region).toMatchObject({ answers: 10, invitations: 10, responseRate: 100 });
  });

  it('withholds a second group so that the total minus the shown groups does not reveal a small one', async () => {
    const third = await buildProvider(ctx);
    await answer(
      w,
      w.other.id,
      Array.from({ length: 12 }, () => 6),
    );
    await answer(w, third.id, [2, 2, 3]);
    const res = await results(w, w.manager.token);
    expect(res.region.answers).toBe(25);
    expect(row(res.byProvider, third.id).withheld).toBe(true);
    expect(row(res.byProvider, w.other.id)).toMatchObject({ withheld: false, answers: 12, mark: 6 });
    // P (10, the next smallest) is withheld with the small group: 25 − 12 gives the two together, not the three.
    expect(row(res.byProvider, w.provider.id)).toMatchObject({ withheld: true, answers: null });
    // The yearly figures as CSV: the same groups withheld.
    const csv = await (
      await ctx.app.request(`/api/v1/experience-results/export?region=${w.region.code}&format=csv`, {
        headers: { Authorization: `Bearer ${w.manager.token}` },
      })
    ).text();
    const line = (name: string) => csv.split('\n').find((l) => l.includes(name))!;
    expect(line(third.name)).toMatch(/<10/);
    expect(line(w.provider.name)).toMatch(/<10/);
    expect(line(w.other.name)).toMatch(/^aanbieder[;,]"?[^;,]+"?[;,]12[;,]12[;,]100[;,]6[;,]/);
    // Groups are in name order, never by score.
    const labels = res.byProvider.map((g) => g.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'nl')));
  });
});

describe('results for a provider: its own, with the region beside', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildExperienceWorld(ctx);
  });

  it('shows nothing before the provider has 10 answers, and then its own beside the region', async () => {
    await answer(
      w,
      w.other.id,
      Array.from({ length: 10 }, () => 9),
    );
    await answer(w, w.provider.id, [6, 6, 6, 6, 6, 6, 6, 6, 6]);
    const before = await results(w, w.aanbieder.token);
    expect(before.view).toBe('provider');
    expect(before.own).toMatchObject({ withheld: true, answers: null, mark: null });
    expect(before.region).toMatchObject({ withheld: true, answers: null, mark: null });
    expect(before.byProvider).toEqual([]);

    await answer(w, w.provider.id, [8]);
    const after = await results(w, w.aanbieder.token);
    expect(after.own).toMatchObject({ answers: 10, mark: 6.2 });
    expect(after.region).toMatchObject({ answers: 20, mark: 7.6 });
    expect(JSON.stringify(after)).not.toContain(w.other.id);
    const csv = await (
      await ctx.app.request(`/api/v1/experience-results/export?region=${w.region.code}&format=csv`, {
        headers: { Authorization: `Bearer ${w.aanbieder.token}` },
      })
    ).text();
    expect(csv).toContain('eigen organisatie');
    // Per quarter the region's figures beside the own, as on the page.
    expect(csv).toMatch(/^kwartaal regio[;,]"?[1-4]e kwartaal \d{4}"?[;,]20[;,]/m);
    expect(csv).not.toContain(w.other.name);
  });

  it('withholds the region beside its own figures while the rest of the region is a small group', async () => {
    const v = await buildExperienceWorld(ctx);
    await answer(
      v,
      v.provider.id,
      Array.from({ length: 10 }, () => 7),
    );
    await answer(v, v.other.id, [1, 1, 1]);
    const res = await results(v, v.aanbieder.token);
    expect(res.own).toMatchObject({ answers: 10, mark: 7 });
    // Region 13 answers minus own 10 would tell the other provider's three.
    expect(res.region).toMatchObject({ withheld: true, answers: null, mark: null });
  });
});

describe('moderation of open answers', () => {
  let w: World;
  let otherAanbieder: { token: string };
  const written = 'Jan de Vries van team Oost heeft ons goed geholpen, ons nummer is 111222333.';
  const moderated = 'De begeleider heeft ons goed geholpen.';
  beforeAll(async () => {
    w = await buildExperienceWorld(ctx);
    otherAanbieder = await buildUser(ctx, 'aanbieder', w.other.id, w.region.id);
    await answer(
      w,
      w.provider.id,
      Array.from({ length: 9 }, () => 7),
    );
    await answer(w, w.provider.id, [8], { open: written });
    await answer(
      w,
      w.other.id,
      Array.from({ length: 10 }, () => 7),
    );
  });

  async function pending() {
    const res = await call(ctx, w.manager.token, 'GET', `/open-answers?region=${w.region.code}`);
    expect(res.status).toBe(200);
    return res.body as { id: string; text: string; providerName: string }[];
  }

  it('shows an open answer as written to the contract manager alone, and to no one in the results', async () => {
    const queue = await pending();
    expect(queue).toEqual([expect.objectContaining({ text: written, providerName: w.provider.name })]);
    expect((await call(ctx, w.aanbieder.token, 'GET', `/open-answers?region=${w.region.code}`)).status).toBe(403);
    const policy = await buildUser(ctx, 'beleid', undefined, w.region.id);
    expect((await call(ctx, policy.token, 'GET', `/open-answers?region=${w.region.code}`)).status).toBe(403);
    expect((await results(w, w.manager.token)).texts).toEqual([]);
    expect((await results(w, w.aanbieder.token)).texts).toEqual([]);
  });

  it('refuses a moderated text that still holds a BSN-like number, then publishes the edited text to the own provider', async () => {
    const [item] = await pending();
    const path = `/open-answers/${item!.id}/moderation?region=${w.region.code}`;
    const bsn = await call(ctx, w.manager.token, 'PUT', path, { decision: 'publiceren', text: 'Nummer 111 222 333.' });
    expect(bsn.status).toBe(400);
    expect(bsn.body.invalidParams[0].name).toBe('text');
    expect((await call(ctx, w.manager.token, 'PUT', path, { decision: 'publiceren', text: moderated })).status).toBe(
      204,
    );
    expect(await pending()).toEqual([]);
    expect((await call(ctx, w.manager.token, 'PUT', path, { decision: 'afwijzen' })).status).toBe(409);

    expect((await results(w, w.aanbieder.token)).texts.map((t) => t.text)).toEqual([moderated]);
    expect((await results(w, w.manager.token)).texts.map((t) => t.text)).toEqual([moderated]);
    expect((await results(w, otherAanbieder.token)).texts).toEqual([]);

    // What was written is nowhere kept: not in the answer, not in the audit log, which has the decision.
    const stored = await ctx.database.db
      .select({ text: experienceResponses.openText })
      .from(experienceResponses)
      .where(eq(experienceResponses.id, item!.id));
    expect(stored).toEqual([{ text: moderated }]);
    const [event] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'open-answer'), eq(auditEvents.entityId, item!.id)));
    expect(event).toMatchObject({ action: 'update', userId: w.manager.user.id });
    expect(JSON.stringify(event)).not.toContain('Jan de Vries');
    expect(JSON.stringify(event)).toContain(moderated);
  });

  it('rejects an open answer: the text is gone and shown nowhere', async () => {
    await answer(w, w.other.id, [5], { open: 'Pietje uit de Dorpsstraat 4 was boos.' });
    const [item] = await pending();
    const res = await call(ctx, w.manager.token, 'PUT', `/open-answers/${item!.id}/moderation`, {
      decision: 'afwijzen',
    });
    expect(res.status).toBe(204);
    const [row] = await queryRows<{ open_text: string | null; open_state: string }>(
      ctx.database.db,
      sql`select open_text, open_state from experience_responses where id = ${item!.id}::uuid`,
    );
    expect(row).toEqual({ open_text: null, open_state: 'rejected' });
    expect((await results(w, otherAanbieder.token)).texts).toEqual([]);
  });

  it('no other operation of the API returns the results or the open answers (tiers and procurement included)', async () => {
    const doc = (await (await ctx.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-permission'?: string }>>;
    };
    const reading = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => method === 'get' && !path.includes('{'))
        .map(([, op]) => ({ path, permission: op['x-permission'] })),
    );
    const holders = reading.filter((r) => /^experience(Results|Texts)\./.test(r.permission ?? ''));
    expect(holders.map((r) => r.path).sort()).toEqual([
      '/experience-results',
      '/experience-results/export',
      '/experience-results/report',
      '/open-answers',
    ]);
    const leaking: string[] = [];
    for (const r of reading.filter((x) => !holders.includes(x))) {
      const res = await ctx.app.request(`/api/v1${r.path}?region=${w.region.code}`, {
        headers: { Authorization: `Bearer ${w.manager.token}` },
      });
      if ((await res.text()).includes(moderated)) leaking.push(r.path);
    }
    expect(leaking).toEqual([]);
  });
});
