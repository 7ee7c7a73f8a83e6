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
 * Ervaringwijzer's answers in the period (docs/kpi.md), from the experience module. Answers carry no client; an answer
 * has the municipality its invitation's batch was made for, or none ('–', Onbekend, in no municipality's filter). So it
 * follows every grouping and filter the trajectory KPIs have. Small groups are withheld by the number of answers, as
 * other KPIs are by youths.
 */
export const satisfaction: KpiModule = {
  id: 'satisfaction',
  async compute(db, ctx) {
    if (ctx.form || ctx.groupBy === 'budgetLine') return null;
    const cells = await satisfactionCells(db, {
      regionId: ctx.regionId,
      current: ctx.current,
      previous: ctx.previous,
      groupBy: ctx.groupBy,
      filters: ctx.filters,
    });
    return (
      cells?.map((c) => ({ grp: c.grp, ...mean(c.answers.c, c.sum.c), previous: mean(c.answers.p, c.sum.p) })) ?? null
    );
  },
};
