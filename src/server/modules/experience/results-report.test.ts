import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvider } from '../../testing/factories.js';
import { call, createTestContext, type TestContext } from '../../testing/harness.js';
import { inspectPdf, isPdf } from '../monitoring/testing/pdf-check.js';
import { submitAnswers } from './answering.service.js';
import { buildExperienceWorld, makeTokens } from './testing/experience-world.js';

let ctx: TestContext;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

type World = Awaited<ReturnType<typeof buildExperienceWorld>>;

async function answer(w: World, providerId: string, marks: number[], extra: Record<string, number | string> = {}) {
  const { tokens } = await makeTokens(ctx, w.manager.token, {
    providerId,
    productId: w.product.id,
    count: marks.length,
  });
  for (const [i, mark] of marks.entries()) {
    const stored = await submitAnswers(ctx.database.db, {
      token: tokens[i]!,
      submissionId: `jaarverslag-${(serial += 1)}-apparaat`,
      language: 'nl',
      answers: { cijfer_effect: mark, serieus: i % 2 ? 5 : 2, ...extra },
    });
    expect(stored).toBe('stored');
  }
}

async function report(w: World, token: string, year = new Date().getUTCFullYear()) {
  return ctx.app.request(`/api/v1/experience-results/report?region=${w.region.code}&year=${year}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
}

describe('the yearly client-experience report (PDF)', () => {
  let w: World;
  let third: { id: string; name: string };
  const published = 'De begeleider nam ons serieus en kwam altijd op tijd.';
  beforeAll(async () => {
    w = await buildExperienceWorld(ctx);
    third = await buildProvider(ctx);
    await answer(w, w.provider.id, [8, 7, 9, 6, 7, 8, 5, 9, 7, 7]);
    await answer(
      w,
      w.other.id,
      Array.from({ length: 11 }, () => 6),
      {},
    );
    await answer(w, w.other.id, [6], { open: 'Mevrouw Jansen van team Noord hielp ons goed.' });
    await answer(w, third.id, [2, 2, 3]);
    const queue = await call(ctx, w.manager.token, 'GET', `/open-answers?region=${w.region.code}`);
    const [item] = queue.body as { id: string }[];
    const moderated = await call(ctx, w.manager.token, 'PUT', `/open-answers/${item!.id}/moderation`, {
      decision: 'publiceren',
      text: published,
    });
    expect(moderated.status).toBe(204);
  });

  it('is a tagged Dutch PDF with the region figures, withholding exactly the groups the results withhold', async () => {
    const results = (await call(ctx, w.manager.token, 'GET', `/experience-results?region=${w.region.code}`)).body as {
      region: { answers: number; mark: number; invitations: number; responseRate: number };
      byProvider: { key: string; label: string; withheld: boolean; answers: number | null; mark: number | null }[];
    };
    const res = await report(w, w.manager.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`clientervaring-${w.region.code}-`);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(isPdf(pdf)).toBe(true);
    expect(pdf.toString('latin1')).toContain('/Lang (nl-NL)');
    const view = inspectPdf(pdf);
    try {
      expect(view.info.Tagged).toBe('yes');
      expect(view.structure).toMatch(/H1[\s\S]*Table[\s\S]*TH/);
      const text = view.text.replace(/\s+/g, ' ');
      expect(text).toContain('Jeugdwet artikel 2.10');
      expect(text).toContain('Hoe het onderzoek is gedaan');
      expect(text).toContain('anoniem');
      // Quarters and product categories by the names the screens use.
      expect(text).toContain(`1e kwartaal ${new Date().getUTCFullYear()}`);
      expect(text).toContain('45 – Jeugdhulp ambulant');
      // The region: 25 answers of 25 invitations, the mean mark as the API has it.
      expect(results.region).toMatchObject({ answers: 25, invitations: 25, responseRate: 100 });
      expect(text).toMatch(new RegExp(`Ingevulde vragenlijsten ${results.region.answers}\\b`));
      // The mean mark with one decimal always, as the page writes it.
      expect(text).toMatch(/gemiddeld een \d+,\d \(op een schaal/);
      expect(text).toContain(`gemiddeld een ${results.region.mark.toFixed(1).replace('.', ',')}`);
      // Per provider: the API withholds the small one and, complementary, the next smallest; the PDF the same.
      const line = (name: string) =>
        view.text
          .split('\n')
          .find((l) => l.includes(name))!
          .replace(/\s+/g, ' ');
      const byProvider = (id: string) => results.byProvider.find((g) => g.key === id)!;
      expect(byProvider(third.id).withheld).toBe(true);
      expect(byProvider(w.provider.id).withheld).toBe(true);
      expect(byProvider(w.other.id)).toMatchObject({ withheld: false, answers: 12, mark: 6 });
      // Every cell of a withheld provider is "<10": no count, rate, mark or theme share.
      expect(line(third.name).split(third.name)[1]).toMatch(/^( <10){6}$/);
      expect(line(w.provider.name).split(w.provider.name)[1]).toMatch(/^( <10){6}$/);
      expect(line(w.other.name)).toMatch(new RegExp(`${w.other.name} 12 100 % 6,0 `));
      // A published open answer, as moderated, at region level: no provider beside it; the written text is nowhere.
      expect(text).toContain(published);
      expect(text).not.toContain('Jansen');
      expect(line(published.slice(0, 30))).not.toContain(w.other.name);
      expect(text).toContain('niet om aanbieders te rangschikken');
    } finally {
      view.dispose();
    }
  });

  it('is the region document: an aanbieder is refused it, and a year without answers says so without figures', async () => {
    expect((await report(w, w.aanbieder.token)).status).toBe(403);
    const empty = await report(w, w.manager.token, 2001);
    expect(empty.status).toBe(200);
    const view = inspectPdf(Buffer.from(await empty.arrayBuffer()));
    try {
      expect(view.text.replace(/\s+/g, ' ')).toContain('kwamen geen antwoorden binnen');
      expect(view.text).not.toContain(w.other.name);
    } finally {
      view.dispose();
    }
  });
});
