import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, type TestContext } from '../../../testing/harness.js';
import { buildGoalWorld, goalCsv, uploadGoals, type GoalWorld } from '../../outcomes/testing/goal-world.js';
import { inspectPdf } from '../testing/pdf-check.js';
import { createQuarterlyReport } from './quarterly-report.js';

let ctx: TestContext;
let w: GoalWorld;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await buildGoalWorld(ctx);
  // The own provider registers all its 12 ended allocations, the other none of its 3: the region has 12 of 15 (80%).
  const rows = w.ended.own.map((k) => [k.municipalityCode, k.allocationNumber, 'ja', 'ja', 'volledig']);
  expect((await uploadGoals(ctx, w.own.token, 'q2.csv', goalCsv(rows))).status).toBe(200);
}, 120_000);
afterAll(async () => ctx?.close());

async function reportText(provider?: string) {
  const { pdf } = await createQuarterlyReport(ctx.database.db, { region: 'lekstroom', quarter: '2025Q2', provider });
  const view = inspectPdf(pdf);
  try {
    return view.text.replace(/\s+/g, ' ');
  } finally {
    view.dispose();
  }
}

async function threshold(percent: number) {
  const put = await call(ctx, w.contractmanager, 'PUT', '/goal-attainments/settings', {
    minCompletenessPercent: percent,
  });
  expect(put.status).toBe(200);
}

describe('the quarterly report: doelrealisatie with its completeness', () => {
  it('notes beside the doelrealisatie figures that they are too incomplete when the region is below its threshold', async () => {
    await threshold(90);
    const text = await reportText();
    // pdftotext -layout may wrap the rest of the cell onto the next line.
    expect(text).toMatch(/Zonder hulp verder \(onvolledig,/);
    expect(text).toContain('Doelrealisatie te onvolledig.');
    expect(text).toMatch(/Voor 80(,0)? ?% van de beëindigde toewijzingen/);
    expect(text).toMatch(/ten minste 90(,0)? ?%/);
  });

  it('prints no such note when the region reaches its threshold', async () => {
    await threshold(80);
    const text = await reportText();
    // The doelrealisatie figures are there, without the mark.
    expect(text).toContain('Zonder hulp verder');
    expect(text).not.toContain('onvolledig');
  });

  it("judges a provider's report by the provider's own completeness", async () => {
    await threshold(90);
    const own = await reportText(w.own.agb);
    expect(own).not.toContain('onvolledig');
    const other = await reportText(w.other.agb);
    // The other provider registered none: 0% of its ended allocations.
    expect(other).toContain('Doelrealisatie te onvolledig.');
    expect(other).toMatch(
      /Voor 0(,0)? ?% van de beëindigde toewijzingen in het kwartaal is de doelrealisatie vastgelegd door Andere Doelen BV/,
    );
  });
});
