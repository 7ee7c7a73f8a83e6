import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshKpiFacts } from '../monitoring/index.js';
import { call, createTestContext, type TestContext } from '../../testing/harness.js';
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

  it('per provider the same figure; per municipality none, as answers carry no municipality', async () => {
    const byProvider = await satisfaction('&groupBy=provider');
    expect(byProvider.rows.find((r: { key: string }) => r.key === w.provider.agbCode)?.value).toBe(7.3);
    const byMunicipality = await satisfaction('&groupBy=municipality');
    expect(byMunicipality.available).toBe(false);
  });
});
