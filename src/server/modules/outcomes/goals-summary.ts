import type { KpiCell, KpiId } from '../../../shared/kpi.js';
import { kpiDisclosureFor, publishedRounding, roundTo } from '../../../shared/kpi-disclosure.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../auth/index.js';
import { computeKpis, kpiPeriods } from '../monitoring/index.js';
import {
  completenessPerProvider,
  minCompletenessOf,
  municipalitiesOf,
  ownProviderAgb,
  type GoalRegion,
} from './goals.service.js';

export const goalKpis = ['goal_without_help', 'goal_problems_reduced', 'goal_goals_met'] as const satisfies KpiId[];

export interface GoalCompleteness {
  providerAgb: string;
  name: string;
  /** Allocations of the provider that ended in the period (rounded to 5 for published figures). */
  ended: number;
  registered: number;
  /** registered ÷ ended in percent (from the exact counts), null without endings. */
  percent: number | null;
  /** False when the share is below the region's threshold: the provider's figures are then not to be trusted. */
  sufficient: boolean;
}

export interface GoalFigures {
  kpi: KpiId;
  name: string;
  /** The region's total, and for an aanbieder its own figure beside it; per provider for the region's roles. */
  region: KpiCell;
  own: KpiCell | null;
  rows: KpiCell[];
}

export interface GoalSummary {
  period: { label: string; from: string; to: string; provisional?: boolean };
  minCompletenessPercent: number;
  suppressionThreshold: number;
  /** The region's completeness: all providers together. */
  total: Omit<GoalCompleteness, 'providerAgb' | 'name'>;
  /** Per provider; an aanbieder gets its own only. */
  providers: GoalCompleteness[];
  figures: GoalFigures[];
}

/**
 * Goal attainment of a period for one region: completeness per provider (registered ÷ ended) with the region's
 * threshold, and the three KPIs as the dashboard publishes them (small numbers withheld, rounded for the roles that
 * get published figures). An aanbieder sees its own figures and completeness with the region's beside them, never
 * another provider's. The results are for learning and steering; there is no ranking.
 */
export async function goalSummary(
  db: Db,
  actor: Actor,
  region: GoalRegion,
  options: { period?: string; threshold: number },
): Promise<GoalSummary> {
  const own = actor.role === 'aanbieder' ? await ownProviderAgb(db, actor) : undefined;
  const period = options.period ?? (await kpiPeriods(db, region.id)).defaultPeriod;
  const disclosure = kpiDisclosureFor(actor.role);
  const ask = { regionId: region.id, period, kpis: [...goalKpis], threshold: options.threshold, disclosure };
  const regional = await computeKpis(db, { ...ask, groupBy: own ? 'region' : 'provider' });
  const mine = own ? await computeKpis(db, { ...ask, filters: { provider: own } }) : null;
  const span = { from: regional.period.from, to: regional.period.to };
  const min = await minCompletenessOf(db, region.id);
  const count = (n: number) => (disclosure === 'published' ? roundTo(n, publishedRounding.count) : n);
  const completeness = (c: { ended: number; registered: number }) => {
    const percent = c.ended ? Math.round((1000 * c.registered) / c.ended) / 10 : null;
    return {
      ended: count(c.ended),
      registered: count(c.registered),
      percent,
      sufficient: percent !== null && percent >= min,
    };
  };
  const all = await completenessPerProvider(db, region, span);
  const sum = all.reduce((s, p) => ({ ended: s.ended + p.ended, registered: s.registered + p.registered }), {
    ended: 0,
    registered: 0,
  });
  const shown = own ? all.filter((p) => p.providerAgb === own) : all;
  return {
    period: { label: regional.period.label, from: span.from, to: span.to, provisional: regional.period.provisional },
    minCompletenessPercent: min,
    suppressionThreshold: options.threshold,
    total: completeness(sum),
    providers: shown.map((p) => ({ providerAgb: p.providerAgb, name: p.name, ...completeness(p) })),
    // No figures while the KPI facts are being built, or before any registration (the KPIs have no data then).
    figures: goalKpis.flatMap((id) => {
      const result = regional.data.find((d) => d.kpi.id === id);
      if (!result?.available) return [];
      const ownTotal = mine?.data.find((d) => d.kpi.id === id)?.total ?? null;
      return [{ kpi: id, name: result.kpi.name, region: result.total, own: ownTotal, rows: own ? [] : result.rows }];
    }),
  };
}

/**
 * The completeness of goal attainment over a span, of the whole region or of one provider (AGB), beside the region's
 * threshold: for documents without an actor (the quarterly report), which print a note when it is too low to judge.
 */
export async function goalCompleteness(
  db: Db,
  region: { id: string; code: string; name: string },
  span: { from: string; to: string },
  agb?: string,
): Promise<{ percent: number | null; minPercent: number; sufficient: boolean }> {
  const full = { ...region, municipalities: await municipalitiesOf(db, region.id) };
  const rows = await completenessPerProvider(db, full, span, agb);
  const ended = rows.reduce((s, p) => s + p.ended, 0);
  const registered = rows.reduce((s, p) => s + p.registered, 0);
  const percent = ended ? Math.round((1000 * registered) / ended) / 10 : null;
  const minPercent = await minCompletenessOf(db, region.id);
  return { percent, minPercent, sufficient: percent !== null && percent >= minPercent };
}
