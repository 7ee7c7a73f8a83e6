import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshKpiFacts } from '../monitoring/index.js';
import { call, createTestContext, type TestContext } from '../../testing/harness.js';
import { submitAnswers } from './answering.service.js';
import { buildExperienceWorld, makeTokens } from './testing/experience-world.js';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof buildExperienceWorld>>;
let tokens: string[];
const year = new Date().toISOString().slice(0, 4);
// Marks whose mean (7.3) is no mark anyone gave: the figure is computed, not copied.
const marks = [8, 7, 9, 6, 7, 8, 5, 9, 7, 7];

async function satisfaction(query = '') {
  const res = await call(
    ctx,
    w.manager.token,
    'GET',
    `/kpis?kpi=satisfaction&period=${year}&region=${w.region.code}${query}`,
  );
  expect(res.status).toBe(200);
  return res.body.data[0];
}

async function answer(i: number, mark: number) {
  const res = await call(ctx, null, 'POST', '/experience-responses', {
    token: tokens[i],
    submissionId: `kpi-apparaat-${i}`,
    answers: { cijfer_effect: mark, serieus: 4 },
  });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  ctx = await createTestContext();
  w = await buildExperienceWorld(ctx);
  await refreshKpiFacts(ctx.database.db);
  ({ tokens } = await makeTokens(ctx, w.manager.token, {
    providerId: w.provider.id,
    productId: w.product.id,
    count: 12,
  }));
});
afterAll(() => ctx.close());

describe('the satisfaction KPI from the Ervaringwijzer', () => {
  it('has no data while the region has no answers', async () => {
    expect((await satisfaction()).available).toBe(false);
  });

  it('withholds the mean below 10 answers, and shows it from the tenth', async () => {
    for (const [i, mark] of marks.slice(0, 9).entries()) await answer(i, mark);
    const nine = await satisfaction();
    expect(nine.available).toBe(true);
    expect(nine.total).toMatchObject({ value: null, suppressed: true });
    await answer(9, marks[9]!);
    const ten = await satisfaction();
    expect(ten.total.value).toBe(7.3);
    expect(ten.total.youths).toBe(10);
    expect(ten.total.suppressed).toBe(false);
  });

  it('per provider the same figure; per municipality under Onbekend, as a batch by number knows no municipality', async () => {
    const byProvider = await satisfaction('&groupBy=provider');
    expect(byProvider.rows.find((r: { key: string }) => r.key === w.provider.agbCode)?.value).toBe(7.3);
    const byMunicipality = await satisfaction('&groupBy=municipality');
    expect(byMunicipality.available).toBe(true);
    expect(byMunicipality.rows).toEqual([expect.objectContaining({ key: '–', label: 'Onbekend', value: 7.3 })]);
    // A municipality's filter leaves out answers whose municipality is unknown.
    const filtered = await satisfaction(`&municipality=${w.region.municipalities[0]!.cbsCode}`);
    expect(filtered.total).toMatchObject({ youths: 0, value: null });
  });

  it('per municipality of the batch made from ended care: counts and means, a small group and its complement withheld', async () => {
    const [a, b] = [w.region.municipalities[0]!, w.region.municipalities[1]!];
    // Eleven youths of A and three of B whose care with this product ended: a batch each, from ended care.
    const inA = await endedBatch(a.cbsCode, 11, '05-31');
    const inB = await endedBatch(b.cbsCode, 3, '06-30');
    const marksA = [9, 8, 9, 7, 8, 9, 10, 8, 7, 9, 8]; // mean 8.36
    for (const [i, mark] of marksA.entries()) await answerWith(inA[i]!, mark);
    for (const [i, mark] of [2, 3, 2].entries()) await answerWith(inB[i]!, mark);

    const byMunicipality = await satisfaction('&groupBy=municipality');
    // 24 answers: 10 without a municipality (7.3), 11 of A, 3 of B; (73 + 92 + 7) / 24 = 7.17.
    expect(byMunicipality.total).toMatchObject({ youths: 24, value: 7.2, suppressed: false });
    const row = (key: string) => byMunicipality.rows.find((r: { key: string }) => r.key === key);
    expect(row(a.cbsCode)).toMatchObject({ label: a.name, youths: 11, value: 8.4, suppressed: false });
    expect(row(b.cbsCode)).toMatchObject({ label: b.name, youths: null, value: null, suppressed: true });
    // Onbekend (10) is withheld with it: the total minus A would otherwise tell B's three answers.
    expect(row('–')).toMatchObject({ youths: null, value: null, suppressed: true });

    const onlyA = await satisfaction(`&municipality=${a.cbsCode}`);
    expect(onlyA.total).toMatchObject({ youths: 11, value: 8.4, suppressed: false });
    const onlyB = await satisfaction(`&municipality=${b.cbsCode}&groupBy=provider`);
    expect(onlyB.total).toMatchObject({ value: null, suppressed: true });
    expect(onlyB.rows.every((r: { suppressed: boolean }) => r.suppressed)).toBe(true);
    // Per lot: the product's lot holds all 24.
    const byLot = await satisfaction('&groupBy=lot');
    expect(byLot.rows).toEqual([expect.objectContaining({ key: w.region.lots[0]!.code, youths: 24, value: 7.2 })]);
  });
});

let youth = 0;

/** `n` youths of a municipality whose care of the world's provider and product ended on a day last year, and a batch for them. */
async function endedBatch(municipality: string, n: number, day: string): Promise<string[]> {
  const last = Number(year) - 1;
  for (let i = 0; i < n; i += 1) {
    youth += 1;
    await ctx.database.db.execute(
      sql`insert into ijw_trajectories (trajectory_key, municipality_code, provider_agb, client_pseudonym, product_code, start_date, end_date, end_reason)
        values (${`kpi-${w.region.code}-${youth}`}, ${municipality}, ${w.provider.agbCode}, ${`kpi-jeugdige-${w.region.code}-${youth}`},
          ${w.product.productCode}, ${`${last}-01-01`}, ${`${last}-${day}`}, '31')`,
    );
  }
  const { tokens: made } = await makeTokens(ctx, w.manager.token, {
    providerId: w.provider.id,
    productId: w.product.id,
    source: 'ended',
    endedFrom: `${last}-${day}`,
    endedTo: `${last}-${day}`,
  });
  expect(made).toHaveLength(n);
  return made;
}

async function answerWith(token: string, mark: number) {
  const stored = await submitAnswers(ctx.database.db, {
    token,
    submissionId: `kpi-gemeente-${token}`,
    language: 'nl',
    answers: { cijfer_effect: mark },
  });
  expect(stored).toBe('stored');
}
