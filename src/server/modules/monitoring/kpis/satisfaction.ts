import { satisfactionCells } from '../../experience/index.js';
import type { KpiFigures, KpiModule } from './kpi-module.js';

/** The mean of `sum` over `answers`, to one decimal (a mark out of 10), or null without answers. */
const mean = (answers: number, sum: number): KpiFigures => ({
  youths: answers,
  numerator: null,
  denominator: answers,
  value: answers ? Math.round((10 * sum) / answers) / 10 : null,
});

/**
 * Cliënttevredenheid (harmonised outcome set 2, satisfaction with the effect of the help): the mean 1–10 mark of the
 * Ervaringwijzer's answers in the period (docs/kpi.md), from the experience module. Answers carry no client and no
 * municipality, so the figure is per region, provider or productcategorie only; grouped or filtered by municipality or
 * lot it has no data (rather than a figure that is not what the grouping says). Small groups are withheld by the number of answers, as other KPIs are by youths.
 */
export const satisfaction: KpiModule = {
  id: 'satisfaction',
  async compute(db, ctx) {
    if (ctx.form || ctx.filters.municipality || ctx.filters.lot) return null;
    if (ctx.groupBy !== 'region' && ctx.groupBy !== 'provider' && ctx.groupBy !== 'productCategory') return null;
    const cells = await satisfactionCells(db, {
      regionId: ctx.regionId,
      current: ctx.current,
      previous: ctx.previous,
      groupBy: ctx.groupBy,
      filters: { provider: ctx.filters.provider, productCategory: ctx.filters.productCategory },
    });
    return (
      cells?.map((c) => ({ grp: c.grp, ...mean(c.answers.c, c.sum.c), previous: mean(c.answers.p, c.sum.p) })) ?? null
    );
  },
};
