import { describe, expect, it } from 'vitest';
import { refreshKpiFacts } from './facts.service.js';
import { computeKpis } from './kpi.service.js';
import { at, figures, kpi, P, useEdgeWorld, world } from './testing/kpi-edge-world.js';

/** The definitions a region or CBS would question, over hand-made iJw messages (kpi-edge-definitions.ts). */
useEdgeWorld();

describe('ambulant care (CBS: jeugdhulp zonder verblijf)', () => {
  it('leaves crisis care, jeugdbescherming and jeugdreclassering out of ambulant', async () => {
    // Story K: one youth with ambulant care, one with crisis care then ambulant care, one each with crisis care,
    // jeugdbescherming and jeugdreclassering, one with stay, and one with jeugdbescherming and ambulant care.
    expect(figures(await kpi('ambulant_stay_ratio', '2025Q1', at(P.kinds)))).toEqual({
      value: 3,
      numerator: 3,
      denominator: 1,
      youths: 1,
    });
    // The crisis care in January alone: no ambulant youth then but the one with ambulant care.
    expect((await kpi('ambulant_stay_ratio', '2025-01', at(P.kinds))).total.numerator).toBe(1);
  });
});

describe('jeugdbescherming and jeugdreclassering (CBS: apart from jeugdhulp)', () => {
  it('counts them in figures of their own and leaves them out of youth help', async () => {
    expect((await kpi('youths_youth_protection', '2025Q1', at(P.kinds))).total.value).toBe(2);
    expect((await kpi('youths_youth_probation', '2025Q1', at(P.kinds))).total.value).toBe(1);
    // Youth help: ambulant, crisis, crisis then ambulant, stay, and the protected youth's ambulant care.
    expect((await kpi('youths_in_care', '2025Q1', at(P.kinds))).total.value).toBe(5);
    const byCategory = await kpi('youths_in_care', '2025Q1', at(P.kinds, { groupBy: 'productCategory' }));
    expect(byCategory.rows.map((r) => r.key).sort()).toEqual(['43', '45', '46']);
  });

  it('counts a youth under jeugdbescherming as new in youth help when their youth help starts', async () => {
    // On 31 January the protected youth had jeugdbescherming but no youth help. (The youth from crisis care was in
    // care on 31 January, the crisis care's last day: not new in February.)
    expect((await kpi('inflow', '2025-02', at(P.kinds))).total.value).toBe(1);
  });
});

describe('product codes the product book does not know', () => {
  it('accepts the message and warns on its import result', async () => {
    const warned = world.imported.filter((r) => r.warnings.some((w) => w.message.includes('46T01')));
    expect(warned.length).toBeGreaterThan(0);
    for (const r of warned) {
      expect(r.status).toBe('accepted');
      expect(r.warnings).toEqual([
        expect.objectContaining({ rule: 'ZL020', message: expect.stringContaining('niet in het productenboek') }),
      ]);
    }
    // A message of a product the region knows (45A01, story A) has no warning.
    const known = world.imported.filter((r) => r.status === 'accepted' && r.warnings.length === 0);
    expect(known.length).toBeGreaterThan(0);
  });

  it('names the codes and counts the trajectories for the dashboard, at the exact level only', async () => {
    await refreshKpiFacts(world.ctx.database.db);
    const ask = { regionId: world.lekstroom, kpis: ['youths_in_care' as const], threshold: 1 };
    const exact = await computeKpis(world.ctx.database.db, {
      ...ask,
      period: '2025Q1',
      filters: { provider: P.kinds },
      disclosure: 'exact',
    });
    // Story K: nine trajectories, all taakgericht with codes the demo region's product book lacks.
    expect(exact.unknownProducts).toEqual({ trajectories: 9, codes: ['43T01', '45T02', '46T01', '47T01', '48T01'] });
    // Story A's product (45A01) is in the product book.
    const known = await computeKpis(world.ctx.database.db, {
      ...ask,
      period: '2025Q1',
      filters: { provider: P.boundary },
      disclosure: 'exact',
    });
    expect(known.unknownProducts).toEqual({ trajectories: 0, codes: [] });
    const published = await computeKpis(world.ctx.database.db, { ...ask, period: '2025Q1', disclosure: 'published' });
    expect(published.unknownProducts).toBeNull();
  });
});
